-- What a pg_notify in the committing transaction costs: docs/scaling.md ("The NOTIFY ceiling").
-- createdb pp_scaling_notify; psql -d pp_scaling_notify -f setup.sql; then pgbench with
-- plain.sql and notify.sql at 1, 8 and 16 clients. Use a server of one's own: the commit
-- lock NOTIFY takes is server-wide and would slow everyone else's commits too.
CREATE TABLE acct (id int PRIMARY KEY, v bigint NOT NULL DEFAULT 0);
INSERT INTO acct SELECT g FROM generate_series(1, 10000) g;
