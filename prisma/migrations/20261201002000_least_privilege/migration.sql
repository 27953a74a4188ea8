-- Least privilege: migrations run as the owner of the schema; the app connects as a login
-- role that is a member of proxypay_app, which can read and write the rows the app needs and
-- nothing more: no DDL (it owns nothing and may not create in the schema), no TRUNCATE, and
-- no UPDATE or DELETE on the append-only tables. See docs/decisions.md ("Least privilege").
--
-- Roles belong to the whole server, not to one database: the role may already exist (a DBA
-- created it, or another database on this server was migrated first). A migrating role that
-- may not create roles needs the DBA to run `CREATE ROLE proxypay_app NOLOGIN` first.
DO $$
BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'proxypay_app') THEN
    BEGIN
      CREATE ROLE proxypay_app NOLOGIN;
    EXCEPTION WHEN duplicate_object OR unique_violation THEN
      NULL; -- a migration of another database on this server created it meanwhile
    END;
  END IF;
END $$;

GRANT USAGE ON SCHEMA public TO proxypay_app;

-- Tables whose rows change as orders move.
GRANT SELECT, INSERT, UPDATE ON users, agents, orders, holds, idempotency_keys, reversals, disputes
  TO proxypay_app;
-- Attempt counters are forgotten on a right PIN.
GRANT SELECT, INSERT, UPDATE, DELETE ON rate_limits TO proxypay_app;
-- Append-only: the history of orders, operators' actions and settings.
GRANT SELECT, INSERT ON order_events, audit_log, config_versions TO proxypay_app;
-- The journal is written only by ledger_post (below), which checks that every entry balances.
GRANT SELECT ON journal_entries, postings TO proxypay_app;
-- Accounts are opened by the app (sign-up, onboarding) and it reserves holds (on_hold), but a
-- balance changes only inside ledger_post, together with the posting that explains it. `kind`
-- is updatable because opening an account is an upsert that sets it to itself on conflict.
GRANT SELECT ON accounts TO proxypay_app;
GRANT INSERT (kind, currency, user_id, allow_negative) ON accounts TO proxypay_app;
GRANT UPDATE (kind, on_hold) ON accounts TO proxypay_app;

-- bigserial ids of the tables above; nextval on the others only wastes numbers.
GRANT USAGE ON ALL SEQUENCES IN SCHEMA public TO proxypay_app;

-- ledger_post runs with its owner's rights (the owner role that ran this migration), so the
-- app needs no INSERT on the journal nor UPDATE on balances. A fixed search_path (pg_temp
-- last) keeps a caller's temporary objects from standing in for the tables it names.
ALTER FUNCTION ledger_post(text, uuid, text, bigint[], bigint[], boolean, text, uuid)
  SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp;
REVOKE EXECUTE ON FUNCTION ledger_post(text, uuid, text, bigint[], bigint[], boolean, text, uuid)
  FROM PUBLIC;
GRANT EXECUTE ON FUNCTION ledger_post(text, uuid, text, bigint[], bigint[], boolean, text, uuid)
  TO proxypay_app;
