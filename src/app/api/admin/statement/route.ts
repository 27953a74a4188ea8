import { getServerSession } from "next-auth";
import { statementDownload } from "@/server/api/statement-download";
import { authOptions } from "@/server/auth/options";
import { clientIp } from "@/server/security/client-ip";

/** CSV download of one account's statement: GET /api/admin/statement?accountId=123 (ADMIN). */
export async function GET(req: Request): Promise<Response> {
  const session = await getServerSession(authOptions);
  const actor = session?.user
    ? { userId: session.user.id, role: session.user.role, ip: clientIp(req.headers) }
    : null;
  return statementDownload(req, actor);
}
