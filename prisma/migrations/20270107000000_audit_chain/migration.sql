-- An audit trail anyone can check (docs/decisions.md, "Audit chain"). Order events and audit
-- rows are written as before, by the money path and the operators' actions, untouched; a
-- sealer (src/server/use-cases/seal-audit-chain.ts) later appends each committed row to one
-- hash chain here, under one advisory lock, so the money path never waits for the chain.
CREATE TABLE audit_chain_links (
  seq bigint PRIMARY KEY CHECK (seq > 0),
  source_table text NOT NULL CHECK (source_table IN ('audit_log', 'order_events')),
  source_id bigint NOT NULL,
  -- sha256 of the row's canonical encoding (src/domain/audit-chain.ts), hex.
  row_hash text NOT NULL CHECK (row_hash ~ '^[0-9a-f]{64}$'),
  prev_hash text NOT NULL CHECK (prev_hash ~ '^[0-9a-f]{64}$'),
  -- The link's own hash is not the sealer's word: the database recomputes it.
  hash text NOT NULL CONSTRAINT audit_chain_links_hash_follows CHECK (
    hash = encode(sha256(decode(prev_hash, 'hex') || decode(row_hash, 'hex')), 'hex')
  ),
  sealed_at timestamptz(3) NOT NULL DEFAULT now(),
  -- A row is sealed once: two sealers can never chain it twice.
  CONSTRAINT audit_chain_links_source_key UNIQUE (source_table, source_id)
);

-- One head per day (Africa/Nairobi), the chain's last link when the day's first seal ran:
-- published so that anyone who copied it can later tell the chain was not rewritten.
CREATE TABLE audit_chain_heads (
  day date PRIMARY KEY,
  seq bigint NOT NULL CHECK (seq >= 0),
  hash text NOT NULL CHECK (hash ~ '^[0-9a-f]{64}$'),
  published_at timestamptz(3) NOT NULL DEFAULT now()
);

-- Each link must extend the link before it (the first, the all-zero genesis hash), and a
-- head must name a link as it is. Checked at commit, so a batch may be inserted in any order,
-- and by the database, so no sealer (nor a bug in one) can fork the chain.
CREATE FUNCTION audit_chain_link_follows() RETURNS trigger
LANGUAGE plpgsql SET search_path = pg_catalog, public, pg_temp AS $$
BEGIN
  IF NEW.seq = 1 THEN
    IF NEW.prev_hash <> repeat('0', 64) THEN
      RAISE EXCEPTION 'audit chain link 1 must follow the genesis hash' USING ERRCODE = 'PP110';
    END IF;
  ELSIF NOT EXISTS (
    SELECT 1 FROM audit_chain_links WHERE seq = NEW.seq - 1 AND hash = NEW.prev_hash
  ) THEN
    RAISE EXCEPTION 'audit chain link % does not follow link %', NEW.seq, NEW.seq - 1
      USING ERRCODE = 'PP110';
  END IF;
  RETURN NULL;
END $$;
CREATE CONSTRAINT TRIGGER audit_chain_links_follow AFTER INSERT ON audit_chain_links
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION audit_chain_link_follows();

CREATE FUNCTION audit_chain_head_names_link() RETURNS trigger
LANGUAGE plpgsql SET search_path = pg_catalog, public, pg_temp AS $$
BEGIN
  IF NOT (
    (NEW.seq = 0 AND NEW.hash = repeat('0', 64))
    OR EXISTS (SELECT 1 FROM audit_chain_links WHERE seq = NEW.seq AND hash = NEW.hash)
  ) THEN
    RAISE EXCEPTION 'audit chain head % does not name link %', NEW.day, NEW.seq
      USING ERRCODE = 'PP110';
  END IF;
  RETURN NULL;
END $$;
CREATE CONSTRAINT TRIGGER audit_chain_heads_name_link AFTER INSERT ON audit_chain_heads
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION audit_chain_head_names_link();

-- Links and heads are history like the rows they seal.
CREATE TRIGGER audit_chain_links_append_only BEFORE UPDATE OR DELETE ON audit_chain_links
  FOR EACH ROW EXECUTE FUNCTION forbid_change();
CREATE TRIGGER audit_chain_heads_append_only BEFORE UPDATE OR DELETE ON audit_chain_heads
  FOR EACH ROW EXECUTE FUNCTION forbid_change();

-- The app (its sealer job) appends; it may never rewrite or remove a link or a head.
GRANT SELECT, INSERT ON audit_chain_links, audit_chain_heads TO proxypay_app;
