-- Lock-wait time on the money commands, for the pp_money_lock_wait_seconds metric
-- (docs/operations.md, Watch it): order_step and order_create as in fast_money_path, with
-- clock_timestamp() taken around the row locks they wait for (the order's row; the entry's
-- accounts, taken in ledger_post's own order just before it; the customer's row for a
-- create) and the sum returned as "lockWaitMs" beside the answer. It is added after the
-- answer is stored under its idempotency key, so a replay never reports a wait of its own.
-- Nothing else changes: the same guards, the same locks in the same order.

CREATE OR REPLACE FUNCTION order_step(
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
  v_t timestamptz;
  v_wait interval := interval '0';
BEGIN
  IF p_key IS NOT NULL THEN
    SELECT jsonb_build_object('outcome', 'replay', 'operation', k.operation,
                              'requestHash', k.request_hash, 'response', k.response)
      INTO v_replay
      FROM idempotency_keys k WHERE k.user_id = p_actor_id AND k.key = p_key;
    IF v_replay IS NOT NULL THEN RETURN v_replay; END IF;
  END IF;

  -- Lock the row first: the status read here is the one the guarded UPDATE then sees.
  v_t := clock_timestamp();
  SELECT status INTO v_before FROM orders WHERE id = p_order FOR UPDATE;
  v_wait := clock_timestamp() - v_t;
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
      'overdue', v_order.expires_at <= now(),
      'lockWaitMs', extract(epoch FROM v_wait) * 1000);
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
    -- ledger_post takes these locks itself, in this order; taking them here first only lets
    -- the wait for them be timed (ledger_post then finds them held by this transaction).
    v_t := clock_timestamp();
    PERFORM 1 FROM accounts WHERE id = ANY (p_accounts) ORDER BY (user_id IS NULL), id FOR UPDATE;
    v_wait := v_wait + (clock_timestamp() - v_t);
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
  -- After the key stored it: a replay answers with what was stored, without a wait of its own.
  RETURN v_result || jsonb_build_object('lockWaitMs', extract(epoch FROM v_wait) * 1000);
END $$;

CREATE OR REPLACE FUNCTION order_create(
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
  v_t timestamptz;
  v_wait interval;
BEGIN
  SELECT jsonb_build_object('outcome', 'replay', 'operation', k.operation,
                            'requestHash', k.request_hash, 'response', k.response)
    INTO v_replay
    FROM idempotency_keys k WHERE k.user_id = p_customer AND k.key = p_key;
  IF v_replay IS NOT NULL THEN RETURN v_replay; END IF;

  v_t := clock_timestamp();
  SELECT * INTO v_user FROM users WHERE id = p_customer FOR NO KEY UPDATE;
  v_wait := clock_timestamp() - v_t;
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
  RETURN v_result || jsonb_build_object('lockWaitMs', extract(epoch FROM v_wait) * 1000);
END $$;
