-- Rebalancing requests: an agent short of float (or of cash) asks the operator from the
-- tablet. BUY_FLOAT: the agent deposited cash at the operator's bank and gives the deposit's
-- reference; approval funds the float through the operators' FUND_FLOAT movement, whose
-- journal entry is unique per bank reference. SELL_FLOAT: the agent gives float back for cash
-- the operator delivers; the amount is held on the float from the moment of the request (so
-- the counter cannot spend it meanwhile), captured by the DEFLOAT entry on approval, released
-- on rejection or cancellation. Approval follows the operators' four-eyes allowance
-- (operatorFourEyesAbove): beyond it the first operator's approval waits for a second one.
CREATE TYPE "RebalanceKind" AS ENUM ('BUY_FLOAT', 'SELL_FLOAT');
CREATE TYPE "RebalanceStatus" AS ENUM ('REQUESTED', 'AWAITING_SECOND', 'APPROVED', 'REJECTED', 'CANCELLED');

CREATE TABLE rebalance_requests (
  id uuid PRIMARY KEY,
  agent_id uuid NOT NULL REFERENCES agents(id),
  kind "RebalanceKind" NOT NULL,
  amount bigint NOT NULL CHECK (amount > 0),
  currency char(3) NOT NULL,
  -- The agent's deposit at the operator's bank (BUY_FLOAT only).
  bank_reference text CHECK (length(bank_reference) BETWEEN 1 AND 80),
  status "RebalanceStatus" NOT NULL DEFAULT 'REQUESTED',
  requested_by uuid NOT NULL REFERENCES users(id),
  requested_at timestamptz(3) NOT NULL DEFAULT now(),
  -- The tablet's key for the request: a retried submission is the same request.
  idempotency_key text NOT NULL,
  -- The first operator's approval of an amount beyond what one operator may move alone.
  first_approved_by uuid REFERENCES users(id),
  first_approved_at timestamptz(3),
  -- Who closed it: the approving or rejecting operator, or the agent who cancelled.
  decided_by uuid REFERENCES users(id),
  decided_at timestamptz(3),
  decision_reason text CHECK (length(decision_reason) BETWEEN 1 AND 500),
  journal_entry_id bigint UNIQUE REFERENCES journal_entries(id),
  CONSTRAINT rebalance_requests_reference CHECK ((kind = 'BUY_FLOAT') = (bank_reference IS NOT NULL)),
  CONSTRAINT rebalance_requests_awaiting CHECK (
    (status = 'AWAITING_SECOND') <= (first_approved_by IS NOT NULL)),
  CONSTRAINT rebalance_requests_four_eyes CHECK (
    first_approved_by IS NULL OR status <> 'APPROVED' OR decided_by <> first_approved_by),
  CONSTRAINT rebalance_requests_decided CHECK (
    (status IN ('APPROVED', 'REJECTED', 'CANCELLED')) = (decided_by IS NOT NULL)),
  CONSTRAINT rebalance_requests_posted CHECK ((status = 'APPROVED') = (journal_entry_id IS NOT NULL)),
  UNIQUE (requested_by, idempotency_key)
);
-- One deposit buys float once: its reference may be in one request that is waiting or
-- approved (a rejected or cancelled one moved nothing, so the agent may state it again).
CREATE UNIQUE INDEX rebalance_requests_one_per_deposit ON rebalance_requests (bank_reference)
  WHERE bank_reference IS NOT NULL AND status IN ('REQUESTED', 'AWAITING_SECOND', 'APPROVED');
CREATE INDEX rebalance_requests_status_requested_at_idx ON rebalance_requests (status, requested_at, id);
CREATE INDEX rebalance_requests_agent_requested_at_idx ON rebalance_requests (agent_id, requested_at);

-- A hold now belongs to exactly one of: an order, a dispute, a sell-float request.
ALTER TABLE holds ADD COLUMN rebalance_id uuid UNIQUE REFERENCES rebalance_requests(id);
ALTER TABLE holds DROP CONSTRAINT holds_one_owner;
ALTER TABLE holds ADD CONSTRAINT holds_one_owner
  CHECK (num_nonnulls(order_id, dispute_id, rebalance_id) = 1);

-- The agent asks and cancels, operators decide; nothing is ever deleted.
GRANT SELECT, INSERT, UPDATE ON rebalance_requests TO proxypay_app;
