import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { FormField } from "./form-field";

/** dateRangeProblem's answer when given no words: DateRangeFields words it in the screen's language. */
export const END_BEFORE_START = "end-before-start";

/**
 * What is wrong with a from/to pair of yyyy-mm-dd dates, if anything: `message` when given
 * (t("admin.shared.dates.endBeforeStart")), else END_BEFORE_START, which DateRangeFields
 * shows in the screen's language when it is handed back as its `problem`.
 */
export function dateRangeProblem(from: string, to: string, message?: string): string | undefined {
  return from && to && to < from ? (message ?? END_BEFORE_START) : undefined;
}

interface Props {
  /** Unique per form (useId), for the error's id. */
  formId: string;
  from: string;
  to: string;
  onChange: (range: { from?: string; to?: string }) => void;
  problem: string | undefined;
}

/** The From / To (including) date pair of the operator's search forms. */
export function DateRangeFields({ formId, from, to, onChange, problem }: Props) {
  const t = useTranslations("admin.shared.dates");
  return (
    <>
      <label className="field">
        {t("from")}
        <input
          name="from"
          type="date"
          value={from}
          onChange={(e) => onChange({ from: e.target.value })}
        />
      </label>
      <FormField
        formId={formId}
        name="to"
        label={t("to")}
        type="date"
        value={to}
        onChange={(value) => onChange({ to: value })}
        problem={problem === END_BEFORE_START ? t("endBeforeStart") : problem}
      />
    </>
  );
}

/** Search and Clear filters, under every operator search form. */
export function FilterButtons({ onClear }: { onClear: () => void }) {
  const t = useTranslations("admin.shared.filters");
  return (
    <div className="row">
      <Button type="submit" variant="primary">
        {t("search")}
      </Button>
      <Button variant="ghost" onClick={onClear}>
        {t("clear")}
      </Button>
    </div>
  );
}
