import { CounterScreen } from "@/components/agent/counter-screen";

export default function AgentHomePage() {
  return <CounterScreen />;
}
