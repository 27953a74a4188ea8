import { z } from "zod";
import { signUpCustomer } from "../../use-cases/sign-up-customer";
import { phone, pin, text } from "../inputs";
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
});
