import type { ComponentChildren } from "preact";
import { useMemo, useState } from "preact/hooks";
import type { Equipment, Muscle } from "../../core/exercise/types.js";
import type { CatalogExercise } from "../shared/api.js";
import { useCatalog } from "../shared/catalog.js";
import { useLogin } from "../shared/login.js";
import { EQUIPMENT_LIST, EQUIPMENT_WORD, MUSCLE_LIST, MUSCLE_WORD } from "../shared/words.js";

function wayText(way: CatalogExercise["ways"][number]): string {
  const items = way.equipment.map((item, index) =>
    index === 0 ? EQUIPMENT_WORD[item] : EQUIPMENT_WORD[item].toLowerCase(),
  );
  const text = items.join(" and ");
  if (way.implements === 2) return `${text} (two)`;
  if (way.implements === 1 && way.equipment.some((e) => e === "dumbbells")) return `${text} (one)`;
  return text;
}

/** Equipment to filter by; null shows every exercise. */
type EquipmentFilter = ReadonlySet<Equipment> | null;

/** Whether the chosen equipment allows one of the exercise's ways (body weight always counts). */
function doable(exercise: CatalogExercise, chosen: EquipmentFilter): boolean {
  if (chosen === null) return true;
  return exercise.ways.some((way) =>
    way.equipment.every((item) => item === "bodyweight" || chosen.has(item)),
  );
}

const FILTER_EQUIPMENT = EQUIPMENT_LIST.filter((item) => item !== "bodyweight");

/** /library: every exercise, searchable, filtered by muscle and equipment, with cues and variants. */
// Over 80 lines: the search, the filters and the list share one filter state; mostly markup.
export function Library() {
  const { exercises, error } = useCatalog();
  const [search, setSearch] = useState("");
  const [muscle, setMuscle] = useState<Muscle | "">("");
  const { profile } = useLogin();
  // Untouched (undefined), the filter is the runner's own equipment, once the profile is known.
  const [chosen, setChosen] = useState<EquipmentFilter | undefined>(undefined);
  const preset = chosen === undefined && profile !== null;
  const equipment: EquipmentFilter =
    chosen !== undefined ? chosen : profile ? new Set(profile.equipment) : null;
  const [opened, setOpened] = useState<string | null>(null);

  const byId = useMemo(
    () => new Map((exercises ?? []).map((exercise) => [exercise.id, exercise])),
    [exercises],
  );
  const shown = useMemo(() => {
    const words = search.trim().toLowerCase().split(/\s+/).filter(Boolean);
    return (exercises ?? []).filter((exercise) => {
      if (muscle && !exercise.muscles.includes(muscle)) return false;
      if (!doable(exercise, equipment)) return false;
      const haystack = [
        exercise.name,
        ...exercise.muscles.map((m) => `${m} ${MUSCLE_WORD[m]}`),
        ...exercise.cues,
      ]
        .join(" ")
        .toLowerCase();
      return words.every((word) => haystack.includes(word));
    });
  }, [exercises, search, muscle, equipment]);

  const toggleEquipment = (item: Equipment) => {
    const next = new Set(equipment ?? []);
    if (next.has(item)) next.delete(item);
    else next.add(item);
    setChosen(next);
  };

  const jumpTo = (id: string) => {
    setSearch("");
    setMuscle("");
    setChosen(null);
    setOpened(id);
    requestAnimationFrame(() => {
      const element = document.querySelector<HTMLElement>(`[data-testid="library-item-${id}"]`);
      element?.scrollIntoView({ block: "start" });
      element?.querySelector<HTMLElement>("summary")?.focus();
    });
  };

  const variantLinks = (ids: readonly string[]) =>
    ids.map((id, index) => (
      <span key={id}>
        {index > 0 ? ", " : ""}
        <button type="button" class="link-button" onClick={() => jumpTo(id)}>
          {byId.get(id)?.name ?? id}
        </button>
      </span>
    ));

  return (
    <section class="screen library" aria-labelledby="library-title">
      <h1 id="library-title">Exercises</h1>
      <Filters
        search={search}
        muscle={muscle}
        equipment={equipment}
        preset={preset}
        onSearch={setSearch}
        onMuscle={setMuscle}
        onEquipment={toggleEquipment}
        onAll={() => setChosen(null)}
      />

      {error && !exercises ? (
        <p class="card notice" role="alert">
          {error.message}
        </p>
      ) : null}
      {!exercises && !error ? <p class="loading">Loading exercises…</p> : null}
      {exercises ? (
        <p class="count" role="status">
          {shown.length === exercises.length
            ? `${shown.length} exercises`
            : `${shown.length} of ${exercises.length} exercises`}
        </p>
      ) : null}

      <ul class="library-list">
        {shown.map((exercise) => (
          <li key={exercise.id}>
            <LibraryItem
              exercise={exercise}
              open={opened === exercise.id}
              onOpen={(open) => {
                if (open) setOpened(exercise.id);
                else if (opened === exercise.id) setOpened(null);
              }}
              variants={variantLinks}
            />
          </li>
        ))}
      </ul>
      {exercises && shown.length === 0 ? (
        <p class="card notice">Nothing matches. Try fewer filters.</p>
      ) : null}
    </section>
  );
}

