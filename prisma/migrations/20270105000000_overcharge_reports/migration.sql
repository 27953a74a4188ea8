-- Overcharge reports (docs/decisions.md, "Overcharge reports"): a customer says the shop asked
-- for more than the official fee on a completed order. No money moves; operators read the
-- reports and the monthly flags they raise. Both tables are history: append-only.
CREATE TABLE overcharge_reports (
  id uuid PRIMARY KEY,
  -- One report per order: a second one is refused, a burst of them cannot count twice.
  order_id uuid NOT NULL UNIQUE REFERENCES orders (id),
  customer_id uuid NOT NULL REFERENCES users (id),
  agent_id uuid NOT NULL REFERENCES agents (id),
  currency char(3) NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
  -- What the shop asked beyond the fee, in minor units: the customer's word, not a posting.
  amount_asked bigint NOT NULL CHECK (amount_asked > 0),
  note text CHECK (length(note) BETWEEN 1 AND 500),
  -- The calendar month (Africa/Nairobi) the report counts in, its first day.
  month date NOT NULL CONSTRAINT overcharge_reports_month_first_day CHECK (extract(day FROM month) = 1),
  created_at timestamptz(3) NOT NULL DEFAULT now()
);
CREATE INDEX overcharge_reports_agent_month ON overcharge_reports (agent_id, month);
CREATE INDEX overcharge_reports_recent ON overcharge_reports (created_at, id);

COMMENT ON TABLE overcharge_reports IS
  'A customer''s report that a shop asked more than the official fee; one per order, append-only.';

-- An agent reported 3+ times in a calendar month, once per agent and month (the key): raised
-- under a per-agent advisory lock by the report that reaches the threshold.
CREATE TABLE overcharge_flags (
  agent_id uuid NOT NULL REFERENCES agents (id),
  month date NOT NULL CONSTRAINT overcharge_flags_month_first_day CHECK (extract(day FROM month) = 1),
  reports integer NOT NULL CHECK (reports >= 1),
  created_at timestamptz(3) NOT NULL DEFAULT now(),
  PRIMARY KEY (agent_id, month)
);

COMMENT ON TABLE overcharge_flags IS
  'Agents with 3 or more overcharge reports in a calendar month (Africa/Nairobi); append-only.';

CREATE TRIGGER overcharge_reports_append_only BEFORE UPDATE OR DELETE ON overcharge_reports
  FOR EACH ROW EXECUTE FUNCTION forbid_change();
CREATE TRIGGER overcharge_flags_append_only BEFORE UPDATE OR DELETE ON overcharge_flags
  FOR EACH ROW EXECUTE FUNCTION forbid_change();

-- The app appends reports and flags; it may never rewrite or remove one.
GRANT SELECT, INSERT ON overcharge_reports, overcharge_flags TO proxypay_app;
