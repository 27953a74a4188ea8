// The statement-counting TCP proxy between the app server and PostgreSQL. It runs in its
// own process (forked from the bench), so that its CPU time is measured apart from the load
// generator's and a busy load generator cannot delay the app's database traffic.
//
//   parent: const proxy = await WireProxy.start({ listenPort, targetHost, targetPort })
//           await proxy.counts()   (cumulative since start)
import { type ChildProcess, fork } from "node:child_process";
import net from "node:net";
import { emptyCounts, FrontendParser, type WireCounts } from "./wire-protocol";

interface StartOptions {
  listenPort: number;
  targetHost: string;
  targetPort: number;
}

type FromChild = { kind: "ready" } | { kind: "counts"; id: number; counts: WireCounts };

export class WireProxy {
  private nextId = 1;
  private readonly waiting = new Map<number, (c: WireCounts) => void>();

  private constructor(private readonly child: ChildProcess) {
    child.on("message", (message: FromChild) => {
      if (message.kind !== "counts") return;
      this.waiting.get(message.id)?.(message.counts);
      this.waiting.delete(message.id);
    });
  }

  get pid(): number {
    return this.child.pid!;
  }

  static async start(options: StartOptions): Promise<WireProxy> {
    // fork() reuses this process's execArgv, which carries tsx's loader.
    const child = fork(__filename, [], {
      env: { ...process.env, WIRE_PROXY_CHILD: JSON.stringify(options) },
      stdio: ["ignore", "inherit", "inherit", "ipc"],
    });
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error("wire proxy did not start")), 30_000);
      child.once("message", (m: FromChild) => {
        if (m.kind === "ready") {
          clearTimeout(timer);
          resolve();
        }
      });
      child.once("exit", (code) => reject(new Error(`wire proxy exited with ${code}`)));
    });
    return new WireProxy(child);
  }

  counts(): Promise<WireCounts> {
    const id = this.nextId++;
    return new Promise((resolve) => {
      this.waiting.set(id, resolve);
      this.child.send({ kind: "counts", id });
    });
  }

  stop(): void {
    this.child.kill("SIGTERM");
  }
}

function serve(options: StartOptions): void {
  const counts = emptyCounts();
  const server = net.createServer({ noDelay: true }, (client) => {
    counts.connections++;
    const parser = new FrontendParser(counts);
    const upstream = net.connect({ host: options.targetHost, port: options.targetPort });
    upstream.setNoDelay(true);
    client.on("data", (chunk: Buffer) => {
      counts.bytesToServer += chunk.length;
      parser.feed(chunk);
      if (!upstream.write(chunk)) client.pause();
    });
    upstream.on("drain", () => client.resume());
    upstream.on("data", (chunk: Buffer) => {
      counts.bytesToClient += chunk.length;
      if (!client.write(chunk)) upstream.pause();
    });
    client.on("drain", () => upstream.resume());
    const close = () => {
      client.destroy();
      upstream.destroy();
    };
    client.on("close", close);
    upstream.on("close", close);
    client.on("error", close);
    upstream.on("error", close);
  });
  server.listen(options.listenPort, "127.0.0.1", () => process.send?.({ kind: "ready" }));
  process.on("message", (m: { kind: string; id: number }) => {
    if (m.kind === "counts") process.send?.({ kind: "counts", id: m.id, counts });
  });
  // The bench going away (even killed) ends the proxy with it.
  process.on("disconnect", () => process.exit(0));
}

if (process.env.WIRE_PROXY_CHILD) serve(JSON.parse(process.env.WIRE_PROXY_CHILD) as StartOptions);
