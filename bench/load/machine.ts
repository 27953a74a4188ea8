// What the figures were measured on: they mean little without it.
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import os from "node:os";

function cpuModel(): string {
  if (existsSync("/proc/cpuinfo")) {
    const m = /^model name\s*:\s*(.+)$/m.exec(readFileSync("/proc/cpuinfo", "utf8"));
    if (m) return m[1]!.trim();
  }
  return os.cpus()[0]?.model ?? "unknown";
}

function git(args: string[]): string {
  try {
    return execFileSync("git", args, {
      encoding: "utf8",
      stdio: ["ignore", "pipe", "ignore"],
    }).trim();
  } catch {
    return "";
  }
}

export function codeVersion() {
  const commit = git(["rev-parse", "HEAD"]);
  const dirty = git(["status", "--porcelain", "--untracked-files=no"]) !== "";
  return {
    commit,
    short: commit.slice(0, 7),
    subject: git(["log", "-1", "--format=%s"]),
    dirty,
  };
}

export function machine() {
  return {
    cpuModel: cpuModel(),
    cores: os.cpus().length,
    memoryGiB: Math.round((os.totalmem() / 2 ** 30) * 10) / 10,
    kernel: `${os.type()} ${os.release()}`,
    node: process.version,
    loadAverageAtStart: os.loadavg().map((v) => Math.round(v * 100) / 100),
    hypervisor: existsSync("/proc/cpuinfo")
      ? /\bhypervisor\b/.test(readFileSync("/proc/cpuinfo", "utf8"))
      : null,
  };
}
