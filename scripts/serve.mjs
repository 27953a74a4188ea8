// Serves the production build (`next build` output) like `next start`, with WEB_CONCURRENCY
// Node workers behind one port (default 1). Node runs JavaScript on one core per process:
// one worker leaves the other cores to PostgreSQL or idle. The cluster module shares the
// listening socket and hands connections to the workers in turn. Everything a worker keeps
// in memory is a cache (settings versions) or its own (live streams, each with its own
// LISTEN connection), so any worker can answer any request. See docs/performance.md for
// what a second worker buys on a 2-core machine.
//
//   PORT=3000 WEB_CONCURRENCY=2 node scripts/serve.mjs
import cluster from "node:cluster";
import { createServer } from "node:http";

const port = Number(process.env.PORT ?? 3000);
const hostname = process.env.HOSTNAME ?? "0.0.0.0";
const workers = Math.max(1, Number(process.env.WEB_CONCURRENCY ?? 1));

if (workers > 1 && cluster.isPrimary) {
  let stopping = false;
  const started = new Map();
  const fork = () => started.set(cluster.fork().id, Date.now());
  for (let i = 0; i < workers; i++) fork();
  cluster.on("exit", (worker, code, signal) => {
    if (stopping) return;
    // A worker that dies while starting (a refused configuration) would die again: stop.
    if (Date.now() - (started.get(worker.id) ?? 0) < 15_000) {
      console.error(`[serve] worker ${worker.id} failed to start (${signal ?? code}); stopping`);
      stopping = true;
      for (const other of Object.values(cluster.workers ?? {})) other?.kill();
      process.exitCode = 1;
      return;
    }
    console.error(`[serve] worker ${worker.id} stopped (${signal ?? code}); starting another`);
    fork();
  });
  for (const signal of ["SIGINT", "SIGTERM"]) {
    process.on(signal, () => {
      stopping = true;
      for (const worker of Object.values(cluster.workers ?? {})) worker?.kill(signal);
    });
  }
} else {
  // `next start` does the same: a production server runs with NODE_ENV=production, which must
  // be set before Next is loaded.
  process.env.NODE_ENV = "production";
  const { default: next } = await import("next");
  const app = next({ dev: false, hostname, port });
  await app.prepare();
  const handle = app.getRequestHandler();
  const server = createServer((req, res) => {
    // API answers are small JSON (or a live stream): gzip cost a sixth of the server's time
    // on them and saves a few hundred bytes. Pages and scripts are still compressed.
    if (req.url?.startsWith("/api/trpc")) delete req.headers["accept-encoding"];
    handle(req, res).catch((error) => {
      console.error("[serve]", error);
      if (!res.headersSent) res.statusCode = 500;
      res.end();
    });
  });
  // Behind a proxy's pooled keep-alive connections: outlive its idle timeout (nginx: 60 s).
  server.keepAliveTimeout = 65_000;
  server.listen(port, hostname, () => {
    const who = cluster.isWorker ? `worker ${cluster.worker?.id}` : "1 worker";
    console.log(`[serve] ready on http://${hostname}:${port} (${who})`);
  });
  // close() lets requests in flight finish, but live streams (SSE) never end on their own:
  // after a short grace they are cut, and their browsers reconnect (to another instance
  // behind a balancer), which is what a rolling restart needs (docs/operations.md).
  const stop = () => {
    server.close(() => process.exit(0));
    server.closeIdleConnections();
    setTimeout(() => server.closeAllConnections(), 3_000).unref();
  };
  process.on("SIGTERM", stop);
  process.on("SIGINT", stop);
}