/** "Dumbbells, band · from your profile": the equipment filter while it is folded. */
function equipmentSummary(equipment: EquipmentFilter, preset: boolean): string {
  if (equipment === null) return "Any equipment";
  const items = FILTER_EQUIPMENT.filter((item) => equipment.has(item)).map(
    (item) => EQUIPMENT_WORD[item],
  );
  const text = items.length > 0 ? items.join(", ") : "Body weight only";
  return preset ? `${text} · from your profile` : text;
}

/** Search, muscle and equipment: what narrows the list. */
function Filters(props: {
  search: string;
  muscle: Muscle | "";
  equipment: EquipmentFilter;
  /** The filter is still the one the profile set. */
  preset: boolean;
  onSearch: (search: string) => void;
  onMuscle: (muscle: Muscle | "") => void;
  onEquipment: (item: Equipment) => void;
  onAll: () => void;
}) {
  const all = props.equipment === null;
  return (
    <div class="card form filters">
      <label class="field">
        <span class="field-label">Search</span>
        <input
          type="search"
          data-testid="library-search"
          placeholder="squat, calves, band…"
          value={props.search}
          onInput={(event) => props.onSearch(event.currentTarget.value)}
        />
      </label>
      <label class="field">
        <span class="field-label">Muscle</span>
        <select
          data-testid="library-muscle"
          value={props.muscle}
          onChange={(event) => props.onMuscle(event.currentTarget.value as Muscle | "")}
        >
          <option value="">All muscles</option>
          {MUSCLE_LIST.map((m) => (
            <option key={m} value={m}>
              {MUSCLE_WORD[m]}
            </option>
          ))}
        </select>
      </label>
      {/* Folded: fifteen chips would push the exercises off the first screen. */}
      <details class="equipment-filter" data-testid="library-equipment">
        <summary class="equipment-toggle">
          <span class="field-label">With what I have</span>
          <span class="equipment-summary">{equipmentSummary(props.equipment, props.preset)}</span>
        </summary>
        <div class="chips">
          <button
            type="button"
            class="chip"
            data-testid="library-equipment-all"
            aria-pressed={all}
            onClick={props.onAll}
          >
            {all ? "✓ " : ""}Any equipment
          </button>
          {FILTER_EQUIPMENT.map((item) => (
            <button
              key={item}
              type="button"
              class="chip"
              data-testid={`library-equipment-${item}`}
              aria-pressed={props.equipment?.has(item) ?? false}
              onClick={() => props.onEquipment(item)}
            >
              {props.equipment?.has(item) ? "✓ " : ""}
              {EQUIPMENT_WORD[item]}
            </button>
          ))}
        </div>
        <p class="hint" data-testid="library-equipment-hint">
          {props.preset
            ? "Set to the equipment in your profile. Body weight always counts."
            : all
              ? "Showing every exercise, whatever it needs."
              : "Body weight always counts."}
        </p>
      </details>
    </div>
  );
}

/** One exercise, collapsed: how to do it, its ways, and its easier and harder variants. */
function LibraryItem(props: {
  exercise: CatalogExercise;
  open: boolean;
  onOpen: (open: boolean) => void;
  variants: (ids: readonly string[]) => ComponentChildren;
}) {
  const { exercise } = props;
  return (
    <details
      class="card library-item"
      data-testid={`library-item-${exercise.id}`}
      open={props.open}
      onToggle={(event) => props.onOpen((event.currentTarget as HTMLDetailsElement).open)}
    >
      <summary>
        <span class="library-name">{exercise.name}</span>
        <span class="library-muscles">
          {exercise.muscles.map((m) => MUSCLE_WORD[m]).join(" · ")}
        </span>
      </summary>
      <div class="library-body">
        <h3>How to do it</h3>
        <ol class="cues">
          {exercise.cues.map((cue) => (
            <li key={cue}>{cue}</li>
          ))}
        </ol>
        <h3>Ways to do it</h3>
        <ul class="ways">
          {exercise.ways.map((way) => (
            <li key={way.equipment.join("+")}>{wayText(way)}</li>
          ))}
        </ul>
        {exercise.easier.length > 0 ? (
          <p>
            <strong>Easier:</strong> {props.variants(exercise.easier)}
          </p>
        ) : null}
        {exercise.harder.length > 0 ? (
          <p>
            <strong>Harder:</strong> {props.variants(exercise.harder)}
          </p>
        ) : null}
      </div>
    </details>
  );
}
