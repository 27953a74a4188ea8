-- The money path as fast as PostgreSQL allows (docs/decisions.md, "One statement per money
-- command"). Three changes, none of which changes what any invariant asserts:
--
-- 1. The platform's own accounts touched by every order (FEE_REVENUE, COMMISSION_EXPENSE) are
--    split into 8 sub-accounts per currency ("shards"); an order posts to the shard its id
--    hashes to. Each shard is an ordinary account (cached balance, balance_after, row lock),
--    so the trial balance and reconciliation stay exact; reports sum the shards by kind.
--    SETTLEMENT moves only with operators' bank movements and stays one account.
-- 2. ledger_post locks the customer's and agent's accounts first and the platform's last:
--    an entry waiting for a busy wallet or float no longer holds a platform row meanwhile.
-- 3. order_step: the one place an order changes state. Guarded transition, hold release,
--    journal entry, order event + audit + notification and the idempotency key, in one
--    statement, so a money command holds its row locks only while PostgreSQL executes it.

ALTER TABLE accounts ADD COLUMN shard smallint NOT NULL DEFAULT 0;
ALTER TABLE accounts ADD CONSTRAINT accounts_platform_shard CHECK (
  shard = 0 OR (kind IN ('FEE_REVENUE', 'COMMISSION_EXPENSE') AND user_id IS NULL AND shard BETWEEN 1 AND 7)
);
DROP INDEX accounts_platform_kind_currency_key;
CREATE UNIQUE INDEX accounts_platform_kind_currency_key ON accounts (kind, currency, shard)
  WHERE user_id IS NULL;
INSERT INTO accounts (kind, currency, allow_negative, shard)
SELECT a.kind, a.currency, true, s.shard
FROM accounts a CROSS JOIN generate_series(1, 7) AS s(shard)
WHERE a.user_id IS NULL AND a.kind IN ('FEE_REVENUE', 'COMMISSION_EXPENSE')
ORDER BY a.currency, a.kind, s.shard;

-- The sub-account of FEE_REVENUE and COMMISSION_EXPENSE an order posts to.
CREATE FUNCTION order_shard(p_order uuid) RETURNS integer LANGUAGE sql IMMUTABLE
SET search_path = pg_catalog AS $$ SELECT hashtext(p_order::text) & 7 $$;
GRANT EXECUTE ON FUNCTION order_shard(uuid) TO proxypay_app;

-- Same checks and writes as before (see the operator_money migration); only the lock order
-- changed: people's accounts by id, then the platform's by id. Every caller uses this one
-- order, so two entries still cannot deadlock each other.
CREATE OR REPLACE FUNCTION ledger_post(
  p_kind text,
  p_order_id uuid,
  p_description text,
  p_accounts bigint[],
  p_amounts bigint[],
  p_capture_hold boolean DEFAULT false,
  p_external_ref text DEFAULT NULL,
  p_created_by uuid DEFAULT NULL
) RETURNS TABLE (entry_id bigint, short_account_id bigint)
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp AS $$
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

  PERFORM 1 FROM accounts WHERE id = ANY (p_accounts) ORDER BY (user_id IS NULL), id FOR UPDATE;
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

  INSERT INTO journal_entries (kind, order_id, description, external_ref, created_by)
  VALUES (p_kind, p_order_id, p_description, p_external_ref, p_created_by)
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

-- An order as the app reads it, amounts as text (JSON numbers lose bigints past 2^53).
CREATE FUNCTION order_json(o orders) RETURNS jsonb LANGUAGE sql STABLE
SET search_path = pg_catalog, public, pg_temp AS $$
  SELECT jsonb_build_object(
    'id', o.id, 'reference', o.reference, 'type', o.type, 'status', o.status,
    'customerId', o.customer_id, 'agentId', o.agent_id, 'currency', o.currency,
    'amount', o.amount::text, 'fee', o.fee::text, 'commission', o.commission::text,
    'tokenHash', o.token_hash, 'typedCode', o.typed_code, 'configVersion', o.config_version,
    'expiresAt', o.expires_at, 'createdAt', o.created_at, 'claimedAt', o.claimed_at,
    'approvedAt', o.approved_at, 'completedAt', o.completed_at, 'closedAt', o.closed_at,
    'closeReason', o.close_reason)
$$;

-- The order's timeline, the audit log (who, from which IP, before and after) and a wake-up
-- for every screen watching the order. The notification is sent at commit.
CREATE FUNCTION record_order_event(
  p_order uuid, p_from "OrderStatus", p_to "OrderStatus", p_actor_id uuid, p_actor_role text,
  p_ip text, p_detail text
) RETURNS void
LANGUAGE sql SET search_path = pg_catalog, public, pg_temp AS $$
  WITH ev AS (
    INSERT INTO order_events (order_id, from_status, to_status, actor_id, actor_role, detail)
    VALUES (p_order, p_from, p_to, p_actor_id, coalesce(p_actor_role, 'SYSTEM'), p_detail)
    RETURNING order_id
  ), audit AS (
    INSERT INTO audit_log (actor_id, actor_role, action, entity_type, entity_id, ip, before, after)
    SELECT p_actor_id, coalesce(p_actor_role, 'SYSTEM'), 'order.' || lower(p_to::text), 'order',
           order_id::text, p_ip,
           CASE WHEN p_from IS NULL THEN NULL ELSE jsonb_build_object('status', p_from) END,
           jsonb_strip_nulls(jsonb_build_object('status', p_to, 'detail', p_detail))
    FROM ev
  )
  SELECT pg_notify('order_changed', order_id::text) FROM ev
$$;

-- One state change of one order, everything it implies, in one statement. The app decides
-- (src/domain/order-state.ts names the moves, the use case computes the postings); this
-- function only applies the decision under a guard, so a race lets exactly one caller through.
-- Returns jsonb:
--   {"outcome":"done","order":…,"entryId":…,"receiptBalance":…}  the move happened;
--   {"outcome":"refused","order":…}                                the guard held: order as it is now;
--   {"outcome":"replay","operation":…,"requestHash":…,"response":…} the key was used before.
-- A journal entry the money cannot cover raises PP201 (DETAIL: the short account id), so the
-- state change rolls back with it. With p_key, the key is stored with the result in the same
-- statement; a concurrent call with the same key waits on the order's row and then replays.
CREATE FUNCTION order_step(
  p_order uuid,
  p_from text[],
  p_to "OrderStatus",
  p_time text,
  p_actor_id uuid,
  p_actor_role text,
  p_ip text DEFAULT NULL,
  p_agent uuid DEFAULT NULL,
  p_claim boolean DEFAULT false,
  p_commission bigint DEFAULT NULL,
  p_hold_open_seconds integer DEFAULT 0,
  p_approved boolean DEFAULT false,
  p_close_reason text DEFAULT NULL,
  p_detail text DEFAULT NULL,
  p_release_hold boolean DEFAULT false,
  p_entry_kind text DEFAULT NULL,
  p_description text DEFAULT NULL,
  p_accounts bigint[] DEFAULT NULL,
  p_amounts bigint[] DEFAULT NULL,
  p_capture_hold boolean DEFAULT false,
  p_created_by uuid DEFAULT NULL,
  p_receipt_account bigint DEFAULT NULL,
  p_key text DEFAULT NULL,
  p_operation text DEFAULT NULL,
  p_request_hash text DEFAULT NULL
) RETURNS jsonb
LANGUAGE plpgsql SET search_path = pg_catalog, public, pg_temp AS $$
DECLARE
  v_before "OrderStatus";
  v_order orders;
  v_entry bigint;
  v_short bigint;
  v_receipt bigint;
  v_result jsonb;
  v_replay jsonb;
BEGIN
  IF p_key IS NOT NULL THEN
    SELECT jsonb_build_object('outcome', 'replay', 'operation', k.operation,
                              'requestHash', k.request_hash, 'response', k.response)
      INTO v_replay
      FROM idempotency_keys k WHERE k.user_id = p_actor_id AND k.key = p_key;
    IF v_replay IS NOT NULL THEN RETURN v_replay; END IF;
  END IF;

  -- Lock the row first: the status read here is the one the guarded UPDATE then sees.
  SELECT status INTO v_before FROM orders WHERE id = p_order FOR UPDATE;
  UPDATE orders SET
    status = p_to,
    agent_id = CASE WHEN p_claim THEN p_agent ELSE agent_id END,
    claimed_at = CASE WHEN p_claim THEN now() ELSE claimed_at END,
    commission = coalesce(p_commission, commission),
    expires_at = greatest(expires_at, now() + make_interval(secs => p_hold_open_seconds)),
    approved_at = CASE WHEN p_approved THEN now() ELSE approved_at END,
    completed_at = CASE WHEN p_to = 'COMPLETED' THEN now() ELSE completed_at END,
    closed_at = CASE WHEN p_to IN ('CANCELLED', 'EXPIRED', 'DECLINED') THEN now() ELSE closed_at END,
    close_reason = coalesce(p_close_reason, close_reason)
  WHERE id = p_order
    AND status::text = ANY (p_from)
    AND (p_claim OR p_agent IS NULL OR agent_id = p_agent)
    AND CASE p_time WHEN 'before-expiry' THEN expires_at > now()
                    WHEN 'after-expiry' THEN expires_at <= now()
                    ELSE true END
  RETURNING * INTO v_order;

  IF v_order.id IS NULL THEN
    -- The guard held. If it held because a call with the same key got there first (we waited
    -- for its row lock), that call's answer is this one's.
    IF p_key IS NOT NULL THEN
      SELECT jsonb_build_object('outcome', 'replay', 'operation', k.operation,
                                'requestHash', k.request_hash, 'response', k.response)
        INTO v_replay
        FROM idempotency_keys k WHERE k.user_id = p_actor_id AND k.key = p_key;
      IF v_replay IS NOT NULL THEN RETURN v_replay; END IF;
    END IF;
    SELECT * INTO v_order FROM orders WHERE id = p_order;
    RETURN jsonb_build_object('outcome', 'refused',
      'order', CASE WHEN v_order.id IS NULL THEN NULL ELSE order_json(v_order) END,
      'overdue', v_order.expires_at <= now());
  END IF;
  IF p_release_hold THEN
    WITH released AS (
      UPDATE holds SET status = 'RELEASED', resolved_at = now()
      WHERE order_id = p_order AND status = 'ACTIVE'
      RETURNING account_id, amount
    )
    UPDATE accounts a SET on_hold = a.on_hold - r.amount FROM released r WHERE a.id = r.account_id;
  END IF;

  IF p_entry_kind IS NOT NULL THEN
    SELECT l.entry_id, l.short_account_id INTO v_entry, v_short
    FROM ledger_post(p_entry_kind, p_order, p_description, p_accounts, p_amounts,
                     p_capture_hold, NULL, p_created_by) l;
    IF v_short IS NOT NULL THEN
      RAISE EXCEPTION 'order_step: account % cannot cover the entry', v_short
        USING ERRCODE = 'PP201', DETAIL = v_short::text;
    END IF;
    IF p_receipt_account IS NOT NULL THEN
      SELECT balance_after INTO v_receipt FROM postings
      WHERE entry_id = v_entry AND account_id = p_receipt_account ORDER BY id DESC LIMIT 1;
    END IF;
  END IF;

  PERFORM record_order_event(p_order, v_before, p_to, p_actor_id, p_actor_role, p_ip, p_detail);

  v_result := jsonb_build_object('outcome', 'done', 'order', order_json(v_order),
    'entryId', v_entry::text, 'receiptBalance', v_receipt::text);
  IF p_key IS NOT NULL THEN
    INSERT INTO idempotency_keys (user_id, key, operation, request_hash, response)
    VALUES (p_actor_id, p_key, p_operation, p_request_hash, v_result)
    ON CONFLICT (user_id, key) DO NOTHING;
    IF NOT FOUND THEN
      -- The same key was used meanwhile for another request: undo this one; the caller
      -- asks again and is answered from the stored key.
      RAISE EXCEPTION 'order_step: idempotency key taken meanwhile' USING ERRCODE = 'PP202';
    END IF;
  END IF;
  RETURN v_result;
END $$;

REVOKE EXECUTE ON FUNCTION order_step FROM PUBLIC;
GRANT EXECUTE ON FUNCTION order_step TO proxypay_app;
GRANT EXECUTE ON FUNCTION order_json(orders) TO proxypay_app;
GRANT EXECUTE ON FUNCTION record_order_event TO proxypay_app;

-- A customer's new order, in one statement: the app has priced it and checked the limits on
-- what it read; this re-checks them under the customer's row lock (creates of one customer
-- take turns, so a burst gets exactly the orders that fit), inserts the order with the
-- first free typed code, reserves a cash-out's money and stores the idempotency key.
-- Returns {"outcome": "done", "order": …} or "replay" (as order_step), or one of
--   "gone" / "locked"   the customer's account is gone or locked;
--   "stale"             the limits no longer hold (or settings or tier changed): read again;
--   "short"             the wallet cannot cover the cash-out's hold;
--   "no_code"           every typed code drawn was taken.
CREATE FUNCTION order_create(
  p_id uuid, p_reference text, p_type "OrderType", p_customer uuid, p_currency text,
  p_amount bigint, p_fee bigint, p_token_hash text, p_codes text[], p_version integer,
  p_ttl_seconds integer, p_kyc_tier integer, p_per_day bigint, p_max_balance bigint,
  p_wallet_delta bigint, p_hold bigint, p_ip text,
  p_key text, p_operation text, p_request_hash text
) RETURNS jsonb
LANGUAGE plpgsql SET search_path = pg_catalog, public, pg_temp AS $$
DECLARE
  v_user users;
  v_wallet_id bigint;
  v_balance bigint;
  v_used bigint;
  v_pending_in bigint;
  v_code text;
  v_inserted boolean := false;
  v_order orders;
  v_result jsonb;
  v_replay jsonb;
