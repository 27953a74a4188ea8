import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import {
  type ChainRow,
  canonicalRow,
  checkHeads,
  describeBreak,
  GENESIS,
  GENESIS_HASH,
  headDay,
  type LinkAndRow,
  linkHash,
  linksFor,
  rowHash,
  WALK_START,
  walkLinks,
} from "./audit-chain";

const event = (id: number, detail: string | null = null): ChainRow => ({
  table: "order_events",
  id: BigInt(id),
  values: [
    String(id),
    "0b7e0a52-54a4-4bb4-9d1f-2f1e8d3d1a11",
    null,
    "PENDING",
    null,
    "CUSTOMER",
    detail,
    "2027-01-07T09:00:00.000000Z",
  ],
});

const audit = (id: number): ChainRow => ({
  table: "audit_log",
  id: BigInt(id),
  values: [
    String(id),
    null,
    "ADMIN",
    "agent.suspend",
    "agent",
    "a1",
    "10.0.0.1",
    null,
    '{"status": "SUSPENDED"}',
    "2027-01-07T09:00:01.000000Z",
  ],
});

function walkable(rows: ChainRow[]): LinkAndRow[] {
  return linksFor(GENESIS, rows).map((link, i) => ({ link, values: rows[i]!.values }));
}

describe("row hashes", () => {
  it("cover the table and every column, and tell null from the text 'null'", () => {
    const a = event(1);
    expect(rowHash("order_events", a.values)).toMatch(/^[0-9a-f]{64}$/);
    expect(rowHash("order_events", event(1, "null").values)).not.toBe(
      rowHash("order_events", a.values),
    );
    expect(rowHash("order_events", event(1, "").values)).not.toBe(
      rowHash("order_events", a.values),
    );
    expect(canonicalRow("order_events", a.values)).toContain('["detail",null]');
  });

  it("refuse a row with the wrong number of columns", () => {
    expect(() => rowHash("audit_log", event(1).values)).toThrow(/10 columns/);
  });
});

describe("links", () => {
  it("chain sha256(prev || row hash) from the genesis hash", () => {
    const links = linksFor(GENESIS, [event(1), audit(1)]);
    expect(links.map((l) => l.seq)).toEqual([1n, 2n]);
    expect(links[0]!.prevHash).toBe(GENESIS_HASH);
    const bytes = Buffer.concat([
      Buffer.from(GENESIS_HASH, "hex"),
      Buffer.from(links[0]!.rowHash, "hex"),
    ]);
    expect(links[0]!.hash).toBe(createHash("sha256").update(bytes).digest("hex"));
    expect(links[1]!.prevHash).toBe(links[0]!.hash);
    expect(links[1]!.hash).toBe(linkHash(links[0]!.hash, links[1]!.rowHash));
  });

  it("continue from a given head", () => {
    const first = linksFor(GENESIS, [event(1)]);
    const next = linksFor({ seq: 1n, hash: first[0]!.hash }, [event(2)]);
    expect(next[0]!.seq).toBe(2n);
    expect(next[0]!.prevHash).toBe(first[0]!.hash);
  });
});

