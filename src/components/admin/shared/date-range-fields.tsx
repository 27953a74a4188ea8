import { Button } from "@/components/ui/button";
import styles from "./admin.module.css";
import { FieldError } from "./field-error";

/** What is wrong with a from/to pair of yyyy-mm-dd dates, if anything. */
export function dateRangeProblem(from: string, to: string): string | undefined {
  return from && to && to < from ? "The end date is before the start date" : undefined;
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
  const errorId = `${formId}-to-error`;
  return (
    <>
      <label className="field">
        From
        <input
          name="from"
          type="date"
          value={from}
          onChange={(e) => onChange({ from: e.target.value })}
        />
      </label>
      <div className={styles.fieldCell}>
        <label className="field">
          To (including)
          <input
            name="to"
            type="date"
            value={to}
            onChange={(e) => onChange({ to: e.target.value })}
            aria-invalid={problem ? true : undefined}
            aria-describedby={problem ? errorId : undefined}
          />
        </label>
        <FieldError id={errorId} message={problem} />
      </div>
    </>
  );
}

/** Search and Clear filters, under every operator search form. */
export function FilterButtons({ onClear }: { onClear: () => void }) {
  return (
    <div className="row">
      <Button type="submit" variant="primary">
        Search
      </Button>
      <Button variant="ghost" onClick={onClear}>
        Clear filters
      </Button>
    </div>
  );
}
