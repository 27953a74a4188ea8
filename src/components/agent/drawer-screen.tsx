"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useLocale, useTranslations } from "next-intl";
import { type FormEvent, type ReactNode, useState } from "react";
import { decimalMarkOf, readAmount } from "@/components/ui/amount-input";
import { Button } from "@/components/ui/button";
import { ErrorNote } from "@/components/ui/error-note";
import { Money } from "@/components/ui/money";
import { CodeName } from "@/components/ui/status-badge";
import { CASH_SERIES } from "@/domain/cash-breakdown";
import { countedTotal, type DrawerMoveKind, OWNER_ONLY_MOVES } from "@/domain/cash-drawer";
import { CURRENCY_EXPONENTS, type CurrencyCode } from "@/domain/money";
import { INTL_TAG } from "@/i18n/locales";
import { useIdempotencyKey } from "@/lib/idempotency";
import { useTRPC } from "@/lib/trpc";
import styles from "./agent.module.css";
import { AgentTopBar } from "./agent-top-bar";
import drawerStyles from "./drawer.module.css";
import { LiquidityAlerts } from "./liquidity-banner";
import { type DrawerState, type LogbookLine, useFormatRowTime } from "./types";

/** The shop's cash drawer: open, move, close, thresholds and the 14-day logbook. */
export function DrawerScreen() {
  const trpc = useTRPC();
  const t = useTranslations("agent.drawer");
  const state = useQuery(trpc.drawer.state.queryOptions());
  const [closed, setClosed] = useState<{
    counted: bigint;
    expected: bigint;
    variance: bigint;
    currency: string;
  } | null>(null);

  return (
    <>
      <AgentTopBar
        shopName={state.data?.shopName}
        current="drawer"
        isOwner={state.data?.isOwner ?? false}
      />
      <main className="page stack">
        <div className="spread">
          <h1>{t("title")}</h1>
          <Link href="/agent" className="button ghost">
            {t("back")}
          </Link>
        </div>
        {closed ? (
          <div className="alert ok" role="status" data-testid="drawer-closed">
            <strong>{t("closedTitle")}</strong> <CloseFigures {...closed} />
          </div>
        ) : null}
        {state.isPending ? (
          <div
            className="skeleton"
            style={{ height: "8rem" }}
            role="status"
            aria-busy
            aria-label={t("loading")}
          />
        ) : !state.data ? (
          <div className="stack">
            <ErrorNote error={state.error} />
            <Button onClick={() => void state.refetch()}>{t("tryAgain")}</Button>
          </div>
        ) : (
          <>
            <LiquidityAlerts state={state.data} />
            <Summary state={state.data} />
            {state.data.day ? (
              <div className="grid-2">
                <MoveForm state={state.data} />
                <CloseForm
                  state={state.data}
                  onClosed={(c) => setClosed({ ...c, currency: state.data.currency })}
                />
              </div>
            ) : (
              <OpenForm state={state.data} onOpened={() => setClosed(null)} />
            )}
            {state.data.isOwner ? <ThresholdsForm state={state.data} /> : null}
          </>
        )}
        <Logbook />
      </main>
    </>
  );
}

function Summary({ state }: { state: DrawerState }) {
  const t = useTranslations("agent.drawer");
  const formatRowTime = useFormatRowTime();
  return (
    <section className="card stack" aria-labelledby="drawer-now">
      <h2 id="drawer-now">{t("now")}</h2>
      <div className="grid-2">
        <div>
          <div className="muted small">{t("cashOnHand")}</div>
          {state.day ? (
            <strong className={styles.large} data-testid="cash-on-hand">
              <Money amount={state.day.cashOnHand} currency={state.currency} />
            </strong>
          ) : (
            <p data-testid="drawer-not-open">{t("notOpen")}</p>
          )}
          {state.day ? (
            <div className="muted small">
              {t("openedAt", { when: formatRowTime(state.day.openedAt) })}{" "}
              {t.rich("openingCount", {
                money: () => <Money amount={state.day!.openingCount} currency={state.currency} />,
              })}
            </div>
          ) : null}
        </div>
        <div>
          <div className="muted small">{t("float")}</div>
          <strong className={styles.large}>
            <Money amount={state.float} currency={state.currency} />
          </strong>
          <div className="muted small">
            {t.rich("thresholdsNow", {
              float: () => <Money amount={state.thresholds.lowFloat} currency={state.currency} />,
              cash: () => <Money amount={state.thresholds.lowCash} currency={state.currency} />,
            })}
          </div>
        </div>
      </div>
    </section>
  );
}

