import { getServerSession } from "next-auth";
import { authOptions } from "@/server/auth/options";
import { clientIp } from "@/server/security/client-ip";
import { statementCsv } from "@/server/use-cases/export-statement";

/** CSV download of one account's statement: GET /api/admin/statement?accountId=123 (ADMIN). */
export async function GET(req: Request): Promise<Response> {
  const session = await getServerSession(authOptions);
  if (!session?.user) return new Response("Please sign in", { status: 401 });
  if (session.user.role !== "ADMIN") return new Response("Operators only", { status: 403 });
  const raw = new URL(req.url).searchParams.get("accountId") ?? "";
  if (!/^[1-9]\d{0,17}$/.test(raw))
    return new Response("accountId must be a positive number", { status: 400 });
  const accountId = BigInt(raw);
  const lines = statementCsv(
    { userId: session.user.id, role: "ADMIN", ip: clientIp(req.headers) },
    accountId,
  );
  // Pull the first line before answering, so an unknown account is a 404, not a broken download.
  let first: IteratorResult<string>;
  try {
    first = await lines.next();
  } catch (error) {
    return new Response(error instanceof Error ? error.message : "Not found", { status: 404 });
  }
  const encoder = new TextEncoder();
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      if (!first.done) controller.enqueue(encoder.encode(first.value));
    },
    async pull(controller) {
      const next = await lines.next();
      if (next.done) controller.close();
      else controller.enqueue(encoder.encode(next.value));
    },
  });
  return new Response(stream, {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="statement-${accountId}.csv"`,
      "cache-control": "no-store",
    },
  });
}
