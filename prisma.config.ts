import { defineConfig } from "prisma/config";

// The url is only read by CLI commands that talk to a database; `prisma generate`
// (the only one we run, at install) does not need it.
export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  datasource: { url: process.env.DATABASE_URL ?? "postgresql://localhost/unused" },
});
