-- Four eyes for operators themselves (issue 8). One operator could create another operator
-- with a password of their choosing and then approve their own reversals, and could move any
-- amount between the platform's bank money and an agent alone.

-- A new operator is proposed by one operator and approved by another; the account exists
-- only once the new person activates it with BOTH one-time codes (one shown to the proposer,
-- one to the approver), setting a password neither of them knows. Codes are stored hashed
-- and cleared when used.
CREATE TYPE "OperatorInvitationStatus" AS ENUM ('PROPOSED', 'APPROVED', 'REJECTED', 'EXPIRED', 'ACTIVATED');

CREATE TABLE operator_invitations (
  id uuid PRIMARY KEY,
  phone text NOT NULL CHECK (phone ~ '^\+[1-9][0-9]{7,14}$'),
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 80),
  status "OperatorInvitationStatus" NOT NULL DEFAULT 'PROPOSED',
  proposed_by uuid NOT NULL REFERENCES users(id),
  proposed_at timestamptz(3) NOT NULL DEFAULT now(),
  decided_by uuid REFERENCES users(id),
  decided_at timestamptz(3),
  maker_code_hash text,
  checker_code_hash text,
  expires_at timestamptz(3) NOT NULL,
  user_id uuid REFERENCES users(id),
  activated_at timestamptz(3),
  CONSTRAINT operator_invitations_four_eyes CHECK (decided_by IS NULL OR decided_by <> proposed_by),
  CONSTRAINT operator_invitations_decided CHECK (
    (status IN ('APPROVED', 'REJECTED', 'ACTIVATED')) = (decided_by IS NOT NULL)
    OR status = 'EXPIRED'),
  CONSTRAINT operator_invitations_activated CHECK ((status = 'ACTIVATED') = (user_id IS NOT NULL)),
  CONSTRAINT operator_invitations_codes CHECK (
    status NOT IN ('PROPOSED', 'APPROVED') OR maker_code_hash IS NOT NULL),
  CONSTRAINT operator_invitations_approved_code CHECK (
    status <> 'APPROVED' OR checker_code_hash IS NOT NULL)
);
CREATE UNIQUE INDEX operator_invitations_one_open_per_phone ON operator_invitations (phone)
  WHERE status IN ('PROPOSED', 'APPROVED');
CREATE INDEX operator_invitations_proposed_at_idx ON operator_invitations (proposed_at);

-- Locking an operator (or anyone) ends the sessions they hold: a session signed in before
-- this moment is refused even after an unlock.
ALTER TABLE users ADD COLUMN sessions_valid_from timestamptz(3);

-- Operator money movements above what one operator may move alone wait here for a second
-- operator; approval posts the entry through ledger_post in the same transaction.
CREATE TYPE "MoneyRequestStatus" AS ENUM ('REQUESTED', 'APPROVED', 'REJECTED');

CREATE TABLE money_requests (
  id uuid PRIMARY KEY,
  kind text NOT NULL CHECK (kind IN ('FUND_FLOAT', 'DEFLOAT', 'PAY_COMMISSION')),
  agent_id uuid NOT NULL REFERENCES agents(id),
  amount bigint NOT NULL CHECK (amount > 0),
  currency char(3) NOT NULL,
  external_ref text NOT NULL CHECK (length(external_ref) BETWEEN 1 AND 80),
  status "MoneyRequestStatus" NOT NULL DEFAULT 'REQUESTED',
  requested_by uuid NOT NULL REFERENCES users(id),
  requested_at timestamptz(3) NOT NULL DEFAULT now(),
  decided_by uuid REFERENCES users(id),
  decided_at timestamptz(3),
  decision_note text CHECK (length(decision_note) BETWEEN 1 AND 500),
  journal_entry_id bigint UNIQUE REFERENCES journal_entries(id),
  CONSTRAINT money_requests_four_eyes CHECK (decided_by IS NULL OR decided_by <> requested_by),
  CONSTRAINT money_requests_decided CHECK ((status = 'REQUESTED') = (decided_by IS NULL)),
  CONSTRAINT money_requests_posted CHECK ((status = 'APPROVED') = (journal_entry_id IS NOT NULL))
);
CREATE INDEX money_requests_status_requested_at_idx ON money_requests (status, requested_at);
-- A bank reference waits for approval once per kind of movement.
CREATE UNIQUE INDEX money_requests_open_ref ON money_requests (kind, external_ref)
  WHERE status = 'REQUESTED';

-- What one operator moved alone in the last 24 hours is summed from here.
CREATE INDEX journal_entries_created_by_created_at_idx ON journal_entries (created_by, created_at)
  WHERE created_by IS NOT NULL;
