-- Shop assistants (docs/decisions.md, "Shop assistants"): people an agent adds with their own
-- phone and PIN, who serve customers at the counter on the shop's float (the owner's FLOAT
-- and COMMISSION accounts) but may not move float, see commission or add people. Every
-- order names the person who served it (orders.served_by); the order events and audit rows
-- already name the caller (actor_id), which is now that person rather than the shop.

-- Added in this transaction and not used by any statement of it (PostgreSQL refuses a new
-- enum value in the transaction that added it); function bodies are only read when called.
ALTER TYPE "Role" ADD VALUE 'ASSISTANT';

-- One row per assistant, for life: suspending keeps the row (and the history that names the
-- person), reactivating reuses it. An assistant serves one shop only (user_id is the key).
CREATE TABLE shop_assistants (
  user_id uuid PRIMARY KEY REFERENCES users (id),
  agent_id uuid NOT NULL REFERENCES agents (id),
  status text NOT NULL DEFAULT 'ACTIVE'
    CONSTRAINT shop_assistants_status_check CHECK (status IN ('ACTIVE', 'SUSPENDED')),
  added_by uuid NOT NULL REFERENCES users (id),
  added_at timestamptz(3) NOT NULL DEFAULT now(),
  suspended_at timestamptz(3),
  CONSTRAINT shop_assistants_suspended CHECK ((status = 'SUSPENDED') = (suspended_at IS NOT NULL))
);
CREATE INDEX shop_assistants_agent_idx ON shop_assistants (agent_id, added_at);

-- At most 10 active assistants per shop (src/domain/staff.ts, MAX_ACTIVE_ASSISTANTS). The use
-- case checks it first under the shop's row lock and refuses in words; this is the same rule
-- as a property of the database, for any writer. It takes the same lock (FOR NO KEY UPDATE:
-- claims, which take a key-share lock on the shop's row through orders.agent_id, never wait
-- for it), so two inserts cannot both count nine.
CREATE FUNCTION shop_assistants_within_limit() RETURNS trigger
LANGUAGE plpgsql SET search_path = pg_catalog, public, pg_temp AS $$
BEGIN
  IF NEW.status <> 'ACTIVE' THEN RETURN NEW; END IF;
  PERFORM 1 FROM agents WHERE id = NEW.agent_id FOR NO KEY UPDATE;
  IF (SELECT count(*) FROM shop_assistants
      WHERE agent_id = NEW.agent_id AND status = 'ACTIVE' AND user_id <> NEW.user_id) >= 10 THEN
    RAISE EXCEPTION 'shop % already has 10 active assistants', NEW.agent_id
      USING ERRCODE = 'PP120';
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER shop_assistants_limit BEFORE INSERT OR UPDATE OF status, agent_id
  ON shop_assistants FOR EACH ROW EXECUTE FUNCTION shop_assistants_within_limit();

-- The app adds, suspends and reactivates assistants; nothing is deleted.
GRANT SELECT, INSERT, UPDATE ON shop_assistants TO proxypay_app;

-- The shop a signed-in agent-side user serves at: the owner's own shop, or the shop of an
-- ACTIVE assistant. The one SQL twin of shopOfUser (src/server/repositories/users.ts), used by
-- the counter's one-statement reads, so an assistant's float is the owner's float.
CREATE FUNCTION shop_of_user(p_user uuid) RETURNS uuid
LANGUAGE sql STABLE SET search_path = pg_catalog, public, pg_temp AS $$
  SELECT id FROM agents WHERE user_id = p_user
  UNION ALL
  SELECT agent_id FROM shop_assistants WHERE user_id = p_user AND status = 'ACTIVE'
  LIMIT 1
$$;

-- Who served the order: the agent-side person whose scan claimed it (the owner or an
-- assistant). Set by order_step's claim together with agent_id; claimed orders before this
-- migration were served by the shop's owner, the only person a shop had.
ALTER TABLE orders ADD COLUMN served_by uuid REFERENCES users (id);
UPDATE orders o SET served_by = a.user_id FROM agents a WHERE a.id = o.agent_id;
ALTER TABLE orders ADD CONSTRAINT orders_served_once_claimed
  CHECK ((agent_id IS NULL) = (served_by IS NULL));
COMMENT ON COLUMN orders.served_by IS 'the person (owner or assistant) whose scan claimed the order';

-- order_json as before, with the person who served.
CREATE OR REPLACE FUNCTION order_json(o orders) RETURNS jsonb LANGUAGE sql STABLE
SET search_path = pg_catalog, public, pg_temp AS $$
  SELECT jsonb_build_object(
    'id', o.id, 'reference', o.reference, 'type', o.type, 'status', o.status,
    'customerId', o.customer_id, 'agentId', o.agent_id, 'currency', o.currency,
    'amount', o.amount::text, 'fee', o.fee::text, 'commission', o.commission::text,
    'tokenHash', o.token_hash, 'typedCode', o.typed_code, 'configVersion', o.config_version,
    'expiresAt', o.expires_at, 'createdAt', o.created_at, 'claimedAt', o.claimed_at,
    'approvedAt', o.approved_at, 'completedAt', o.completed_at, 'closedAt', o.closed_at,
    'closeReason', o.close_reason, 'servedBy', o.served_by)
$$;

-- order_step as in lock_wait_timing, with one change: a claim also records the caller as
-- the person who served (served_by = p_actor_id), in the same guarded UPDATE.
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
    served_by = CASE WHEN p_claim THEN p_actor_id ELSE served_by END,
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
