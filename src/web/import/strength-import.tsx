/**
 * Lifting history from a Strong or Hevy CSV export (docs/API.md, POST /api/strength-imports):
 * the file is sent as it is, what it held is counted, and names the catalogue does not know are
 * reviewed (mapped or skipped) before their sets come in.
 */
import { useEffect, useRef, useState } from "preact/hooks";
import {
  type StrengthImportReport,
  type StrengthReviewAnswer,
  type StrengthReviewItem,
  strength,
} from "../shared/api.js";
import { plural } from "../shared/words.js";
import { StrengthReview } from "./strength-review.js";

const APP_WORD = { strong: "Strong", hevy: "Hevy" } as const;

type Step =
  | { readonly step: "pick" }
  | { readonly step: "sending"; readonly name: string }
  | { readonly step: "error"; readonly message: string }
  | { readonly step: "done"; readonly report: StrengthImportReport };

/** The stored counts of what the review's choices brought in, over every kept export. */
function storedBy(answer: StrengthReviewAnswer): { workouts: number; sets: number } {
  return answer.reports.reduce(
    (sum, report) => ({
      workouts: sum.workouts + report.stored.workouts,
      sets: sum.sets + report.stored.sets,
    }),
    { workouts: 0, sets: 0 },
  );
}

function Count(props: { label: string; value: number; testId: string; good?: boolean }) {
  return (
    <div class={`import-count${props.good ? " is-good" : ""}`}>
      <dt>{props.label}</dt>
      <dd data-testid={props.testId}>{props.value}</dd>
    </div>
  );
}

function StrengthSummary(props: { report: StrengthImportReport }) {
  const { report } = props;
  const leftOut = [
    report.restTimers > 0 ? plural(report.restTimers, "rest timer row") : null,
    report.withoutReps > 0
      ? plural(report.withoutReps, "set without reps", "sets without reps")
      : null,
    report.skippedSets > 0 ? `${plural(report.skippedSets, "set")} of names you skip` : null,
  ].filter((part): part is string => part !== null);
  return (
    <section
      class="card stack"
      data-testid="strength-summary"
      aria-labelledby="strength-summary-title"
    >
      <h2 id="strength-summary-title">{APP_WORD[report.app]} export read</h2>
      <p class="source">{report.source}</p>
      <p class="hint" data-testid="strength-read">
        {plural(report.rows, "row")} in {plural(report.workouts, "workout")}, weights in{" "}
        {report.weightUnit}
        {report.unitFrom === "profile" ? " (the file does not say: your profile's unit)" : ""}.
      </p>
      <dl class="import-counts">
        <Count
          label="Workouts stored"
          value={report.stored.workouts}
          testId="strength-stored-workouts"
          good={report.stored.workouts > 0}
        />
        <Count
          label="Sets stored"
          value={report.stored.sets}
          testId="strength-stored-sets"
          good={report.stored.sets > 0}
        />
        <Count
          label="Sets already there"
          value={report.duplicateSets}
          testId="strength-duplicates"
        />
      </dl>
      {report.duplicateSets > 0 ? (
        <p class="hint">Already there: a day and exercise stored before are not stored twice.</p>
      ) : null}
      {leftOut.length > 0 ? (
        <p class="hint" data-testid="strength-left-out">
          Left out: {leftOut.join(", ")}.
        </p>
      ) : null}
    </section>
  );
}

// Over 80 lines: the upload, its status and the review it leads to share one state; the pieces are
// components already.
export function StrengthImport() {
  const [step, setStep] = useState<Step>({ step: "pick" });
  const [pending, setPending] = useState<readonly StrengthReviewItem[]>([]);
  const [reviewed, setReviewed] = useState<{ workouts: number; sets: number } | null>(null);
  const input = useRef<HTMLInputElement>(null);

  const loadPending = async () => {
    const result = await strength.review();
    if (result.ok) setPending(result.value);
  };

  // Names of an export uploaded earlier (on this or another device) still wait for a choice.
  useEffect(() => {
    loadPending();
  }, []);

  const choose = async (file: File | undefined) => {
    if (!file || step.step === "sending") return;
    setStep({ step: "sending", name: file.name });
    setReviewed(null);
    const result = await strength.importCsv(file.name, await file.text());
    if (input.current) input.current.value = "";
    if (!result.ok) {
      setStep({ step: "error", message: result.error.message });
      return;
    }
    setStep({ step: "done", report: result.value });
    if (result.value.unmapped.length > 0) await loadPending();
  };

  const answered = (answer: StrengthReviewAnswer) => {
    setPending(answer.pending);
    setReviewed(storedBy(answer));
  };

  return (
    <section class="stack" aria-labelledby="strength-title" data-testid="strength-import">
      <h2 id="strength-title">Lifting history from Strong or Hevy</h2>
      <div class="card stack strength-pick">
        <p>
          Logged your lifts in Strong or Hevy? Bring them in, and your loads start from what you
          really lifted.
        </p>
        <input
          ref={input}
          id="strength-file"
          class="visually-hidden"
          type="file"
          accept=".csv,text/csv"
          data-testid="strength-file"
          aria-describedby="strength-formats"
          onChange={(event) => choose(event.currentTarget.files?.[0])}
        />
        <label for="strength-file" class="button block drop-button">
          {step.step === "sending" ? "Importing…" : "Choose a CSV export"}
        </label>
        <p class="hint" id="strength-formats">
          The CSV file that Strong or Hevy exports from its settings. A workout already here is not
          stored twice.
        </p>
      </div>

      <p class="visually-hidden" role="status" data-testid="strength-status">
        {step.step === "sending"
          ? `Importing ${step.name}…`
          : step.step === "done"
            ? `${plural(step.report.stored.sets, "set")} stored.`
            : ""}
      </p>

      {step.step === "error" ? (
        <p class="form-error" role="alert" data-testid="strength-error">
          {step.message}
        </p>
      ) : null}

      {step.step === "done" ? <StrengthSummary report={step.report} /> : null}

      {pending.length > 0 ? <StrengthReview items={pending} onAnswer={answered} /> : null}

      {reviewed ? (
        <div class="card stack" data-testid="strength-review-result">
          <p class="saved" role="status">
            Your choices brought in {plural(reviewed.workouts, "workout")} with{" "}
            {plural(reviewed.sets, "set")}.
            {pending.length === 0 ? " Every name is mapped or skipped." : ""}
          </p>
          {pending.length === 0 ? (
            <a class="button block" href="/" data-testid="strength-see-week">
              See your week
            </a>
          ) : null}
        </div>
      ) : null}
    </section>
  );
}
