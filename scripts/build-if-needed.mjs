// Runs `next build` only when the production build is missing or was made from other
// sources: `npm start` on a built clone then serves in a second or two instead of rebuilding
// for half a minute every time.
//
//   node scripts/build-if-needed.mjs          (FORCE_BUILD=1 builds anyway)
//
// The fingerprint is a SHA-256 over everything `next build` reads from this project: the
// files under src/ and public/, the Prisma schema, the lock file, package.json, the Next,
// TypeScript and PostCSS configuration, plus the Node version and the environment variables
// that a build inlines (NEXT_PUBLIC_*) or that change its output (ANALYZE, NEXT_DIST_DIR).
// It is written next to the build (<distDir>/proxypay-build-fingerprint) once the build has
// succeeded, and taken then (next build may add its type folders to tsconfig.json); a build
// that failed or was interrupted leaves none, so the next start builds again.
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { pathToFileURL } from "node:url";

const ROOT_FILES = [
  "package.json",
  "package-lock.json",
  "next.config.js",
  "next.config.mjs",
  "next.config.ts",
  "tsconfig.json",
  "postcss.config.js",
  "postcss.config.mjs",
  "prisma/schema.prisma",
];
const TREES = ["src", "public", "messages"];
const FINGERPRINT_FILE = "proxypay-build-fingerprint";
// Files that never reach the build: tests and editor or OS leftovers.
const IGNORED = /(\.test\.[cm]?[jt]sx?$|^\.DS_Store$|~$|\.swp$)/;

function listFiles(root, dir) {
  const out = [];
  const full = path.join(root, dir);
  if (!existsSync(full)) return out;
  for (const entry of readdirSync(full, { withFileTypes: true })) {
    const rel = path.posix.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...listFiles(root, rel));
    else if (entry.isFile() && !IGNORED.test(entry.name)) out.push(rel);
  }
  return out;
}

/** The folder the build goes to, as next.config.js says (NEXT_DIST_DIR or .next). */
export function distDir(root = process.cwd()) {
  const require = createRequire(path.join(root, "package.json"));
  for (const name of ["next.config.js", "next.config.cjs"]) {
    const file = path.join(root, name);
    if (existsSync(file)) return path.resolve(root, require(file).distDir ?? ".next");
  }
  return path.resolve(root, process.env.NEXT_DIST_DIR ?? ".next");
}

export function sourceFingerprint(root = process.cwd()) {
  const hash = createHash("sha256");
  const files = [
    ...ROOT_FILES.filter((f) => existsSync(path.join(root, f))),
    ...TREES.flatMap((t) => listFiles(root, t)),
  ].sort();
  for (const file of files) {
    hash.update(`${file}\0`);
    hash.update(readFileSync(path.join(root, file)));
    hash.update("\0");
  }
  const env = Object.keys(process.env)
    .filter((k) => k.startsWith("NEXT_PUBLIC_") || k === "ANALYZE" || k === "NEXT_DIST_DIR")
    .sort()
    .map((k) => `${k}=${process.env[k]}`);
  hash.update(`node ${process.version}\0${env.join("\0")}`);
  return hash.digest("hex");
}

/** Why a build is needed, or null when the one in distDir was made from these sources. */
export function staleReason(root = process.cwd(), fingerprint = sourceFingerprint(root)) {
  const dir = distDir(root);
  if (!existsSync(path.join(dir, "BUILD_ID"))) return `no production build in ${dir}`;
  const file = path.join(dir, FINGERPRINT_FILE);
  if (!existsSync(file)) return "the build has no source fingerprint";
  if (readFileSync(file, "utf8").trim() !== fingerprint) return "sources changed since the build";
  return null;
}

/** Builds when needed; returns false when `next build` failed. */
export function buildIfNeeded(root = process.cwd()) {
  const reason = process.env.FORCE_BUILD === "1" ? "FORCE_BUILD=1" : staleReason(root);
  const dir = distDir(root);
  if (!reason) {
    console.log(`[build] ${path.relative(root, dir)} is up to date with the sources: no build`);
    return true;
  }
  console.log(`[build] next build (${reason})`);
  rmSync(path.join(dir, FINGERPRINT_FILE), { force: true });
  const next = path.join(root, "node_modules", ".bin", "next");
  const result = spawnSync(next, ["build"], {
    cwd: root,
    stdio: "inherit",
    env: { NEXT_TELEMETRY_DISABLED: "1", ...process.env },
  });
  if (result.status !== 0) return false;
  // Taken again after the build: next build may rewrite tsconfig.json (its type folders).
  writeFileSync(path.join(dir, FINGERPRINT_FILE), `${sourceFingerprint(root)}\n`);
  return true;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  process.exit(buildIfNeeded() ? 0 : 1);
}
