"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useSubscription } from "@trpc/tanstack-react-query";
import { useCallback, useEffect, useRef, useState } from "react";
import { useOnline } from "@/components/ui/use-online";
import { isOpenDispute } from "@/domain/disputes";
import { isLive, progressOf } from "@/domain/order-state";
import { useTRPC } from "@/lib/trpc";
import type { Connection } from "./connection-banner";
import { type CustomerOrder, errorCode } from "./types";

/** A copy of the order and when it arrived (ms), so that ties go to the later copy. */
interface Copy {
  order: CustomerOrder;
  at: number;
}

function newer(a: Copy | null, b: Copy | null): Copy | null {
  if (!b) return a;
  if (!a) return b;
  const [was, is] = [progressOf(a.order.status), progressOf(b.order.status)];
  if (was !== is) return is > was ? b : a;
  // Same status, yet the order may have changed (a dispute opened or decided on it).
  return b.at >= a.at ? b : a;
}

/**
 * One order as the server sees it now: the query paints first, the live.order stream keeps
 * it current. The stream's value is kept here because useSubscription forgets it when the
 * stream ends, and a slow query answer must not put an older state back on screen.
 */
export function useLiveOrder(orderId: string) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [streamed, setStreamed] = useState<Copy | null>(null);
  const query = useQuery(trpc.customer.order.queryOptions({ orderId }));
  const shown = newer(streamed, query.data ? { order: query.data, at: query.dataUpdatedAt } : null);
  const order = shown?.order ?? null;
  // An order under dispute still changes (operators decide it): keep following it.
  const live = order
    ? isLive(order.status) || (order.dispute !== null && isOpenDispute(order.dispute.status))
    : true;
  // Only a failed first load stops everything; a failed refetch keeps the last good copy.
  const loadFailed = !order && query.isError;

  const online = useOnline();

  // Closed while the browser says it has no network, opened afresh when it is back: after a
  // real drop the old connection can linger half-open for minutes, hearing nothing and
  // raising no error, while the screen would look live.
  const subscription = useSubscription(
    trpc.live.order.subscriptionOptions(
      { orderId },
      {
        enabled: live && !loadFailed && online,
        onData: ({ data }) => {
          if (isCustomerView(data)) {
            setStreamed((prev) => newer(prev, { order: data, at: Date.now() }));
          }
        },
        // Whatever broke the stream may have hidden a change: ask at once.
        onError: () => void query.refetch(),
      },
    ),
  );
  const streaming = subscription.status === "pending";
  const stalled = useStalled(live && !streaming && !loadFailed);

  // Back online: the order may have moved meanwhile (the agent confirmed while the phone was
  // in a dead spot), and the reopened stream only tells of changes from now on. Ask at once
  // rather than at the next poll.
  const wasOnline = useRef(online);
  useEffect(() => {
    if (online && !wasOnline.current) void query.refetch();
    wasOnline.current = online;
  }, [online, query.refetch]);

  // Without the stream (proxy dropped it, server restarting, too many screens open) ask
  // every few seconds. Even while it looks connected, ask now and then: a stream can stay
  // open yet hear nothing (a proxy holding a dead connection), and must not freeze the screen.
  useEffect(() => {
    if (!live || loadFailed) return;
    const timer = setInterval(() => void query.refetch(), streaming ? 15_000 : 5_000);
    return () => clearInterval(timer);
  }, [live, streaming, loadFailed, query.refetch]);

  // Balances change when an order completes or closes: home must not show the old ones.
  const lastStatus = useRef(order?.status);
  useEffect(() => {
    if (!order || order.status === lastStatus.current) return;
    lastStatus.current = order.status;
    if (!isLive(order.status)) {
      void queryClient.invalidateQueries(trpc.customer.overview.queryFilter());
      void queryClient.invalidateQueries(trpc.customer.activity.pathFilter());
    }
  }, [order, queryClient, trpc]);

  const refresh = useCallback(() => void query.refetch(), [query.refetch]);

  return {
    order,
    /** Set in the first load only; later failures keep showing the last good copy. */
    error: loadFailed ? query.error : null,
    notFound: !order && isRefusal(errorCode(query.error)),
    loading: !order && query.isPending,
    /**
     * What the screen may claim: "offline" (the browser has no network) or "reconnecting"
     * (the live stream has been down for a while; it reconnects by itself meanwhile) mean
     * the order shown is the last known copy, not necessarily the current one.
     */
    connection: (!online ? "offline" : stalled ? "reconnecting" : "online") as Connection,
    /** When the shown copy arrived (ms since epoch), for "last known at". */
    knownAt: shown?.at ?? null,
    refresh,
    /** Replaces the shown copy with what a mutation returned. */
    accept: (next: CustomerOrder) =>
      setStreamed((prev) => newer(prev, { order: next, at: Date.now() })),
  };
}

// Connecting takes a moment on every page load; only a longer gap is worth mentioning.
function useStalled(down: boolean): boolean {
  const [stalled, setStalled] = useState(false);
  useEffect(() => {
    if (!down) {
      setStalled(false);
      return;
    }
    const timer = setTimeout(() => setStalled(true), 4_000);
    return () => clearTimeout(timer);
  }, [down]);
  return stalled;
}

// live.order serves both parties; a customer's session only ever gets the customer view.
function isCustomerView(view: object): view is CustomerOrder {
  return "walletAmount" in view;
}

/** Not found and bad ids: the order is not there for this customer, now or later. */
function isRefusal(code: string | null): boolean {
  return code === "NOT_FOUND" || code === "BAD_REQUEST" || code === "FORBIDDEN";
}
