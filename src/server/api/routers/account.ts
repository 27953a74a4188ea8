import { z } from "zod";
import { activateOperator } from "../../use-cases/activate-operator";
import { signUpCustomer } from "../../use-cases/sign-up-customer";
import { operatorPassword, phone, pin, text } from "../inputs";
import { publicProcedure, router } from "../trpc";

export const accountRouter = router({
  signUp: publicProcedure
    .input(
      z.strictObject({
        phone,
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
});
