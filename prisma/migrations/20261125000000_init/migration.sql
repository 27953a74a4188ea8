-- ProxyPay initial schema. Hand-written (Prisma's schema engine cannot run offline here);
-- tests/integration/schema-matches.test.ts checks it against prisma/schema.prisma.

CREATE TYPE "Role" AS ENUM ('CUSTOMER', 'AGENT', 'ADMIN');
CREATE TYPE "UserStatus" AS ENUM ('ACTIVE', 'LOCKED');
CREATE TYPE "AgentStatus" AS ENUM ('ACTIVE', 'SUSPENDED');
CREATE TYPE "AccountKind" AS ENUM ('WALLET', 'FLOAT', 'COMMISSION', 'SETTLEMENT', 'FEE_REVENUE', 'COMMISSION_EXPENSE');
CREATE TYPE "OrderType" AS ENUM ('CASH_IN', 'CASH_OUT');
CREATE TYPE "OrderStatus" AS ENUM ('PENDING', 'CLAIMED', 'APPROVED', 'COMPLETED', 'CANCELLED', 'EXPIRED', 'DECLINED', 'REVERSED');
CREATE TYPE "HoldStatus" AS ENUM ('ACTIVE', 'RELEASED', 'CAPTURED');

CREATE TABLE users (
  id uuid PRIMARY KEY,
  role "Role" NOT NULL,
  phone text NOT NULL UNIQUE CHECK (phone ~ '^\+[1-9][0-9]{7,14}$'),
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 80),
  pin_hash text NOT NULL,
  status "UserStatus" NOT NULL DEFAULT 'ACTIVE',
  kyc_tier integer NOT NULL DEFAULT 1 CHECK (kyc_tier BETWEEN 1 AND 3),
  created_at timestamptz(3) NOT NULL DEFAULT now()
);

CREATE TABLE agents (
  id uuid PRIMARY KEY,
  user_id uuid NOT NULL UNIQUE REFERENCES users(id),
  shop_name text NOT NULL CHECK (length(shop_name) BETWEEN 1 AND 80),
  location_text text NOT NULL,
  latitude numeric(9, 6),
  longitude numeric(9, 6),
  status "AgentStatus" NOT NULL DEFAULT 'ACTIVE',
  suspended_reason text,
  created_at timestamptz(3) NOT NULL DEFAULT now()
);

-- Cached balances live on the account row; postings are the truth and the invariant
-- checks recompute one from the other. on_hold is money reserved for pending cash-outs.
CREATE TABLE accounts (
  id bigserial PRIMARY KEY,
  kind "AccountKind" NOT NULL,
  currency char(3) NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
  user_id uuid REFERENCES users(id),
  balance bigint NOT NULL DEFAULT 0,
  on_hold bigint NOT NULL DEFAULT 0,
  allow_negative boolean NOT NULL DEFAULT false,
  created_at timestamptz(3) NOT NULL DEFAULT now(),
  CONSTRAINT accounts_hold_non_negative CHECK (on_hold >= 0),
  CONSTRAINT accounts_available_non_negative CHECK (allow_negative OR balance - on_hold >= 0),
  CONSTRAINT accounts_owner_matches_kind CHECK (
    (kind IN ('WALLET', 'FLOAT', 'COMMISSION') AND user_id IS NOT NULL AND NOT allow_negative)
    OR (kind IN ('SETTLEMENT', 'FEE_REVENUE', 'COMMISSION_EXPENSE') AND user_id IS NULL)
  )
);
CREATE UNIQUE INDEX accounts_user_id_kind_currency_key ON accounts (user_id, kind, currency);
-- One platform account per kind and currency.
CREATE UNIQUE INDEX accounts_platform_kind_currency_key ON accounts (kind, currency) WHERE user_id IS NULL;

CREATE TABLE orders (
  id uuid PRIMARY KEY,
  reference text NOT NULL UNIQUE,
  type "OrderType" NOT NULL,
  status "OrderStatus" NOT NULL,
  customer_id uuid NOT NULL REFERENCES users(id),
  agent_id uuid REFERENCES agents(id),
  currency char(3) NOT NULL,
  amount bigint NOT NULL CHECK (amount > 0),
  fee bigint NOT NULL CHECK (fee >= 0),
  commission bigint NOT NULL CHECK (commission >= 0),
  token_hash text NOT NULL UNIQUE,
  typed_code text NOT NULL CHECK (typed_code ~ '^[0-9]{9}$'),
  config_version integer NOT NULL,
  expires_at timestamptz(3) NOT NULL,
  created_at timestamptz(3) NOT NULL DEFAULT now(),
  claimed_at timestamptz(3),
  approved_at timestamptz(3),
  completed_at timestamptz(3),
  closed_at timestamptz(3),
  close_reason text,
  CONSTRAINT orders_claimed_has_agent CHECK (status = 'PENDING' OR status IN ('CANCELLED', 'EXPIRED') OR agent_id IS NOT NULL)
);
CREATE INDEX orders_customer_id_created_at_idx ON orders (customer_id, created_at);
CREATE INDEX orders_agent_id_created_at_idx ON orders (agent_id, created_at);
CREATE INDEX orders_status_expires_at_idx ON orders (status, expires_at);
-- A typed code identifies one live order; once the order is closed the code may be reused.
CREATE UNIQUE INDEX orders_live_typed_code_key ON orders (typed_code) WHERE status IN ('PENDING', 'CLAIMED', 'APPROVED');

