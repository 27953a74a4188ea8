-- Each agent is paid by a commission plan, named by its code in the settings document
-- (commissionPlans). Existing agents keep what they earned so far: the STANDARD plan, which
-- older settings versions are read as. The plan is looked up when an agent claims an order,
-- in the settings version the order was priced with.
ALTER TABLE agents
  ADD COLUMN commission_plan text NOT NULL DEFAULT 'STANDARD'
  CONSTRAINT agents_commission_plan_code CHECK (commission_plan ~ '^[A-Z][A-Z0-9_]{1,23}$');