/** Reads a typed amount of cash: zero is a real count here. */
function useReadCash(currency: string) {
  const mark = decimalMarkOf(INTL_TAG[useLocale()]);
  return (text: string): bigint | "amountLike" | "amountDecimals" | null => {
    const read = readAmount(text, currency as CurrencyCode, mark);
    return read === "amountMoreThanZero" ? 0n : read;
  };
}

interface CountValue {
  total: bigint | null;
  input: { total: bigint } | { pieces: { value: bigint; count: number }[] } | null;
  problem: string | null;
}

/** A count of the drawer: one total, or how many of each note and coin. */
function CountFields({
  currency,
  idPrefix,
  onChange,
}: {
  currency: string;
  idPrefix: string;
  onChange: (value: CountValue) => void;
}) {
  const t = useTranslations("agent.drawer");
  const readCash = useReadCash(currency);
  const [byPieces, setByPieces] = useState(false);
  const [totalText, setTotalText] = useState("");
  const [counts, setCounts] = useState<Record<string, string>>({});
  const series = CASH_SERIES[currency as CurrencyCode].denominations;

  function report(nextByPieces: boolean, nextTotal: string, nextCounts: Record<string, string>) {
    if (nextByPieces) {
      const pieces = series
        .map((d) => ({ value: d.value, text: (nextCounts[String(d.value)] ?? "").trim() }))
        .filter((p) => p.text !== "");
      if (pieces.some((p) => !/^\d{1,6}$/.test(p.text))) {
        onChange({ total: null, input: null, problem: t("countWhole") });
        return;
      }
      const list = pieces.map((p) => ({ value: p.value, count: Number(p.text) }));
      if (list.length === 0) {
        onChange({ total: null, input: null, problem: t("countSomething") });
        return;
      }
      const total = countedTotal(list, currency as CurrencyCode);
      onChange({ total, input: { pieces: list }, problem: null });
      return;
    }
    const read = readCash(nextTotal);
    if (typeof read === "bigint") onChange({ total: read, input: { total: read }, problem: null });
    else
      onChange({
        total: null,
        input: null,
        problem: read === null ? t("countSomething") : t("amountLike"),
      });
  }

  return (
    <div className="stack">
      <fieldset className="segmented" style={{ border: 0, padding: 0, margin: 0 }}>
        <legend className="small muted">{t("countHow")}</legend>
        {[false, true].map((pieces) => (
          <Button
            key={String(pieces)}
            aria-pressed={byPieces === pieces}
            onClick={() => {
              setByPieces(pieces);
              report(pieces, totalText, counts);
            }}
          >
            {pieces ? t("byPieces") : t("byTotal")}
          </Button>
        ))}
      </fieldset>
      {byPieces ? (
        <div className={drawerStyles.pieceGrid}>
          {series.map((d) => (
            <label key={String(d.value)} className="stack">
              <span className="small">
                {t(d.kind === "note" ? "note" : "coin")}{" "}
                <Money amount={d.value} currency={currency} />
              </span>
              <input
                id={`${idPrefix}-${d.value}`}
                inputMode="numeric"
                autoComplete="off"
                value={counts[String(d.value)] ?? ""}
                onChange={(e) => {
                  const next = { ...counts, [String(d.value)]: e.target.value };
                  setCounts(next);
                  report(true, totalText, next);
                }}
              />
            </label>
          ))}
        </div>
      ) : (
        <label className="stack">
          <span>{t("total", { currency })}</span>
          <input
            id={`${idPrefix}-total`}
            inputMode="decimal"
            autoComplete="off"
            value={totalText}
            onChange={(e) => {
              setTotalText(e.target.value);
              report(false, e.target.value, counts);
            }}
          />
        </label>
      )}
    </div>
  );
}

function useRefreshDrawer() {
  const queryClient = useQueryClient();
  const trpc = useTRPC();
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: trpc.drawer.state.queryKey() }),
      queryClient.invalidateQueries({ queryKey: trpc.drawer.logbook.queryKey() }),
    ]);
}

const EMPTY_COUNT: CountValue = { total: null, input: null, problem: null };

