-- Each agent is paid by a commission plan, named by its code in the settings document
-- (commissionPlans). Existing agents keep what they earned so far: the STANDARD plan, which
-- older settings versions are read as. The plan is looked up when an agent claims an order,
-- in the settings version the order was priced with.
ALTER TABLE agents
  ADD COLUMN commission_plan text NOT NULL DEFAULT 'STANDARD'
  CONSTRAINT agents_commission_plan_code CHECK (commission_plan ~ '^[A-Z][A-Z0-9_]{1,23}$');


-- An order's commission is unknown until an agent claims it (it depends on that agent's
-- plan): NULL, not 0, which is a commission a plan may pay. A claimed order always has one,
-- so nothing can pay an agent an unpriced 0.
ALTER TABLE orders ALTER COLUMN commission DROP NOT NULL;
UPDATE orders SET commission = NULL WHERE agent_id IS NULL;
ALTER TABLE orders
  ADD CONSTRAINT orders_commission_once_claimed CHECK ((agent_id IS NULL) = (commission IS NULL));
