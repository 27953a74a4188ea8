import { initTRPC, TRPCError } from "@trpc/server";
import superjson from "superjson";
import { ZodError } from "zod";
import type { Role } from "@/generated/prisma/enums";
import type { Locale } from "@/i18n/locales";
import { renderInputMessage } from "@/i18n/translate";
import { log } from "../observability/log";
import { metrics, secondsSince } from "../observability/metrics";
import type { Actor } from "../use-cases/actor";
import { callerStatus } from "../use-cases/caller-status";
import { apiRefusal, messageOf, toTRPCError } from "./errors";

export interface Context {
  actor: Actor | null;
  ip: string | null;
  /** When the caller's session signed in: sessions ended after it are refused. */
  signedInAt?: number | undefined;
  /** The caller's language, for the words of refusals (English when not given). */
  locale?: Locale | undefined;
}

const t = initTRPC.context<Context>().create({
  transformer: superjson,
  // Every answer's words in the caller's language (ctx.locale: the device's choice, the
  // account's, the browser's; English without a context). data.reason names the catalogue
  // key, for clients that want to react to one refusal rather than read its words.
  errorFormatter({ shape, error, ctx }) {
    const locale = ctx?.locale;
    const cause = error.cause;
    // zod's own message is a JSON dump of issues; people need one readable sentence. Issue
    // messages are catalogue keys ("errors.input.pin"), rendered here.
    if (cause instanceof ZodError) {
      const message = cause.issues
        .map((i) => {
          const words = renderInputMessage(i.message, locale);
          return i.path.length > 0 ? `${i.path.join(".")}: ${words}` : words;
        })
        .join("; ");
      const reason = cause.issues[0]?.message.replace(/^errors\./, "") ?? null;
      return {
        ...shape,
        message,
        data: { ...shape.data, stack: undefined, domainCode: "INVALID_INPUT", reason },
      };
    }
    const domainCode =
      cause && typeof cause === "object" && "code" in cause && cause.name === "DomainError"
        ? String(cause.code)
        : null;
    const reason =
      error.code === "INTERNAL_SERVER_ERROR"
        ? "access.internal"
        : cause && "key" in cause && typeof cause.key === "string"
          ? cause.key
          : null;
    // Never leak internals of unexpected failures to the browser (messageOf).
    const message = messageOf(error, locale);
    return { ...shape, message, data: { ...shape.data, stack: undefined, domainCode, reason } };
  },
});

export const router = t.router;
export const createCallerFactory = t.createCallerFactory;

/**
 * Maps domain refusals to tRPC errors for every procedure below, times each call per
 * procedure and outcome, logs each call (one line) and the server's failures. A log line names the procedure and the
 * error, never the input: PINs, codes and tokens travel in inputs.
 */
const domainErrors = t.middleware(async ({ next, path, type }) => {
  const start = performance.now();
  const result = await next();
  let outcome = "ok";
  let thrown: unknown;
  if (!result.ok) {
    const mapped = toTRPCError(result.error.cause);
    outcome = mapped instanceof TRPCError ? mapped.code : result.error.code;
    if (mapped instanceof TRPCError) thrown = mapped;
    else if (result.error.code === "INTERNAL_SERVER_ERROR") {
      log().error({ procedure: path, err: result.error.cause ?? result.error }, "procedure failed");
    }
  }
  // A subscription's call ends when its stream starts: its time says nothing.
  if (type !== "subscription") {
    const seconds = secondsSince(start);
    metrics().trpcDuration.observe({ procedure: path, type, outcome }, seconds);
    // The access log: one line a call, with the request id the log carries; never the input.
    log().info({ procedure: path, outcome, ms: Math.round(seconds * 1000) }, "call");
  }
  if (thrown) throw thrown;
  return result;
});

export const publicProcedure = t.procedure.use(domainErrors);

/**
 * Who may call, checked the same way by every procedure and by the plain route handlers:
 * the role, and the account as it is now (a session cookie outlives a lock or a removal).
 */
export async function refuseCaller(
  actor: Actor | null,
  roles: readonly Role[],
  signedInAt?: number,
): Promise<TRPCError | null> {
  if (!actor) return apiRefusal("UNAUTHORIZED", "access.signIn");
  if (!roles.includes(actor.role)) return apiRefusal("FORBIDDEN", "access.notForYou");
  const status = await callerStatus(actor.userId, signedInAt);
  if (status === "GONE" || status === "ENDED")
    return apiRefusal("UNAUTHORIZED", "access.signInAgain");
  if (status === "LOCKED") return apiRefusal("FORBIDDEN", "access.locked");
  return null;
}

function roleProcedure(roles: readonly Role[]) {
  return publicProcedure.use(async ({ ctx, next }) => {
    const refused = await refuseCaller(ctx.actor, roles, ctx.signedInAt);
    if (refused) throw refused;
    return next({ ctx: { ...ctx, actor: ctx.actor! } });
  });
}

export const customerProcedure = roleProcedure(["CUSTOMER"]);
/**
 * Serving at a shop's counter (orders, the drawer, the shop's history): the shop's owner and
 * its assistants, who serve on the owner's float (shopOfUser resolves either to the shop).
 */
export const agentProcedure = roleProcedure(["AGENT", "ASSISTANT"]);
/**
 * What only a shop's owner may do: move or see the shop's money beyond serving (float
 * requests, commission, thresholds) and manage people. Assistants are refused by role.
 */
export const shopOwnerProcedure = roleProcedure(["AGENT"]);
export const adminProcedure = roleProcedure(["ADMIN"]);
export const orderPartyProcedure = roleProcedure(["CUSTOMER", "AGENT", "ASSISTANT"]);
export const signedInProcedure = roleProcedure(["CUSTOMER", "AGENT", "ASSISTANT", "ADMIN"]);
