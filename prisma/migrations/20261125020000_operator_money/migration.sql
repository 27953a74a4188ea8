-- Operator money movements: float funding, de-floating and commission payouts carry the
-- bank's reference and the operator who recorded them. A bank reference can be recorded
-- once per kind of movement, so the same deposit slip cannot fund a float twice.
ALTER TABLE journal_entries ADD COLUMN external_ref text CHECK (length(external_ref) BETWEEN 1 AND 80);
ALTER TABLE journal_entries ADD COLUMN created_by uuid;
CREATE UNIQUE INDEX journal_entries_kind_external_ref_key ON journal_entries (kind, external_ref)
  WHERE external_ref IS NOT NULL;

-- ledger_post gains the two columns; same locking and checks as before (see the init migration).
DROP FUNCTION ledger_post(text, uuid, text, bigint[], bigint[], boolean);

CREATE FUNCTION ledger_post(
  p_kind text,
  p_order_id uuid,
  p_description text,
  p_accounts bigint[],
  p_amounts bigint[],
  p_capture_hold boolean DEFAULT false,
  p_external_ref text DEFAULT NULL,
  p_created_by uuid DEFAULT NULL
) RETURNS TABLE (entry_id bigint, short_account_id bigint)
LANGUAGE plpgsql AS $$
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

  PERFORM 1 FROM accounts WHERE id = ANY (p_accounts) ORDER BY id FOR UPDATE;
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
