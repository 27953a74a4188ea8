import type { Role } from "@/generated/prisma/enums";

declare module "next-auth" {
  interface User {
    id: string;
    role: Role;
    /** The language the account chose with the switcher; null: never chosen. */
    locale?: string | null;
  }
  interface Session {
    user: { id: string; role: Role; name: string };
  }
}

declare module "next-auth/jwt" {
  interface JWT {
    uid: string;
    role: Role;
    /** When this session signed in (ms since epoch); sessions ended after it are refused. */
    signedInAt?: number;
    /** The account's remembered language at sign-in (the device's cookie still comes first). */
    locale?: string | null;
  }
}
