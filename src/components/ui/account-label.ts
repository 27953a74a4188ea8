import type { Role } from "@/generated/prisma/enums";

const ACCOUNT: Record<Role, string> = {
  CUSTOMER: "a customer account",
  AGENT: "an agent account",
  ASSISTANT: "a shop assistant account",
  ADMIN: "an operator account",
};

/** "an agent account": how the wrong-app screens name the account someone is signed in with. */
export function accountLabel(role: Role): string {
  return ACCOUNT[role];
}