function OpenForm({ state, onOpened }: { state: DrawerState; onOpened: () => void }) {
  const t = useTranslations("agent.drawer");
  const trpc = useTRPC();
  const refresh = useRefreshDrawer();
  const idempotency = useIdempotencyKey();
  const [count, setCount] = useState<CountValue>(EMPTY_COUNT);
  const [tried, setTried] = useState(false);
  const open = useMutation(
    trpc.drawer.open.mutationOptions({
      onSuccess: async () => {
        idempotency.rotate();
        onOpened();
        await refresh();
      },
    }),
  );
  function submit(event: FormEvent) {
    event.preventDefault();
    setTried(true);
    if (!count.input) return;
    open.mutate({ ...count.input, idempotencyKey: idempotency.key() });
  }
  return (
    <section className="card stack" aria-labelledby="drawer-open">
      <h2 id="drawer-open">{t("openTitle")}</h2>
      <p className="muted small">{t("openExplain")}</p>
      <form className="stack" onSubmit={submit} noValidate>
        <CountFields
          currency={state.currency}
          idPrefix="open"
          onChange={(c) => {
            setCount(c);
            idempotency.rotate();
            open.reset();
          }}
        />
        {count.total !== null ? (
          <p>
            {t.rich("countedIs", {
              money: () => <Money amount={count.total ?? 0n} currency={state.currency} />,
            })}
          </p>
        ) : null}
        {tried && count.problem ? <p className="alert error">{count.problem}</p> : null}
        <ErrorNote error={open.error} />
        <Button type="submit" variant="primary" size="big" busy={open.isPending}>
          {t("open")}
        </Button>
      </form>
    </section>
  );
}

const MOVE_KINDS: DrawerMoveKind[] = [
  "BANK_DEPOSIT",
  "CASH_DELIVERED",
  "OWNER_TOOK",
  "OWNER_ADDED",
];

function MoveForm({ state }: { state: DrawerState }) {
  const t = useTranslations("agent.drawer");
  const trpc = useTRPC();
  const refresh = useRefreshDrawer();
  const readCash = useReadCash(state.currency);
  const idempotency = useIdempotencyKey();
  const kinds = MOVE_KINDS.filter((k) => state.isOwner || !OWNER_ONLY_MOVES.includes(k));
  const [kind, setKind] = useState<DrawerMoveKind>("BANK_DEPOSIT");
  const [amountText, setAmountText] = useState("");
  const [note, setNote] = useState("");
  const [tried, setTried] = useState(false);
  const [done, setDone] = useState(false);
  const move = useMutation(
    trpc.drawer.move.mutationOptions({
      onSuccess: async () => {
        idempotency.rotate();
        setAmountText("");
        setNote("");
        setTried(false);
        setDone(true);
        await refresh();
      },
    }),
  );
  const amount = readCash(amountText);
  function changed() {
    idempotency.rotate();
    move.reset();
    setDone(false);
  }
  function submit(event: FormEvent) {
    event.preventDefault();
    setTried(true);
    if (typeof amount !== "bigint" || amount <= 0n) return;
    const trimmed = note.trim();
    move.mutate({
      kind,
      amount,
      ...(trimmed ? { note: trimmed } : {}),
      idempotencyKey: idempotency.key(),
    });
  }
  return (
    <section className="card stack" aria-labelledby="drawer-move">
      <h2 id="drawer-move">{t("moveTitle")}</h2>
      <form className="stack" onSubmit={submit} noValidate>
        <fieldset className="stack" style={{ border: 0, padding: 0, margin: 0 }}>
          <legend className="small muted">{t("moveKind")}</legend>
          {kinds.map((k) => (
            <label key={k} className={`row ${drawerStyles.kindChoice}`}>
              <input
                type="radio"
                name="move-kind"
                checked={kind === k}
                onChange={() => {
                  setKind(k);
                  changed();
                }}
              />
              <span>{t(`moves.${k}`)}</span>
            </label>
          ))}
        </fieldset>
        <label className="stack">
          <span>{t("amount", { currency: state.currency })}</span>
          <input
            id="move-amount"
            inputMode="decimal"
            autoComplete="off"
            value={amountText}
            onChange={(e) => {
              setAmountText(e.target.value);
              changed();
            }}
          />
        </label>
        <label className="stack">
          <span>{t("moveNote")}</span>
          <input
            id="move-note"
            maxLength={200}
            value={note}
            onChange={(e) => {
              setNote(e.target.value);
              changed();
            }}
          />
        </label>
        {tried && !(typeof amount === "bigint" && amount > 0n) ? (
          <p className="alert error">{t("amountLike")}</p>
        ) : null}
        <ErrorNote error={move.error} />
        {done ? (
          <p className="alert ok" role="status">
            {t("moveDone")}
          </p>
        ) : null}
        <Button type="submit" variant="primary" busy={move.isPending}>
          {t("record")}
        </Button>
      </form>
    </section>
  );
}

