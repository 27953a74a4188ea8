import { Button } from "@/components/ui/button";
import { FormField } from "./form-field";

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
      <FormField
        formId={formId}
        name="to"
        label="To (including)"
        type="date"
        value={to}
        onChange={(value) => onChange({ to: value })}
        problem={problem}
      />
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
