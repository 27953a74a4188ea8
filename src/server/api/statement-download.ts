import { log } from "../observability/log";
import type { Actor } from "../use-cases/actor";
import { statementCsv } from "../use-cases/export-statement";
import { errorResponse } from "./errors";
import { requestLocale } from "./request-locale";
import { refuseCaller } from "./trpc";

/**
 * CSV download of one account's statement (GET /api/admin/statement?accountId=123). The
 * caller is checked exactly as every tRPC procedure is (role and the account as it is now,
 * so a locked or removed operator is refused), and failures go through the one error
 * mapping. The route handler supplies the session's actor; tests a fixed one.
 */
export async function statementDownload(req: Request, actor: Actor | null): Promise<Response> {
  // Refusals in the request's language (the device's cookie, else the browser's).
  const locale = requestLocale(req.headers);
  const refused = await refuseCaller(actor, ["ADMIN"]);
  if (refused) return errorResponse(refused, locale);
  const raw = new URL(req.url).searchParams.get("accountId") ?? "";
  if (!/^[1-9]\d{0,17}$/.test(raw))
    return new Response("accountId must be a positive number", { status: 400 });
  const accountId = BigInt(raw);
  const lines = statementCsv(actor!, accountId);
  // Pull the first line before answering, so an unknown account is a 404, not a broken download.
  let first: IteratorResult<string>;
  try {
    first = await lines.next();
  } catch (error) {
    return errorResponse(error, locale);
  }
  const encoder = new TextEncoder();
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      if (!first.done) controller.enqueue(encoder.encode(first.value));
    },
    async pull(controller) {
      try {
        const next = await lines.next();
        if (next.done) controller.close();
        else controller.enqueue(encoder.encode(next.value));
      } catch (error) {
        // Headers are gone: all that is left is to break the download and log why.
        log().error({ err: error }, "statement export failed");
        controller.error(new Error("statement export failed"));
      }
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
