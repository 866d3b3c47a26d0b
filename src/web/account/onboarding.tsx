import { useEffect, useRef, useState } from "preact/hooks";
import { useLocation } from "preact-iso";
import { api, type RunWeek, type RunWeekProposal, running } from "../shared/api.js";
import { localeWeekStart, WEEKDAY_NAME, type Weekday } from "../shared/dates.js";
import type { ApiError } from "../shared/http.js";
import { getLogin, setProfile, useLogin } from "../shared/login.js";
import {
  defaultDraft,
  draftFromProfile,
  type ProfileDraft,
  profileFromDraft,
  withProposedRunWeek,
} from "./profile-draft.js";
import {
  EquipmentPicker,
  InjuryPicker,
  MinutesPicker,
  NameFields,
  RacePicker,
  RunWeekEditor,
  UnitsChoice,
  WeekStartSelect,
} from "./profile-fields.js";
import { RunWeekBasis, RunWeekReasons } from "./run-week-from-runs.js";

interface Step {
  readonly title: string;
  readonly lead: string;
  /** Profile fields on this step: an error on one of them brings the runner back here. */
  readonly fields: readonly string[];
  /** What "Skip" puts back. */
  readonly reset: (draft: ProfileDraft, defaults: ProfileDraft) => ProfileDraft;
}

const STEPS: readonly Step[] = [
  {
    title: "About you",
    lead: "So we can greet you and pick a sensible start.",
    fields: ["name", "birthYear"],
    reset: (draft, d) => ({ ...draft, name: draft.name || d.name, birthYear: "" }),
  },
  {
    title: "Units and week",
    lead: "How you weigh things and how your week runs.",
    fields: ["units", "weekStart", "timezone"],
    reset: (draft, d) => ({ ...draft, units: d.units, weekStart: d.weekStart }),
  },
  {
    title: "Your equipment",
    lead: "Body weight alone is enough to start. Add what you have at home or at the gym.",
    fields: ["equipment"],
    reset: (draft) => ({ ...draft, equipment: ["bodyweight"] }),
  },
  {
    title: "Your time",
    lead: "How long can a strength session be?",
    fields: ["sessionMinutes"],
    reset: (draft) => ({ ...draft, sessionMinutes: 30 }),
  },
  {
    title: "Your runs",
    lead: "We place strength sessions around your runs, so hard days stay hard and easy days stay easy.",
    fields: ["runWeek"],
    // The defaults' run week: the one proposed from imported runs when there is one.
    reset: (draft, d) => ({ ...draft, runWeek: { ...d.runWeek } }),
  },
  {
    title: "A race coming up?",
    lead: "With a race, sessions get lighter as the day comes closer. This is optional.",
    fields: ["race"],
    reset: (draft) => ({ ...draft, raceDate: "" }),
  },
  {
    title: "Anything sore?",
    lead: "Optional. Tap a spot that hurts or has hurt lately.",
    fields: ["injuries"],
    reset: (draft) => ({ ...draft, injuries: [] }),
  },
];