function CloseFigures({
  counted,
  expected,
  variance,
  currency,
}: {
  counted: bigint;
  expected: bigint;
  variance: bigint;
  currency: string;
}) {
  const t = useTranslations("agent.drawer");
  return (
    <span data-testid="close-figures">
      {t.rich("figures", {
        expected: () => <Money amount={expected} currency={currency} />,
        counted: () => <Money amount={counted} currency={currency} />,
        variance: () => <Money amount={variance} currency={currency} />,
      })}{" "}
      {variance === 0n ? t("balanced") : variance > 0n ? t("over") : t("short")}
    </span>
  );
}

function CloseForm({
  state,
  onClosed,
}: {
  state: DrawerState;
  onClosed: (c: { counted: bigint; expected: bigint; variance: bigint }) => void;
}) {
  const t = useTranslations("agent.drawer");
  const trpc = useTRPC();
  const refresh = useRefreshDrawer();
  const idempotency = useIdempotencyKey();
  const [count, setCount] = useState<CountValue>(EMPTY_COUNT);
  const [tried, setTried] = useState(false);
  const close = useMutation(
    trpc.drawer.close.mutationOptions({
      onSuccess: async (result) => {
        idempotency.rotate();
        onClosed(result);
        await refresh();
      },
    }),
  );
  const expected = state.day?.cashOnHand ?? 0n;
  function submit(event: FormEvent) {
    event.preventDefault();
    setTried(true);
    if (!count.input) return;
    close.mutate({ ...count.input, idempotencyKey: idempotency.key() });
  }
  return (
    <section className="card stack" aria-labelledby="drawer-close">
      <h2 id="drawer-close">{t("closeTitle")}</h2>
      <p className="muted small">{t("closeExplain")}</p>
      <form className="stack" onSubmit={submit} noValidate>
        <CountFields
          currency={state.currency}
          idPrefix="close"
          onChange={(c) => {
            setCount(c);
            idempotency.rotate();
            close.reset();
          }}
        />
        {count.total !== null ? (
          <p>
            <CloseFigures
              counted={count.total}
              expected={expected}
              variance={count.total - expected}
              currency={state.currency}
            />
          </p>
        ) : null}
        {tried && count.problem ? <p className="alert error">{count.problem}</p> : null}
        <ErrorNote error={close.error} />
        <Button type="submit" variant="danger" busy={close.isPending}>
          {t("close")}
        </Button>
      </form>
    </section>
  );
}

/** Minor units as the amount people type back ("10000", "12.50"): the form starts from them. */
function typedAmount(minor: bigint | null, currency: string): string {
  if (minor === null) return "";
  const scale = 10n ** BigInt(CURRENCY_EXPONENTS[currency as CurrencyCode]);
  const fraction = minor % scale;
  return fraction === 0n
    ? (minor / scale).toString()
    : `${minor / scale}.${fraction.toString().padStart(scale.toString().length - 1, "0")}`;
}

function ThresholdsForm({ state }: { state: DrawerState }) {
  const t = useTranslations("agent.drawer");
  const trpc = useTRPC();
  const refresh = useRefreshDrawer();
  const readCash = useReadCash(state.currency);
  // The shop's own thresholds, so saving one field keeps the other as it was.
  const [floatText, setFloatText] = useState(
    typedAmount(state.thresholds.ownLowFloat, state.currency),
  );
  const [cashText, setCashText] = useState(
    typedAmount(state.thresholds.ownLowCash, state.currency),
  );
  const [tried, setTried] = useState(false);
  const save = useMutation(trpc.drawer.setThresholds.mutationOptions({ onSuccess: refresh }));
  const lowFloat = floatText.trim() === "" ? null : readCash(floatText);
  const lowCash = cashText.trim() === "" ? null : readCash(cashText);
  const bad = (v: unknown) => v !== null && typeof v !== "bigint";
  function submit(event: FormEvent) {
    event.preventDefault();
    setTried(true);
    if (bad(lowFloat) || bad(lowCash)) return;
    save.mutate({ lowFloat: lowFloat as bigint | null, lowCash: lowCash as bigint | null });
  }
  return (
    <section className="card stack" aria-labelledby="drawer-thresholds">
      <h2 id="drawer-thresholds">{t("thresholdsTitle")}</h2>
      <p className="muted small">{t("thresholdsExplain")}</p>
      <form className="stack" onSubmit={submit} noValidate>
        <div className="grid-2">
          <label className="stack">
            <span>{t("lowFloat", { currency: state.currency })}</span>
            <input
              inputMode="decimal"
              autoComplete="off"
              placeholder={t("defaultPlaceholder")}
              value={floatText}
              onChange={(e) => setFloatText(e.target.value)}
            />
          </label>
          <label className="stack">
            <span>{t("lowCash", { currency: state.currency })}</span>
            <input
              inputMode="decimal"
              autoComplete="off"
              placeholder={t("defaultPlaceholder")}
              value={cashText}
              onChange={(e) => setCashText(e.target.value)}
            />
          </label>
        </div>
        {tried && (bad(lowFloat) || bad(lowCash)) ? (
          <p className="alert error">{t("amountLike")}</p>
        ) : null}
        <ErrorNote error={save.error} />
        {save.isSuccess ? (
          <p className="alert ok" role="status">
            {t("thresholdsSaved")}
          </p>
        ) : null}
        <Button type="submit" busy={save.isPending}>
          {t("saveThresholds")}
        </Button>
      </form>
    </section>
  );
}

