-- Personal QR cards for customers without a smartphone. The QR carries a secret derived
-- from the card's random id under a server key (like order tokens), so the customer's app
-- and an operator can print it again, while this table keeps only its SHA-256: a copy of
-- the database cannot make a scannable card. The card alone moves nothing: every order made
-- with it needs the holder's PIN on the agent's tablet.
--
-- A card is ACTIVE, BLOCKED (lost: by the holder or by an operator with a reason) or
-- REPLACED (a new card was issued; its secret is refused). At most one card per customer is
-- ACTIVE; blocked and replaced cards stay for the audit trail and to tell an agent plainly
-- why a scanned card is refused.
CREATE TABLE customer_cards (
  id uuid PRIMARY KEY,
  user_id uuid NOT NULL REFERENCES users (id),
  secret_hash text NOT NULL UNIQUE,
  status text NOT NULL DEFAULT 'ACTIVE'
    CONSTRAINT customer_cards_status_check CHECK (status IN ('ACTIVE', 'BLOCKED', 'REPLACED')),
  created_at timestamptz(3) NOT NULL DEFAULT now(),
  closed_at timestamptz(3),
  closed_by uuid REFERENCES users (id),
  block_reason text
    CONSTRAINT customer_cards_block_reason_check CHECK (length(block_reason) BETWEEN 1 AND 200),
  CONSTRAINT customer_cards_closed CHECK ((status = 'ACTIVE') = (closed_at IS NULL))
);
CREATE UNIQUE INDEX customer_cards_one_active ON customer_cards (user_id) WHERE status = 'ACTIVE';
CREATE INDEX customer_cards_user_idx ON customer_cards (user_id, created_at);

-- The app issues, blocks and replaces cards; nothing is ever deleted.
GRANT SELECT, INSERT, UPDATE ON customer_cards TO proxypay_app;
