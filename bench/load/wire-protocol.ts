// Counts what the app server sends PostgreSQL, at the wire: the frontend messages of the
// PostgreSQL protocol (v3). Only message headers are read, plus the first bytes of Query,
// Parse, Bind and Execute messages to tell which statement runs; everything else is skipped
// by length, so counting costs little beside the copy the proxy makes anyway.
//
// A statement is a simple Query ('Q') or an extended-protocol Execute ('E'). Its kind is
// the first keyword of its SQL text: for an Execute, the text of the Parse ('P') its portal
// was bound ('B') to. A round trip is a Query or a Sync ('S'): node-postgres ends every
// extended-protocol statement with a Sync and waits for ReadyForQuery before the next.

export const STATEMENT_KINDS = [
  "begin",
  "commit",
  "rollback",
  "savepoint",
  "set",
  "select",
  "insert",
  "update",
  "delete",
  "with",
  "call",
  "other",
] as const;
export type StatementKind = (typeof STATEMENT_KINDS)[number];

/** Transaction bookkeeping: statements that move no data of their own. */
export const BOOKKEEPING_KINDS: readonly StatementKind[] = [
  "begin",
  "commit",
  "rollback",
  "savepoint",
  "set",
];

export interface WireCounts {
  connections: number;
  /** Frontend messages by type letter (startup messages under "startup"). */
  messages: Record<string, number>;
  statements: number;
  byKind: Record<StatementKind, number>;
  roundTrips: number;
  bytesToServer: number;
  bytesToClient: number;
}

export function emptyCounts(): WireCounts {
  return {
    connections: 0,
    messages: {},
    statements: 0,
    byKind: Object.fromEntries(STATEMENT_KINDS.map((k) => [k, 0])) as Record<StatementKind, number>,
    roundTrips: 0,
    bytesToServer: 0,
    bytesToClient: 0,
  };
}

export function diffCounts(after: WireCounts, before: WireCounts): WireCounts {
  const messages: Record<string, number> = {};
  for (const [k, v] of Object.entries(after.messages)) messages[k] = v - (before.messages[k] ?? 0);
  const byKind = { ...after.byKind };
  for (const k of STATEMENT_KINDS) byKind[k] = after.byKind[k] - before.byKind[k];
  return {
    connections: after.connections - before.connections,
    messages,
    statements: after.statements - before.statements,
    byKind,
    roundTrips: after.roundTrips - before.roundTrips,
    bytesToServer: after.bytesToServer - before.bytesToServer,
    bytesToClient: after.bytesToClient - before.bytesToClient,
  };
}

const KEYWORDS: Record<string, StatementKind> = {
  BEGIN: "begin",
  START: "begin",
  COMMIT: "commit",
  END: "commit",
  ROLLBACK: "rollback",
  ABORT: "rollback",
  SAVEPOINT: "savepoint",
  RELEASE: "savepoint",
  SET: "set",
  RESET: "set",
  SELECT: "select",
  VALUES: "select",
  TABLE: "select",
  INSERT: "insert",
  UPDATE: "update",
  DELETE: "delete",
  WITH: "with",
  CALL: "call",
};

/** The kind of a SQL text from its first keyword (leading blanks, comments, "(" skipped). */
export function kindOfSql(buf: Buffer, start: number, end: number): StatementKind {
  let i = start;
  while (i < end) {
    const c = buf[i]!;
    if (c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d || c === 0x28) i++;
    else if (c === 0x2d && buf[i + 1] === 0x2d) {
      while (i < end && buf[i] !== 0x0a) i++;
    } else if (c === 0x2f && buf[i + 1] === 0x2a) {
      const close = buf.indexOf("*/", i + 2, "latin1");
      i = close === -1 || close >= end ? end : close + 2;
    } else break;
  }
  let j = i;
  while (j < end && j - i < 12) {
    const c = buf[j]! | 0x20; // lower-case letters
    if (c < 0x61 || c > 0x7a) break;
    j++;
  }
  if (j === i) return "other";
  return KEYWORDS[buf.toString("latin1", i, j).toUpperCase()] ?? "other";
}

// Protocol codes of the startup-phase messages that are followed by another startup message.
const SSL_REQUEST = 80877103;
const GSSENC_REQUEST = 80877104;
/** Bytes of a Query/Parse/Bind/Execute kept to read names and the first keyword. */
const KEEP = 512;