describe("walking the chain", () => {
  const rows = [event(1), audit(1), event(2), audit(2)];

  it("an intact chain ends at its last link", () => {
    const page = walkable(rows);
    expect(walkLinks(WALK_START, page)).toEqual({
      head: { seq: 4n, hash: page[3]!.link.hash },
      linkBreak: null,
      rowBreak: null,
      rowBreaks: 0,
    });
  });

  it("walks page by page to the same place", () => {
    const page = walkable(rows);
    const first = walkLinks(WALK_START, page.slice(0, 2));
    expect(walkLinks(first, page.slice(2))).toEqual(walkLinks(WALK_START, page));
  });

  it("names the first changed row and counts the others, walking on", () => {
    const page = walkable(rows);
    page[2] = { ...page[2]!, values: event(2, "edited").values };
    page[3] = { ...page[3]!, values: null };
    const walk = walkLinks(WALK_START, page);
    expect(walk.rowBreak).toEqual({
      kind: "changed-row",
      seq: 3n,
      table: "order_events",
      rowId: 2n,
    });
    expect(walk.rowBreaks).toBe(2);
    expect(walk.linkBreak).toBeNull();
    expect(walk.head.seq).toBe(4n);
  });

  it("names a deleted row", () => {
    const page = walkable(rows);
    page[1] = { ...page[1]!, values: null };
    expect(walkLinks(WALK_START, page).rowBreak).toMatchObject({ kind: "deleted-row", seq: 2n });
  });

  it("stops at a link whose own hash was edited", () => {
    const page = walkable(rows);
    page[1] = { ...page[1]!, link: { ...page[1]!.link, hash: "f".repeat(64) } };
    const walk = walkLinks(WALK_START, page);
    expect(walk.linkBreak).toMatchObject({ kind: "broken-link", seq: 2n });
    expect(walk.head.seq).toBe(1n);
    // Once broken, later pages change nothing.
    expect(walkLinks(walk, walkable(rows))).toBe(walk);
  });

  it("names a removed link, and a link rewritten to fit an edited row", () => {
    const page = walkable(rows);
    expect(walkLinks(WALK_START, [page[0]!, page[2]!]).linkBreak).toMatchObject({
      kind: "broken-link",
      seq: 3n,
      detail: "expected link 2",
    });
    // Rewriting link 2 to fit an edited row still breaks link 3, which holds the old hash.
    const edited = audit(1).values.map((v, i) => (i === 2 ? "CUSTOMER" : v));
    const forged = linksFor({ seq: 1n, hash: page[0]!.link.hash }, [
      { ...audit(1), values: edited },
    ])[0]!;
    const walk = walkLinks(WALK_START, [page[0]!, { link: forged, values: edited }, page[2]!]);
    expect(walk.rowBreak).toBeNull();
    expect(walk.linkBreak).toMatchObject({
      kind: "broken-link",
      seq: 3n,
      detail: "does not follow link 2",
    });
  });
});

describe("published heads", () => {
  const links = linksFor(GENESIS, [event(1), event(2)]);
  const hashAt = (seq: bigint) => links.find((l) => l.seq === seq)?.hash;

  it("hold when each names a link as it is (or the genesis hash before any link)", () => {
    expect(
      checkHeads(
        [
          { day: "2027-01-06", seq: 0n, hash: GENESIS_HASH },
          { day: "2027-01-07", seq: 2n, hash: links[1]!.hash },
        ],
        hashAt,
      ),
    ).toBeNull();
  });

  it("mismatch when the hash differs or the link is gone", () => {
    const tampered = checkHeads([{ day: "2027-01-07", seq: 2n, hash: "a".repeat(64) }], hashAt);
    expect(tampered).toMatchObject({ kind: "head-mismatch", day: "2027-01-07", seq: 2n });
    expect(describeBreak(tampered!)).toMatch(/^head mismatch: .*2027-01-07/);
    expect(
      checkHeads([{ day: "2027-01-07", seq: 9n, hash: links[1]!.hash }], hashAt),
    ).toMatchObject({ kind: "head-mismatch", found: null });
  });
});

describe("head days", () => {
  it("are Nairobi's calendar days (UTC+3)", () => {
    expect(headDay(new Date("2027-01-07T20:59:59Z"))).toBe("2027-01-07");
    expect(headDay(new Date("2027-01-07T21:00:00Z"))).toBe("2027-01-08");
  });
});

describe("reports", () => {
  it("say what differs, where", () => {
    expect(describeBreak({ kind: "changed-row", seq: 3n, table: "order_events", rowId: 2n })).toBe(
      "changed row: order_events id 2 (link 3) no longer matches its sealed hash",
    );
    expect(describeBreak({ kind: "deleted-row", seq: 1n, table: "audit_log", rowId: 7n })).toBe(
      "deleted row: audit_log id 7 (link 1) is gone",
    );
  });
});
