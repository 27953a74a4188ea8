import { z } from "zod";
import { signUpCustomer } from "../../use-cases/sign-up-customer";
import { phone, pin } from "../inputs";
import { publicProcedure, router } from "../trpc";

export const accountRouter = router({
  signUp: publicProcedure
    .input(
      z.strictObject({
        phone,
        pin,
        name: z.string().trim().min(1, "Tell us your name").max(80, "The name is too long"),
      }),
    )
    .mutation(({ input }) => signUpCustomer(input)),
});