CREATE TABLE journal_entries (
  id bigserial PRIMARY KEY,
  kind text NOT NULL,
  order_id uuid REFERENCES orders(id),
  description text NOT NULL,
  created_at timestamptz(3) NOT NULL DEFAULT now()
);
CREATE INDEX journal_entries_order_id_idx ON journal_entries (order_id);
-- An order is executed by exactly one entry of its own kind.
CREATE UNIQUE INDEX journal_entries_order_execution_key ON journal_entries (order_id) WHERE kind IN ('CASH_IN', 'CASH_OUT');

CREATE TABLE postings (
  id bigserial PRIMARY KEY,
  entry_id bigint NOT NULL REFERENCES journal_entries(id),
  account_id bigint NOT NULL REFERENCES accounts(id),
  amount bigint NOT NULL CHECK (amount <> 0),
  currency char(3) NOT NULL,
  -- The account's balance right after this posting: statements and receipts read it
  -- instead of summing history. Exact because ledger_post holds the account's row lock.
  balance_after bigint NOT NULL
);
CREATE INDEX postings_account_id_id_idx ON postings (account_id, id);
CREATE INDEX postings_entry_id_idx ON postings (entry_id);

CREATE TABLE holds (
  id bigserial PRIMARY KEY,
  account_id bigint NOT NULL REFERENCES accounts(id),
  order_id uuid NOT NULL UNIQUE REFERENCES orders(id),
  amount bigint NOT NULL CHECK (amount > 0),
  status "HoldStatus" NOT NULL DEFAULT 'ACTIVE',
  created_at timestamptz(3) NOT NULL DEFAULT now(),
  resolved_at timestamptz(3)
);

CREATE TABLE order_events (
  id bigserial PRIMARY KEY,
  order_id uuid NOT NULL REFERENCES orders(id),
  from_status "OrderStatus",
  to_status "OrderStatus" NOT NULL,
  actor_id uuid,
  actor_role text NOT NULL,
  detail text,
  created_at timestamptz(3) NOT NULL DEFAULT now()
);
CREATE INDEX order_events_order_id_id_idx ON order_events (order_id, id);

CREATE TABLE audit_log (
  id bigserial PRIMARY KEY,
  actor_id uuid,
  actor_role text NOT NULL,
  action text NOT NULL,
  entity_type text NOT NULL,
  entity_id text NOT NULL,
  ip text,
  before jsonb,
  after jsonb,
  created_at timestamptz(3) NOT NULL DEFAULT now()
);
CREATE INDEX audit_log_entity_type_entity_id_idx ON audit_log (entity_type, entity_id);
CREATE INDEX audit_log_created_at_idx ON audit_log (created_at);

CREATE TABLE idempotency_keys (
  user_id uuid NOT NULL,
  key text NOT NULL,
  operation text NOT NULL,
  request_hash text NOT NULL,
  response jsonb NOT NULL,
  created_at timestamptz(3) NOT NULL DEFAULT now(),
  PRIMARY KEY (user_id, key)
);

CREATE TABLE config_versions (
  version integer PRIMARY KEY,
  settings jsonb NOT NULL,
  created_by uuid,
  created_at timestamptz(3) NOT NULL DEFAULT now()
);

-- The journal, its postings, order events and the audit log are append-only: corrections
-- are new rows, never edits. The trigger makes that a property of the database, not a habit.
CREATE FUNCTION forbid_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% is append-only', TG_TABLE_NAME USING ERRCODE = 'PP100';
END $$;
CREATE TRIGGER journal_entries_append_only BEFORE UPDATE OR DELETE ON journal_entries FOR EACH ROW EXECUTE FUNCTION forbid_change();
CREATE TRIGGER postings_append_only BEFORE UPDATE OR DELETE ON postings FOR EACH ROW EXECUTE FUNCTION forbid_change();
CREATE TRIGGER order_events_append_only BEFORE UPDATE OR DELETE ON order_events FOR EACH ROW EXECUTE FUNCTION forbid_change();
CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log FOR EACH ROW EXECUTE FUNCTION forbid_change();
CREATE TRIGGER config_versions_append_only BEFORE UPDATE OR DELETE ON config_versions FOR EACH ROW EXECUTE FUNCTION forbid_change();