/** One client connection's frontend stream, fed chunk by chunk. */
export class FrontendParser {
  private startup = true;
  private readonly header = Buffer.alloc(5);
  private headerLength = 0;
  private type = 0;
  /** Body bytes of the current message still to come. */
  private remaining = -1;
  private kept: Buffer | null = null;
  private keptLength = 0;
  private readonly statements = new Map<string, StatementKind>();
  private readonly portals = new Map<string, StatementKind>();

  constructor(private readonly counts: WireCounts) {}

  feed(chunk: Buffer): void {
    let i = 0;
    while (i < chunk.length) {
      if (this.remaining < 0) {
        // Reading a header: 4 bytes of length in the startup phase, else type + length.
        const size = this.startup ? 4 : 5;
        const take = Math.min(size - this.headerLength, chunk.length - i);
        chunk.copy(this.header, this.headerLength, i, i + take);
        this.headerLength += take;
        i += take;
        if (this.headerLength < size) return;
        this.headerLength = 0;
        if (this.startup) {
          this.type = 0;
          this.remaining = this.header.readInt32BE(0) - 4;
        } else {
          this.type = this.header[0]!;
          this.remaining = this.header.readInt32BE(1) - 4;
        }
        const wanted = this.startup || this.isKept(this.type);
        this.kept = wanted ? Buffer.allocUnsafe(Math.min(KEEP, this.remaining)) : null;
        this.keptLength = 0;
        if (this.remaining === 0) this.finish();
        continue;
      }
      const take = Math.min(this.remaining, chunk.length - i);
      if (this.kept && this.keptLength < this.kept.length) {
        const copy = Math.min(take, this.kept.length - this.keptLength);
        chunk.copy(this.kept, this.keptLength, i, i + copy);
        this.keptLength += copy;
      }
      i += take;
      this.remaining -= take;
      if (this.remaining === 0) this.finish();
    }
  }

  private isKept(type: number): boolean {
    return type === 0x51 || type === 0x50 || type === 0x42 || type === 0x45; // Q P B E
  }

  private finish(): void {
    this.remaining = -1;
    const kept = this.kept;
    const n = this.keptLength;
    this.kept = null;
    const c = this.counts;
    if (this.startup) {
      c.messages.startup = (c.messages.startup ?? 0) + 1;
      const code = kept && n >= 4 ? kept.readInt32BE(0) : 0;
      if (code !== SSL_REQUEST && code !== GSSENC_REQUEST) this.startup = false;
      return;
    }
    const letter = String.fromCharCode(this.type);
    c.messages[letter] = (c.messages[letter] ?? 0) + 1;
    switch (this.type) {
      case 0x51: {
        // Query: the SQL text.
        c.statements++;
        c.roundTrips++;
        c.byKind[kept ? kindOfSql(kept, 0, n) : "other"]++;
        break;
      }
      case 0x50: {
        // Parse: statement name, SQL text, ...
        if (!kept) break;
        const nameEnd = kept.indexOf(0, 0);
        if (nameEnd === -1) break;
        const name = kept.toString("latin1", 0, nameEnd);
        this.statements.set(name, kindOfSql(kept, nameEnd + 1, n));
        break;
      }
      case 0x42: {
        // Bind: portal name, statement name, ...
        if (!kept) break;
        const portalEnd = kept.indexOf(0, 0);
        const statementEnd = portalEnd === -1 ? -1 : kept.indexOf(0, portalEnd + 1);
        if (statementEnd === -1) break;
        const statement = kept.toString("latin1", portalEnd + 1, statementEnd);
        this.portals.set(
          kept.toString("latin1", 0, portalEnd),
          this.statements.get(statement) ?? "other",
        );
        break;
      }
      case 0x45: {
        // Execute: portal name, row limit.
        c.statements++;
        const portalEnd = kept ? kept.indexOf(0, 0) : -1;
        const portal = kept && portalEnd !== -1 ? kept.toString("latin1", 0, portalEnd) : "";
        c.byKind[this.portals.get(portal) ?? "other"]++;
        break;
      }
      case 0x53: // Sync
        c.roundTrips++;
        break;
    }
  }
}
