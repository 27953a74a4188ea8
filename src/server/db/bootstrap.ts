import type pg from "pg";
import { DEFAULT_SETTINGS } from "@/domain/settings";

// What every database needs before its first order, whoever deploys it: settings version 1
// and the platform's own accounts (SETTLEMENT, FEE_REVENUE, COMMISSION_EXPENSE) in each
// currency the settings have named. It used to live in the demo seed, so a database migrated
// without the seed refused every order with a 500. The migration runner runs it after the
// migrations, as the owner, on every run (it only fills what is missing). It is code rather
// than a migration because version 1 is DEFAULT_SETTINGS, which the domain defines and
// checks; a copy in SQL would drift from it.
export async function bootstrapPlatform(client: pg.ClientBase): Promise<void> {
  await client.query(
    `INSERT INTO config_versions (version, settings, created_by)
     SELECT 1, $1::jsonb, NULL WHERE NOT EXISTS (SELECT 1 FROM config_versions)`,
    [JSON.stringify(DEFAULT_SETTINGS)],
  );
  // Platform accounts may go negative: SETTLEMENT mirrors e-money issued against bank cash.
  // FEE_REVENUE and COMMISSION_EXPENSE, which every order touches, come in 8 sub-accounts
  // (shards 0-7) so that orders do not queue on one row (docs/decisions.md).
  await client.query(
    `INSERT INTO accounts (kind, currency, allow_negative, shard)
     SELECT k.kind::"AccountKind", c.currency, true, s.shard
     FROM (VALUES ('SETTLEMENT', 0), ('FEE_REVENUE', 7), ('COMMISSION_EXPENSE', 7)) AS k(kind, top)
     CROSS JOIN (SELECT DISTINCT settings->>'currency' AS currency FROM config_versions) c
     CROSS JOIN LATERAL generate_series(0, k.top) AS s(shard)
     ORDER BY 2, 1, 4
     ON CONFLICT (kind, currency, shard) WHERE user_id IS NULL DO NOTHING`,
  );
}