-- One money movement = one call = one round trip. Locks every touched account in id order
-- (the same order for every caller, so concurrent movements cannot deadlock), optionally
-- captures the hold of an order, checks that postings balance per currency and that no
-- customer/agent account would go below zero, then writes the entry, its postings and the
-- cached balances. Returns the new entry id, or NULL entry with the first account that
-- lacks funds (the caller turns that into a domain refusal and rolls back).
CREATE FUNCTION ledger_post(
  p_kind text,
  p_order_id uuid,
  p_description text,
  p_accounts bigint[],
  p_amounts bigint[],
  p_capture_hold boolean DEFAULT false
) RETURNS TABLE (entry_id bigint, short_account_id bigint)
LANGUAGE plpgsql AS $$
DECLARE
  v_entry bigint;
  v_short bigint;
  v_count integer;
BEGIN
  IF coalesce(array_length(p_accounts, 1), 0) < 2
     OR array_length(p_accounts, 1) <> coalesce(array_length(p_amounts, 1), -1) THEN
    RAISE EXCEPTION 'ledger_post: an entry needs two or more postings' USING ERRCODE = 'PP101';
  END IF;
  IF EXISTS (SELECT 1 FROM unnest(p_amounts) a WHERE a = 0) THEN
    RAISE EXCEPTION 'ledger_post: zero posting' USING ERRCODE = 'PP101';
  END IF;

  PERFORM 1 FROM accounts WHERE id = ANY (p_accounts) ORDER BY id FOR UPDATE;
  SELECT count(*) INTO v_count FROM accounts WHERE id = ANY (p_accounts);
  IF v_count <> (SELECT count(DISTINCT x) FROM unnest(p_accounts) x) THEN
    RAISE EXCEPTION 'ledger_post: unknown account' USING ERRCODE = 'PP101';
  END IF;

  IF EXISTS (
    SELECT 1 FROM unnest(p_accounts, p_amounts) AS p(account_id, amount)
    JOIN accounts a ON a.id = p.account_id
    GROUP BY a.currency HAVING sum(p.amount) <> 0
  ) THEN
    RAISE EXCEPTION 'ledger_post: postings do not balance' USING ERRCODE = 'PP101';
  END IF;

  IF p_capture_hold THEN
    WITH h AS (
      UPDATE holds SET status = 'CAPTURED', resolved_at = now()
      WHERE order_id = p_order_id AND status = 'ACTIVE'
      RETURNING account_id, amount
    )
    UPDATE accounts a SET on_hold = a.on_hold - h.amount FROM h WHERE a.id = h.account_id;
    GET DIAGNOSTICS v_count = ROW_COUNT;
    IF v_count <> 1 THEN
      RAISE EXCEPTION 'ledger_post: order % has no active hold', p_order_id USING ERRCODE = 'PP101';
    END IF;
  END IF;

  SELECT a.id INTO v_short
  FROM accounts a
  JOIN (SELECT account_id, sum(amount) AS delta FROM unnest(p_accounts, p_amounts) AS p(account_id, amount) GROUP BY account_id) d
    ON d.account_id = a.id
  WHERE NOT a.allow_negative AND a.balance - a.on_hold + d.delta < 0
  ORDER BY a.id LIMIT 1;
  IF v_short IS NOT NULL THEN
    RETURN QUERY SELECT NULL::bigint, v_short;
    RETURN;
  END IF;

  INSERT INTO journal_entries (kind, order_id, description) VALUES (p_kind, p_order_id, p_description)
  RETURNING id INTO v_entry;
  INSERT INTO postings (entry_id, account_id, amount, currency, balance_after)
  SELECT v_entry, p.account_id, p.amount, a.currency,
         a.balance + sum(p.amount) OVER (PARTITION BY p.account_id ORDER BY p.n)
  FROM unnest(p_accounts, p_amounts) WITH ORDINALITY AS p(account_id, amount, n)
  JOIN accounts a ON a.id = p.account_id
  ORDER BY p.n;
  UPDATE accounts a SET balance = a.balance + d.delta
  FROM (SELECT account_id, sum(amount) AS delta FROM unnest(p_accounts, p_amounts) AS p(account_id, amount) GROUP BY account_id) d
  WHERE a.id = d.account_id;

  RETURN QUERY SELECT v_entry, NULL::bigint;
END $$;
