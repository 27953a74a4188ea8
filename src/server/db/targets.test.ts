import { describe, expect, it } from "vitest";
import { parseTargets, satisfies, tryOrder, withDatabase } from "./targets";

describe("parseTargets", () => {
  it("leaves a single-host URL exactly as it was", () => {
    const url = "postgresql://app:p%40ss@db.example:6543/proxypay?sslmode=require";
    expect(parseTargets(url)).toEqual({
      urls: [url],
      hosts: ["db.example:6543"],
      attrs: "any",
      database: "proxypay",
    });
  });

  it("splits libpq's host list, keeps user, password and other options on each host", () => {
    const t = parseTargets(
      "postgresql://app:secret@10.0.0.1:5441,10.0.0.2,[::1]:5443/pp?sslmode=prefer&target_session_attrs=read-write",
    );
    expect(t.attrs).toBe("read-write");
    expect(t.database).toBe("pp");
    expect(t.hosts).toEqual(["10.0.0.1:5441", "10.0.0.2:5432", "[::1]:5443"]);
    expect(t.urls).toEqual([
      "postgresql://app:secret@10.0.0.1:5441/pp?sslmode=prefer",
      "postgresql://app:secret@10.0.0.2:5432/pp?sslmode=prefer",
      "postgresql://app:secret@[::1]:5443/pp?sslmode=prefer",
    ]);
  });

  it("takes target_session_attrs off a single host too (pg would pass it to the server)", () => {
    const t = parseTargets("postgres://u@h:1/db?target_session_attrs=read-write");
    expect(t.urls).toEqual(["postgres://u@h:1/db"]);
    expect(t.attrs).toBe("read-write");
  });

  it("refuses an unknown session kind and an empty or malformed host", () => {
    expect(() => parseTargets("postgresql://h1,h2/db?target_session_attrs=rw")).toThrow(
      /target_session_attrs=rw/,
    );
    expect(() => parseTargets("postgresql://h1,,h2/db")).toThrow(/empty host/);
    expect(() => parseTargets("postgresql://h1:port,h2/db")).toThrow(/host\[:port\]/);
    expect(() => parseTargets("mysql://h/db")).toThrow(/postgresql:\/\//);
  });
});

describe("withDatabase", () => {
  it("names another database on the same hosts, keeping the options", () => {
    expect(
      withDatabase("postgresql://u@h1:1,h2:2/pp?target_session_attrs=read-write", "postgres"),
    ).toBe("postgresql://u@h1:1,h2:2/postgres?target_session_attrs=read-write");
  });
});

describe("satisfies", () => {
  const primary = { readOnly: false, inRecovery: false };
  const standby = { readOnly: true, inRecovery: true };
  // pg_auto_failover's stop_replication: promoted, but still read-only for a while.
  const fencedPrimary = { readOnly: true, inRecovery: false };
  it("read-write wants a writable session, as libpq asks transaction_read_only", () => {
    expect(satisfies("read-write", primary)).toBe(true);
    expect(satisfies("read-write", standby)).toBe(false);
    expect(satisfies("read-write", fencedPrimary)).toBe(false);
  });
  it("primary, standby, read-only and any", () => {
    expect(satisfies("primary", fencedPrimary)).toBe(true);
    expect(satisfies("standby", standby)).toBe(true);
    expect(satisfies("standby", primary)).toBe(false);
    expect(satisfies("read-only", standby)).toBe(true);
    expect(satisfies("any", standby)).toBe(true);
    expect(satisfies("prefer-standby", primary)).toBe(true);
  });
});

describe("tryOrder", () => {
  it("starts at the host that answered last and visits each once", () => {
    expect(tryOrder(3, 0)).toEqual([0, 1, 2]);
    expect(tryOrder(3, 2)).toEqual([2, 0, 1]);
  });
});
