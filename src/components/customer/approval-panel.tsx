"use client";

import { useMutation } from "@tanstack/react-query";
import { Button } from "@/components/ui/button";
import { ErrorNote } from "@/components/ui/error-note";
import { Money } from "@/components/ui/money";
import { useIdempotencyKey } from "@/lib/idempotency";
import { useTRPC } from "@/lib/trpc";
import styles from "./customer.module.css";
import { OrderSummary } from "./order-summary";
import type { CustomerOrder } from "./types";

/**
 * The cash-out's second factor: the customer sees which shop scanned the code and says yes
 * only when standing there, so a photographed QR cannot empty the wallet.
 */
export function ApprovalPanel({
  order,
  onChange,
}: {
  order: CustomerOrder;
  onChange: (order: CustomerOrder) => void;
}) {
  const trpc = useTRPC();
  // Yes and no are different intents: each keeps its own key for retries.
  const approveKey = useIdempotencyKey();
  const rejectKey = useIdempotencyKey();
  const answer = useMutation(trpc.customer.answerApproval.mutationOptions());
  const shop = order.agentShopName ?? "An agent";

  function respond(approve: boolean) {
    const key = approve ? approveKey : rejectKey;
    answer.mutate(
      { orderId: order.id, approve, idempotencyKey: key.key() },
      {
        onSuccess: (next) => {
          key.rotate();
          onChange(next);
        },
      },
    );
  }

  const deciding = answer.isPending ? answer.variables?.approve : undefined;

  return (
    <section className="card stack" data-testid="approval" aria-labelledby="approval-heading">
      <h1 id="approval-heading" className={styles.title}>
        {shop} wants to give you <Money amount={order.amount} currency={order.currency} />
      </h1>
      <p className="alert warn">Approve only if you are at this shop.</p>
      <div className="receipt">
        <OrderSummary order={order} />
      </div>
      <ErrorNote error={answer.error} />
      <div className="grid-2">
        <Button
          variant="danger"
          size="big"
          busy={deciding === false}
          disabled={answer.isPending}
          onClick={() => respond(false)}
        >
          Reject
        </Button>
        <Button
          variant="primary"
          size="big"
          busy={deciding === true}
          disabled={answer.isPending}
          onClick={() => respond(true)}
        >
          Approve
        </Button>
      </div>
    </section>
  );
}
