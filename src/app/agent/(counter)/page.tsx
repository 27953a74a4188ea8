import { AgentGate } from "@/components/agent/agent-gate";
import { CounterScreen } from "@/components/agent/counter-screen";

export default function AgentHomePage() {
  return (
    <AgentGate>
      <CounterScreen />
    </AgentGate>
  );
}
