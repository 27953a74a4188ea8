-- Money at the counter. A customer who handed cash to an agent that then did not credit the
-- wallet (cash-in), or who approved a cash-out and got no cash, opens a dispute; an operator
-- decides it, and upholding needs a second operator (as reversals do). While it is open the
-- disputed amount is held on the agent's float, where it still is.
CREATE TYPE "DisputeKind" AS ENUM ('CASH_NOT_CREDITED', 'CASH_NOT_RECEIVED');
CREATE TYPE "DisputeStatus" AS ENUM ('OPEN', 'UPHOLD_REQUESTED', 'UPHELD', 'REJECTED');

CREATE TABLE disputes (
  id uuid PRIMARY KEY,
  order_id uuid NOT NULL UNIQUE REFERENCES orders(id),
  kind "DisputeKind" NOT NULL,
  status "DisputeStatus" NOT NULL DEFAULT 'OPEN',
  opened_by uuid NOT NULL REFERENCES users(id),
  opened_at timestamptz(3) NOT NULL DEFAULT now(),
  note text NOT NULL CHECK (length(note) BETWEEN 1 AND 500),
  -- Held on the agent's float when the dispute opened: the amount, or what was left of it.
  held bigint NOT NULL CHECK (held >= 0),
  uphold_requested_by uuid REFERENCES users(id),
  uphold_requested_at timestamptz(3),
  decided_by uuid REFERENCES users(id),
  decided_at timestamptz(3),
  decision_note text CHECK (length(decision_note) BETWEEN 1 AND 500),
  CONSTRAINT disputes_four_eyes CHECK (
    status <> 'UPHELD' OR (uphold_requested_by IS NOT NULL AND decided_by <> uphold_requested_by)),
  CONSTRAINT disputes_requested CHECK ((status = 'UPHOLD_REQUESTED') <= (uphold_requested_by IS NOT NULL)),
  CONSTRAINT disputes_decided CHECK ((status IN ('UPHELD', 'REJECTED')) = (decided_by IS NOT NULL))
);
CREATE INDEX disputes_status_opened_at_idx ON disputes (status, opened_at);

-- A hold now belongs to an order (a cash-out's reservation on the wallet) or to a dispute
-- (the disputed amount on the agent's float), never both. ledger_post captures holds by
-- order id, so a dispute's hold is released explicitly when the dispute is decided.
ALTER TABLE holds ALTER COLUMN order_id DROP NOT NULL;
ALTER TABLE holds ADD COLUMN dispute_id uuid UNIQUE REFERENCES disputes(id);
ALTER TABLE holds ADD CONSTRAINT holds_one_owner CHECK ((order_id IS NULL) <> (dispute_id IS NULL));
