import { z } from "zod";
import { LOCALES } from "@/i18n/locales";
import { inputKey } from "@/i18n/translate";
import { activateOperator } from "../../use-cases/activate-operator";
import { requestSignUpCode } from "../../use-cases/request-sign-up-code";
import { setLocale } from "../../use-cases/set-locale";
import { signUpCustomer } from "../../use-cases/sign-up-customer";
import { verifySignUpCode } from "../../use-cases/verify-sign-up-code";
import { operatorPassword, phone, pin, text } from "../inputs";
import { publicProcedure, router, signedInProcedure } from "../trpc";

// Sign-up in three steps: a code texted to the number, the code, then name and PIN.
export const accountRouter = router({
  requestSignUpCode: publicProcedure
    .input(z.strictObject({ phone }))
    .mutation(({ input, ctx }) => requestSignUpCode(input, ctx.ip, ctx.locale)),
  verifySignUpCode: publicProcedure
    .input(
      z.strictObject({
        codeId: z.uuid({ message: inputKey("input.codeIdMissing") }),
        code: z
          .string()
          .trim()
          .regex(/^\d{6}$/, inputKey("input.codeSixDigits")),
      }),
    )
    .mutation(({ input }) => verifySignUpCode(input)),
  signUp: publicProcedure
    .input(
      z.strictObject({
        ticket: z.string().regex(/^[A-Za-z0-9_-]{43}$/, inputKey("input.ticket")),
        pin,
        name: text("Your name", 80),
      }),
    )
    .mutation(({ input }) => signUpCustomer(input)),
  /** A new operator, approved by two others, opens the account and sets their own password. */
  activateOperator: publicProcedure
    .input(
      z.strictObject({
        phone,
        proposerCode: z.string().trim().min(16).max(24),
        approverCode: z.string().trim().min(16).max(24),
        password: operatorPassword,
      }),
    )
    .mutation(({ ctx, input }) => activateOperator(input, ctx.ip)),
  /** The language chosen with the switcher, remembered for the account's next sign-in. */
  setLocale: signedInProcedure
    .input(z.strictObject({ locale: z.enum(LOCALES) }))
    .mutation(({ ctx, input }) => setLocale(ctx.actor, input.locale)),
});
