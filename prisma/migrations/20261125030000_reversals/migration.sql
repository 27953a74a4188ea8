-- Reversal of a completed order, maker-checker: one operator requests it with a reason, a
-- different operator approves or rejects. Approval posts a compensating journal entry
-- (never an edit) and moves the order to REVERSED.
CREATE TYPE "ReversalStatus" AS ENUM ('REQUESTED', 'APPROVED', 'REJECTED');

CREATE TABLE reversals (
  id uuid PRIMARY KEY,
  order_id uuid NOT NULL REFERENCES orders(id),
  status "ReversalStatus" NOT NULL DEFAULT 'REQUESTED',
  reason text NOT NULL CHECK (length(reason) BETWEEN 3 AND 500),
  requested_by uuid NOT NULL REFERENCES users(id),
  requested_at timestamptz(3) NOT NULL DEFAULT now(),
  decided_by uuid REFERENCES users(id),
  decided_at timestamptz(3),
  decision_note text,
  journal_entry_id bigint REFERENCES journal_entries(id),
  -- Four eyes, enforced by the database as well as the use case.
  CONSTRAINT reversals_four_eyes CHECK (decided_by IS NULL OR decided_by <> requested_by),
  CONSTRAINT reversals_decided CHECK ((status = 'REQUESTED') = (decided_by IS NULL))
);
CREATE INDEX reversals_status_requested_at_idx ON reversals (status, requested_at);
CREATE UNIQUE INDEX reversals_one_open_per_order ON reversals (order_id) WHERE status = 'REQUESTED';
CREATE UNIQUE INDEX reversals_one_approved_per_order ON reversals (order_id) WHERE status = 'APPROVED';
-- One compensating entry per order.
CREATE UNIQUE INDEX journal_entries_order_reversal_key ON journal_entries (order_id) WHERE kind = 'REVERSAL';
