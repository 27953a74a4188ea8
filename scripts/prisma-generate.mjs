// Prisma's CLI would try to download its native schema engine from Prisma's host,
// which is unreachable on our build machines; `generate` does not need it, so point
// the variable at /bin/false unless the caller chose an engine already.
import { execFileSync } from "node:child_process";

const env = { ...process.env };
env.PRISMA_SCHEMA_ENGINE_BINARY ??= "/bin/false";
env.PRISMA_HIDE_UPDATE_MESSAGE = "1";
execFileSync("prisma", ["generate"], { stdio: "inherit", env });
