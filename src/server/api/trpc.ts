import { initTRPC, TRPCError } from "@trpc/server";
import superjson from "superjson";
import { ZodError } from "zod";
import type { Role } from "@/generated/prisma/enums";
import type { Actor } from "../use-cases/actor";
import { callerStatus } from "../use-cases/caller-status";
import { toTRPCError } from "./errors";

export interface Context {
  actor: Actor | null;
  ip: string | null;
  /** When the caller's session signed in: sessions ended after it are refused. */
  signedInAt?: number | undefined;
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

/** Maps domain refusals to tRPC errors for every procedure below. */
const domainErrors = t.middleware(async ({ next }) => {
  const result = await next();
  if (!result.ok) {
    const mapped = toTRPCError(result.error.cause);
    if (mapped instanceof TRPCError) throw mapped;
    if (result.error.code === "INTERNAL_SERVER_ERROR") console.error(result.error);
  }
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
