import { initTRPC, TRPCError } from "@trpc/server";
import superjson from "superjson";
import { ZodError } from "zod";
import type { Role } from "@/generated/prisma/enums";
import type { Locale } from "@/i18n/locales";
import { log } from "../observability/log";
import { metrics, secondsSince } from "../observability/metrics";
import type { Actor } from "../use-cases/actor";
import { callerStatus } from "../use-cases/caller-status";
import { toTRPCError } from "./errors";

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
  errorFormatter({ shape, error }) {
    const cause = error.cause;
    // zod's own message is a JSON dump of issues; people need one readable sentence.
    if (cause instanceof ZodError) {
      const message = cause.issues
        .map((i) => (i.path.length > 0 ? `${i.path.join(".")}: ${i.message}` : i.message))
        .join("; ");
      return { ...shape, message, data: { ...shape.data, domainCode: "INVALID_INPUT" } };
    }
    const domainCode =
      cause && typeof cause === "object" && "code" in cause && cause.name === "DomainError"
        ? String(cause.code)
        : null;
    // Never leak internals of unexpected failures to the browser.
    const message =
      error.code === "INTERNAL_SERVER_ERROR"
        ? "Something went wrong on our side. Nothing was changed; please try again"
        : shape.message;
    return { ...shape, message, data: { ...shape.data, stack: undefined, domainCode } };
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
  if (!actor) return new TRPCError({ code: "UNAUTHORIZED", message: "Please sign in" });
  if (!roles.includes(actor.role)) {
    return new TRPCError({ code: "FORBIDDEN", message: "This is not available to your account" });
  }
  const status = await callerStatus(actor.userId, signedInAt);
  if (status === "GONE" || status === "ENDED") {
    return new TRPCError({ code: "UNAUTHORIZED", message: "Please sign in again" });
  }
  if (status === "LOCKED") {
    return new TRPCError({
      code: "FORBIDDEN",
      message: "This account is locked. Please call ProxyPay support",
    });
  }
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
export const agentProcedure = roleProcedure(["AGENT"]);
export const adminProcedure = roleProcedure(["ADMIN"]);
export const orderPartyProcedure = roleProcedure(["CUSTOMER", "AGENT"]);
export const signedInProcedure = roleProcedure(["CUSTOMER", "AGENT", "ADMIN"]);
