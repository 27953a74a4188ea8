-- The agent's cash drawer (docs/decisions.md, "Cash drawer"). Cash is the shop's own record,
-- not ledger money: nothing here posts to the journal or touches an account. A day opens with
-- a count, every completed order of the shop moves it (derived from orders, never stored as a
-- running balance), the moves below add or take cash, and the day closes with a count whose
-- variance against the expected cash is kept for good.
--
-- Which orders belong to a day is pinned by the shop's float postings, not by times: postings
-- of one account get their ids under that account's row lock (ledger_post), so they are in
-- commit order. A day holds the completions whose float posting id is above
-- float_posting_from (the float's last posting when it opened) and, once closed, at most
-- float_posting_to (its last posting when it closed).
CREATE TABLE cash_drawer_days (
  id uuid PRIMARY KEY,
  agent_id uuid NOT NULL REFERENCES agents (id),
  currency char(3) NOT NULL,
  opened_at timestamptz(3) NOT NULL DEFAULT now(),
  opened_by uuid NOT NULL REFERENCES users (id),
  opening_count bigint NOT NULL CONSTRAINT cash_drawer_days_opening_count_check CHECK (opening_count >= 0),
  float_posting_from bigint NOT NULL,
  closed_at timestamptz(3),
  closed_by uuid REFERENCES users (id),
  counted bigint CONSTRAINT cash_drawer_days_counted_check CHECK (counted >= 0),
  expected bigint,
  variance bigint,
  float_posting_to bigint,
  -- A close sets all six together, and the variance is the count against what was expected.
  CONSTRAINT cash_drawer_days_closed CHECK (
    (closed_at IS NULL AND closed_by IS NULL AND counted IS NULL AND expected IS NULL
     AND variance IS NULL AND float_posting_to IS NULL)
    OR (closed_at IS NOT NULL AND closed_by IS NOT NULL AND counted IS NOT NULL
        AND expected IS NOT NULL AND variance = counted - expected AND closed_at >= opened_at
        AND float_posting_to >= float_posting_from)
  )
);
-- At most one open day per shop: a burst of opens leaves exactly one.
CREATE UNIQUE INDEX cash_drawer_days_one_open ON cash_drawer_days (agent_id) WHERE closed_at IS NULL;
CREATE INDEX cash_drawer_days_agent_idx ON cash_drawer_days (agent_id, opened_at);

-- Cash that enters or leaves the drawer other than across the counter. The sign is the
-- drawer's: deposits at the bank and what the owner takes leave it; cash delivered (a float
-- dealer, change from the bank) and what the owner puts in enter it.
CREATE TABLE cash_drawer_moves (
  id uuid PRIMARY KEY,
  day_id uuid NOT NULL REFERENCES cash_drawer_days (id),
  kind text NOT NULL CONSTRAINT cash_drawer_moves_kind_check
    CHECK (kind IN ('BANK_DEPOSIT', 'CASH_DELIVERED', 'OWNER_TOOK', 'OWNER_ADDED')),
  amount bigint NOT NULL,
  note text CONSTRAINT cash_drawer_moves_note_check CHECK (length(note) BETWEEN 1 AND 200),
  by_user uuid NOT NULL REFERENCES users (id),
  created_at timestamptz(3) NOT NULL DEFAULT now(),
  CONSTRAINT cash_drawer_moves_signed CHECK (
    (kind IN ('BANK_DEPOSIT', 'OWNER_TOOK') AND amount < 0)
    OR (kind IN ('CASH_DELIVERED', 'OWNER_ADDED') AND amount > 0)
  )
);
CREATE INDEX cash_drawer_moves_day_idx ON cash_drawer_moves (day_id, created_at);

-- A move is history; a day changes once, when it closes, and only its closing fields.
CREATE TRIGGER cash_drawer_moves_append_only BEFORE UPDATE OR DELETE ON cash_drawer_moves
  FOR EACH ROW EXECUTE FUNCTION forbid_change();

CREATE FUNCTION cash_drawer_day_closes_once() RETURNS trigger
LANGUAGE plpgsql SET search_path = pg_catalog, public, pg_temp AS $$
BEGIN
  IF TG_OP = 'DELETE' OR OLD.closed_at IS NOT NULL
     OR NEW.id <> OLD.id OR NEW.agent_id <> OLD.agent_id OR NEW.currency <> OLD.currency
     OR NEW.opened_at <> OLD.opened_at OR NEW.opened_by <> OLD.opened_by
     OR NEW.opening_count <> OLD.opening_count OR NEW.float_posting_from <> OLD.float_posting_from THEN
    RAISE EXCEPTION 'cash drawer day % changes only when it closes, once', OLD.id
      USING ERRCODE = 'PP100';
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER cash_drawer_days_close_once BEFORE UPDATE OR DELETE ON cash_drawer_days
  FOR EACH ROW EXECUTE FUNCTION cash_drawer_day_closes_once();

-- Per-shop alert thresholds; null: the settings' liquidity default.
ALTER TABLE agents
  ADD COLUMN low_float_threshold bigint
    CONSTRAINT agents_low_float_threshold_check CHECK (low_float_threshold >= 0),
  ADD COLUMN low_cash_threshold bigint
    CONSTRAINT agents_low_cash_threshold_check CHECK (low_cash_threshold >= 0);

COMMENT ON TABLE cash_drawer_days IS 'The shop''s own cash record, apart from the ledger; cash on hand is derived (opening count, completed orders since opened_at, moves).';
COMMENT ON TABLE cash_drawer_moves IS 'Cash in or out of the drawer other than across the counter; append-only.';

GRANT SELECT, INSERT, UPDATE ON cash_drawer_days TO proxypay_app;
GRANT SELECT, INSERT ON cash_drawer_moves TO proxypay_app;
