-- Disputes with rules (docs/decisions.md, "Disputes with rules"). Two more reasons, the shop
-- as an opener (a completed cash-in whose cash was fake or short), and the amount in dispute
-- beside what could be held of it. A dispute's hold may now sit on a customer's wallet (the
-- shop's dispute) as well as on a shop's float.
ALTER TYPE "DisputeKind" ADD VALUE IF NOT EXISTS 'WRONG_AMOUNT';
ALTER TYPE "DisputeKind" ADD VALUE IF NOT EXISTS 'OVERCHARGED';

-- Who opened it: the customer of the order, or the shop that served it. opened_by is then the
-- customer, or the shop owner's user (the float's owner), so a shop's monthly cap is one cap
-- however many people serve at it; the acting person is in the audit log.
CREATE TYPE "DisputeParty" AS ENUM ('CUSTOMER', 'SHOP');
ALTER TABLE disputes ADD COLUMN party "DisputeParty" NOT NULL DEFAULT 'CUSTOMER';
ALTER TABLE disputes ALTER COLUMN party DROP DEFAULT;

-- The value in dispute (the order's amount); held is what the accused side still had of it.
ALTER TABLE disputes ADD COLUMN disputed bigint;
UPDATE disputes d SET disputed = greatest(o.amount, d.held) FROM orders o WHERE o.id = d.order_id;
ALTER TABLE disputes ALTER COLUMN disputed SET NOT NULL;
ALTER TABLE disputes ADD CONSTRAINT disputes_disputed_check CHECK (disputed > 0);
ALTER TABLE disputes ADD CONSTRAINT disputes_held_within CHECK (held <= disputed);
COMMENT ON COLUMN disputes.disputed IS 'The value in dispute (minor units); held <= disputed.';
COMMENT ON COLUMN disputes.held IS
  'Held on the accused side (shop float, or the customer''s wallet for a shop''s dispute) when it opened: least(disputed, available).';

-- The monthly cap counts an opener's disputes of the last 30 days under a lock on their row.
CREATE INDEX disputes_opened_by_opened_at_idx ON disputes (opened_by, opened_at);

-- holds_one_owner (exactly one of order, dispute, sell-float request) is already the
-- num_nonnulls form since 20270103000000_rebalancing: a dispute's hold needs no change to it.
