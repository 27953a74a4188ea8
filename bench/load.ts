// npm run bench:load: the load benchmark a payment operator runs before going live.
// Production build, real HTTP and sessions, people made through the app's own procedures,
// SPREAD / HOT / MIXED closed loops, an open loop at 70 % of the measured maximum with every
// phone on its live stream, pgbench as the yardstick on the same PostgreSQL, CPU shares and
// statements per order counted at the wire. Asserts nothing; prints figures and writes JSON
// under bench/results/. See docs/performance.md.
//
//   DATABASE_URL=postgresql://postgres@127.0.0.1:5432/pp_bench npm run bench:load
//   BENCH_SMOKE=1 npm run bench:load          (about three minutes)
//
// The database is dropped and made afresh (scripts/with-db.ts --fresh --demo), so its name
// must say it is a benchmark's: this refuses any other. Without DATABASE_URL it uses the
// embedded PostgreSQL's database pp_bench.
import { spawn } from "node:child_process";
import path from "node:path";

function databaseName(url: string): string {
  return decodeURIComponent(new URL(url).pathname.slice(1));
}

const url = process.env.DATABASE_URL;
if (url && !/bench/i.test(databaseName(url))) {
  console.error(
    `[bench] refusing to run on database "${databaseName(url)}": the benchmark drops and ` +
      "recreates its database, so its name must contain 'bench' (e.g. pp_bench)",
  );
  process.exit(2);
}

const tsx = path.join("node_modules", ".bin", "tsx");
const child = spawn(
  tsx,
  [
    "scripts/with-db.ts",
    "--fresh",
    "--demo",
    "--db",
    "pp_bench",
    "--",
    tsx,
    path.join("bench", "load", "run.ts"),
  ],
  { stdio: "inherit", env: process.env },
);
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => child.kill(signal));
}
child.on("exit", (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
