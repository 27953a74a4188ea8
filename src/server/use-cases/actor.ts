import type { Role } from "@/generated/prisma/enums";

/** Who is calling, as established by the session; use cases never read cookies themselves. */
export interface Actor {
  userId: string;
  role: Role;
  ip: string | null;
}