BEGIN
  SELECT jsonb_build_object('outcome', 'replay', 'operation', k.operation,
                            'requestHash', k.request_hash, 'response', k.response)
    INTO v_replay
    FROM idempotency_keys k WHERE k.user_id = p_customer AND k.key = p_key;
  IF v_replay IS NOT NULL THEN RETURN v_replay; END IF;

  SELECT * INTO v_user FROM users WHERE id = p_customer FOR NO KEY UPDATE;
  IF v_user.id IS NULL THEN RETURN jsonb_build_object('outcome', 'gone'); END IF;
  -- A concurrent call with this key held our row lock until it committed: answer as it did.
  SELECT jsonb_build_object('outcome', 'replay', 'operation', k.operation,
                            'requestHash', k.request_hash, 'response', k.response)
    INTO v_replay
    FROM idempotency_keys k WHERE k.user_id = p_customer AND k.key = p_key;
  IF v_replay IS NOT NULL THEN RETURN v_replay; END IF;
  IF v_user.status = 'LOCKED' THEN RETURN jsonb_build_object('outcome', 'locked'); END IF;
  IF v_user.kyc_tier <> p_kyc_tier
     OR (SELECT max(version) FROM config_versions) <> p_version THEN
    RETURN jsonb_build_object('outcome', 'stale');
  END IF;

  -- The wallet and the usage in ONE statement, so they come from one snapshot: a cash-in
  -- confirmed between two reads would be counted neither as pending nor in the balance.
  SELECT a.id, a.balance, u.used, u.pending_in INTO v_wallet_id, v_balance, v_used, v_pending_in
  FROM accounts a CROSS JOIN (
    SELECT
      coalesce(sum(amount) FILTER (WHERE status NOT IN ('CANCELLED', 'EXPIRED', 'DECLINED')), 0)::bigint AS used,
      coalesce(sum(amount - fee) FILTER (WHERE type = 'CASH_IN' AND status IN ('PENDING', 'CLAIMED')), 0)::bigint AS pending_in
    FROM orders
    WHERE customer_id = p_customer AND currency = p_currency
      AND created_at > now() - interval '24 hours'
  ) u
  WHERE a.user_id = p_customer AND a.kind = 'WALLET' AND a.currency = p_currency;
  IF v_wallet_id IS NULL
     OR v_used + p_amount > p_per_day
     OR (p_max_balance IS NOT NULL AND v_balance + v_pending_in + p_wallet_delta > p_max_balance) THEN
    RETURN jsonb_build_object('outcome', 'stale');
  END IF;

  FOREACH v_code IN ARRAY p_codes LOOP
    INSERT INTO orders (id, reference, type, status, customer_id, currency, amount, fee,
                        token_hash, typed_code, config_version, expires_at)
    VALUES (p_id, p_reference, p_type, 'PENDING', p_customer, p_currency, p_amount, p_fee,
            p_token_hash, v_code, p_version, now() + make_interval(secs => p_ttl_seconds))
    ON CONFLICT (typed_code) WHERE status IN ('PENDING', 'CLAIMED', 'APPROVED') DO NOTHING;
    IF FOUND THEN v_inserted := true; EXIT; END IF;
  END LOOP;
  IF NOT v_inserted THEN RETURN jsonb_build_object('outcome', 'no_code'); END IF;

  IF p_hold IS NOT NULL THEN
    -- Guarded: another movement (a reversal, an operator's correction) may have taken the
    -- money since the app read the wallet. Raising undoes the insert above.
    UPDATE accounts SET on_hold = on_hold + p_hold
    WHERE id = v_wallet_id AND balance - on_hold >= p_hold;
    IF NOT FOUND THEN
      RAISE EXCEPTION 'order_create: the wallet cannot cover the hold' USING ERRCODE = 'PP203';
    END IF;
    INSERT INTO holds (account_id, order_id, amount) VALUES (v_wallet_id, p_id, p_hold);
  END IF;

  PERFORM record_order_event(p_id, NULL, 'PENDING', p_customer, 'CUSTOMER', p_ip, NULL);
  SELECT * INTO v_order FROM orders WHERE id = p_id;
  v_result := jsonb_build_object('outcome', 'done', 'order', order_json(v_order),
    'entryId', NULL, 'receiptBalance', NULL);
  INSERT INTO idempotency_keys (user_id, key, operation, request_hash, response)
  VALUES (p_customer, p_key, p_operation, p_request_hash, v_result)
  ON CONFLICT (user_id, key) DO NOTHING;
  IF NOT FOUND THEN
    RAISE EXCEPTION 'order_create: idempotency key taken meanwhile' USING ERRCODE = 'PP202';
  END IF;
  RETURN v_result;
END $$;

REVOKE EXECUTE ON FUNCTION order_create FROM PUBLIC;
GRANT EXECUTE ON FUNCTION order_create TO proxypay_app;