function stepOfField(field: string | null): number {
  if (!field) return -1;
  const root = field.split(/[.[]/)[0] ?? "";
  return STEPS.findIndex((step) => step.fields.includes(root));
}

/** /onboarding: a few friendly steps, each one skippable, then PUT /api/profile and the week. */
// Over 80 lines: the steps share one draft profile and its saving; the fields are components.
export function Onboarding() {
  const { route } = useLocation();
  const login = useLogin();
  const [draft, setDraft] = useState<ProfileDraft>(() => {
    const { profile, account } = getLogin();
    return profile ? draftFromProfile(profile) : defaultDraft(account?.name ?? "");
  });
  const [step, setStep] = useState(0);
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);
  const first = useRef(true);
  /** The run week proposed from imported runs, once it is the one the step starts from. */
  const [proposal, setProposal] = useState<RunWeekProposal | null>(null);
  /** The runner changed a day of the run week here: a proposal arriving later leaves it be. */
  const runWeekEdited = useRef(false);
  /** A profile already holds the runner's own run week: no proposal replaces it. */
  const hadProfile = useRef(getLogin().profile !== null);

  useProposedRunWeek(hadProfile.current, runWeekEdited, setDraft, setProposal);

  useEffect(() => {
    const name = login.account?.name;
    if (name) setDraft((current) => (current.name ? current : { ...current, name }));
  }, [login.account?.name]);

  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    heading.current?.focus();
  }, [step]);

  const update = (patch: Partial<ProfileDraft>) =>
    setDraft((current) => ({ ...current, ...patch }));
  const last = step === STEPS.length - 1;
  const current = STEPS[step] as Step;

  const finish = async (final: ProfileDraft) => {
    if (busy) return;
    setBusy(true);
    setError(null);
    const result = await api.saveProfile(profileFromDraft(final, getLogin().profile ?? undefined));
    setBusy(false);
    if (!result.ok) {
      setError(result.error);
      const at = stepOfField(result.error.field);
      if (at >= 0) setStep(at);
      return;
    }
    setProfile(result.value);
    route("/", true);
  };

  const next = () => {
    setError(null);
    if (last) finish(draft);
    else setStep(step + 1);
  };
  const skip = () => {
    setError(null);
    const defaults = defaultDraft(login.account?.name ?? "");
    const skipped = current.reset(
      draft,
      proposal ? { ...defaults, runWeek: { ...proposal.runWeek } } : defaults,
    );
    setDraft(skipped);
    if (last) finish(skipped);
    else setStep(step + 1);
  };
  const back = () => {
    setError(null);
    setStep(Math.max(0, step - 1));
  };

  return (
    <section class="screen onboarding" aria-labelledby="onboarding-title">
      <div class="steps" aria-hidden="true">
        {STEPS.map((s, index) => (
          <span key={s.title} class={`step-dot${index <= step ? " is-done" : ""}`} />
        ))}
      </div>
      <p class="eyebrow">
        Step {step + 1} of {STEPS.length}
      </p>
      <h1 id="onboarding-title" tabIndex={-1} ref={heading}>
        {current.title}
      </h1>
      <p class="lead">{current.lead}</p>

      <div class="card form">
        <StepFields
          step={step}
          draft={draft}
          proposal={proposal}
          update={update}
          onRunWeek={(runWeek) => {
            runWeekEdited.current = true;
            update({ runWeek });
          }}
        />

        {error ? (
          <p class="form-error" data-testid="form-error" role="alert">
            {error.message}
          </p>
        ) : null}
      </div>

      <WizardActions
        step={step}
        last={last}
        busy={busy}
        onBack={back}
        onSkip={skip}
        onNext={next}
      />
    </section>
  );
}

/**
 * Runs imported before signing up (from the command line, into the account this one took
 * over) propose the run week. Asked once; any failure leaves the default, silently.
 */
function useProposedRunWeek(
  hadProfile: boolean,
  edited: { readonly current: boolean },
  setDraft: (change: (draft: ProfileDraft) => ProfileDraft) => void,
  setProposal: (proposal: RunWeekProposal) => void,
): void {
  useEffect(() => {
    if (hadProfile) return;
    let alive = true;
    running
      .proposal()
      .then((result) => {
        const proposed = result.ok ? result.value.proposal : null;
        if (!alive || !proposed || edited.current) return;
        setDraft((current) => withProposedRunWeek(current, proposed.runWeek, edited.current));
        setProposal(proposed);
      })
      .catch(() => undefined);
    return () => {
      alive = false;
    };
  }, []);
}

