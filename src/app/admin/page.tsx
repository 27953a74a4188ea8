import { redirect } from "next/navigation";

// Agents are the operator's daily work, so the bare /admin address opens there.
export default function AdminHomePage() {
  redirect("/admin/agents");
}