function Logbook() {
  const t = useTranslations("agent.drawer");
  const trpc = useTRPC();
  const book = useQuery(trpc.drawer.logbook.queryOptions());
  return (
    <section className="card stack" aria-labelledby="drawer-logbook">
      <h2 id="drawer-logbook">{t("logbookTitle")}</h2>
      <p className="muted small">{t("logbookExplain")}</p>
      {book.isPending ? (
        <div
          className="skeleton"
          style={{ height: "6rem" }}
          role="status"
          aria-busy
          aria-label={t("loading")}
        />
      ) : !book.data ? (
        <div className="stack">
          <ErrorNote error={book.error} />
          <Button onClick={() => void book.refetch()}>{t("tryAgain")}</Button>
        </div>
      ) : book.data.lines.length === 0 ? (
        <p className="muted center" data-testid="logbook-empty">
          {t("logbookEmpty")}
        </p>
      ) : (
        <ul className="list" data-testid="drawer-logbook">
          {book.data.lines.map((line, i) => (
            <LogbookItem
              // Lines have no id of their own; their order is fixed for one answer.
              // biome-ignore lint/suspicious/noArrayIndexKey: see above
              key={i}
              line={line}
              currency={book.data.currency}
            />
          ))}
        </ul>
      )}
    </section>
  );
}

const FLOAT_KINDS = ["FUND_FLOAT", "DEFLOAT", "REVERSAL"] as const;

function LogbookItem({ line, currency }: { line: LogbookLine; currency: string }) {
  const t = useTranslations("agent.drawer");
  const formatRowTime = useFormatRowTime();
  let what: ReactNode;
  let amount: bigint | null = null;
  if (line.what === "OPEN") {
    what = t("lineOpen");
    amount = line.amount;
  } else if (line.what === "CLOSE") {
    what = (
      <>
        {t("lineClose")}{" "}
        <CloseFigures
          counted={line.counted}
          expected={line.expected}
          variance={line.counted - line.expected}
          currency={currency}
        />
      </>
    );
  } else if (line.what === "MOVE") {
    what = t(`moves.${line.move}`);
    amount = line.amount;
  } else if (line.what === "ORDER") {
    what = (
      <>
        <CodeName group="orderType" code={line.orderType} />{" "}
        <span className={`muted small ${styles.reference}`}>{line.reference}</span>
      </>
    );
    amount = line.orderType === "CASH_IN" ? line.amount : -line.amount;
  } else {
    const known = FLOAT_KINDS.find((k) => k === line.entryKind);
    what = known ? t(`floatKinds.${known}`) : t("floatKinds.OTHER");
  }
  return (
    <li className={drawerStyles.logRow} data-kind={line.what}>
      <div>
        <strong>{what}</strong>
        <div className="muted small">{formatRowTime(line.at)}</div>
      </div>
      <div>{amount !== null ? <Money amount={amount} currency={currency} /> : null}</div>
      <div className={drawerStyles.logAfter}>
        <span className="small">
          {t("cashAfter")}{" "}
          {line.cashAfter !== null ? (
            <Money amount={line.cashAfter} currency={currency} />
          ) : (
            t("noCount")
          )}
        </span>
        <span className="small muted">
          {t("floatAfter")}{" "}
          {line.floatAfter !== null ? (
            <Money amount={line.floatAfter} currency={currency} />
          ) : (
            t("noCount")
          )}
        </span>
      </div>
    </li>
  );
}
