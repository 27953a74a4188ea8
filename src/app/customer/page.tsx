import { CustomerGate } from "@/components/customer/customer-gate";
import { CustomerHome } from "@/components/customer/customer-home";

export default function CustomerHomePage() {
  return (
    <CustomerGate>
      <CustomerHome />
    </CustomerGate>
  );
}