/** The fields of one step. */
function StepFields(props: {
  step: number;
  draft: ProfileDraft;
  proposal: RunWeekProposal | null;
  update: (patch: Partial<ProfileDraft>) => void;
  onRunWeek: (runWeek: RunWeek) => void;
}) {
  const { step, draft, proposal, update } = props;
  return (
    <>
      {step === 0 ? (
        <NameFields
          name={draft.name}
          birthYear={draft.birthYear}
          onName={(name) => update({ name })}
          onBirthYear={(birthYear) => update({ birthYear })}
        />
      ) : null}
      {step === 1 ? (
        <div class="stack">
          <UnitsChoice value={draft.units} onChange={(units) => update({ units })} />
          <WeekStartChoice
            value={draft.weekStart}
            onChange={(weekStart) => update({ weekStart })}
          />
          {draft.timezone ? (
            <p class="hint">Time zone: {draft.timezone.replace(/_/g, " ")} (from this device).</p>
          ) : null}
        </div>
      ) : null}
      {step === 2 ? (
        <EquipmentPicker value={draft.equipment} onChange={(equipment) => update({ equipment })} />
      ) : null}
      {step === 3 ? (
        <MinutesPicker
          value={draft.sessionMinutes}
          onChange={(sessionMinutes) => update({ sessionMinutes })}
        />
      ) : null}
      {step === 4 ? (
        <div class="stack">
          {proposal ? <RunWeekBasis proposal={proposal} /> : null}
          <RunWeekEditor
            value={draft.runWeek}
            weekStart={draft.weekStart}
            onChange={props.onRunWeek}
          />
          {proposal ? <RunWeekReasons proposal={proposal} weekStart={draft.weekStart} /> : null}
        </div>
      ) : null}
      {step === 5 ? (
        <RacePicker
          date={draft.raceDate}
          distance={draft.raceDistance}
          onDate={(raceDate) => update({ raceDate })}
          onDistance={(raceDistance) => update({ raceDistance })}
        />
      ) : null}
      {step === 6 ? (
        <InjuryPicker value={draft.injuries} onChange={(injuries) => update({ injuries })} />
      ) : null}
    </>
  );
}

/**
 * The first day of the week: Monday unless the runner picks another (docs/web.md, onboarding).
 * Where the phone's calendars start on another day (Sunday in the United States), that day is
 * one tap away, named, but never taken without the tap.
 */
function WeekStartChoice(props: { value: Weekday; onChange: (value: Weekday) => void }) {
  const local = localeWeekStart();
  return (
    <div class="stack">
      <WeekStartSelect value={props.value} onChange={props.onChange} />
      {local !== "mon" ? (
        <p class="hint" data-testid="week-start-hint">
          Calendars here start on {WEEKDAY_NAME[local]}; training weeks usually start on Monday, so
          the long run closes the week.{" "}
          {props.value !== local ? (
            <button
              type="button"
              class="link-button"
              data-testid="week-start-locale"
              onClick={() => props.onChange(local)}
            >
              Start mine on {WEEKDAY_NAME[local]}
            </button>
          ) : null}
        </p>
      ) : null}
    </div>
  );
}

/** Back, Skip, and Next (or "See my week" on the last step). */
function WizardActions(props: {
  step: number;
  last: boolean;
  busy: boolean;
  onBack: () => void;
  onSkip: () => void;
  onNext: () => void;
}) {
  return (
    <div class="wizard-actions">
      {props.step > 0 ? (
        <button type="button" class="button" data-testid="onboarding-back" onClick={props.onBack}>
          Back
        </button>
      ) : (
        <span />
      )}
      <button
        type="button"
        class="button quiet"
        data-testid="onboarding-skip"
        onClick={props.onSkip}
      >
        {props.last ? "Skip and finish" : "Skip"}
      </button>
      {props.last ? (
        <button
          type="button"
          class="button primary"
          data-testid="onboarding-finish"
          onClick={props.onNext}
          disabled={props.busy}
        >
          {props.busy ? "Saving…" : "See my week"}
        </button>
      ) : (
        <button
          type="button"
          class="button primary"
          data-testid="onboarding-next"
          onClick={props.onNext}
        >
          Next
        </button>
      )}
    </div>
  );
}
