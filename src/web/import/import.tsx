/**
 * /import: activity files in (upload with progress), the server reads them (its progress,
 * polled), then what came in, what was already there and what failed, and the run week the
 * imported runs suggest. Loaded on first visit only (app.tsx): most days nobody imports.
 */
import { useEffect, useRef, useState } from "preact/hooks";
import { useLocation } from "preact-iso";
import { type ImportJob, running } from "../shared/api.js";
import { knownAccountId, useLogin } from "../shared/login.js";
import { bytesText } from "../shared/running.js";
import { plural } from "../shared/words.js";
import {
  followImportJob,
  forgetRunningJob,
  keepRunningJob,
  processingText,
  runningJobOf,
} from "./import-job.js";
import { ImportSummary } from "./import-summary.js";
import { RunWeekProposal } from "./run-week-proposal.js";
import { type Upload, type UploadProgress, uploadActivities } from "./upload.js";

type Phase =
  | { readonly step: "pick" }
  | { readonly step: "uploading"; readonly progress: UploadProgress }
  | { readonly step: "processing"; readonly job: ImportJob | null; readonly trouble: string | null }
  | { readonly step: "done"; readonly job: ImportJob }
  | { readonly step: "error"; readonly message: string };

const JOB_ID = /^[\w-]{1,100}$/;
const LISTED = 8;

const percent = (part: number, whole: number) =>
  whole > 0 ? Math.min(100, Math.floor((part / whole) * 100)) : 0;

/** What the live region says: in steps, so a screen reader is not flooded with numbers. */
function spoken(phase: Phase): string {
  switch (phase.step) {
    case "uploading": {
      const { loaded, total } = phase.progress;
      return total
        ? `Uploading: ${Math.floor(percent(loaded, total) / 10) * 10}\u00a0%`
        : "Uploading…";
    }
    case "processing":
      return phase.job ? `Reading your files: ${processingText(phase.job)}` : "Reading your files…";
    case "done":
      return phase.job.status === "failed"
        ? "The import stopped."
        : `Import finished: ${phase.job.counts.imported} imported, ${phase.job.counts.duplicates} already there, ${phase.job.counts.failed} failed.`;
    default:
      return "";
  }
}

/** A progress bar; without a known end it shows that work goes on (no value at all). */
function Meter(props: { testId: string; label: string; value: number; max: number | null }) {
  // Separate elements by key: a value once set cannot be taken back to "indeterminate".
  return props.max ? (
    <progress
      key="known"
      class="meter"
      data-testid={props.testId}
      aria-label={props.label}
      max={props.max}
      value={Math.min(props.value, props.max)}
    />
  ) : (
    <progress key="unknown" class="meter" data-testid={props.testId} aria-label={props.label} />
  );
}

function FileList(props: { files: readonly File[] }) {
  const total = props.files.reduce((sum, file) => sum + file.size, 0);
  return (
    <>
      <ul class="file-list" data-testid="import-selected">
        {props.files.slice(0, LISTED).map((file, index) => (
          <li key={`${file.name}:${index}`}>
            <span class="source">{file.name}</span>
            <span class="file-size">{bytesText(file.size)}</span>
          </li>
        ))}
        {props.files.length > LISTED ? (
          <li class="hint">and {plural(props.files.length - LISTED, "more file")}</li>
        ) : null}
      </ul>
      <p class="hint">Together {bytesText(total)}.</p>
    </>
  );
}

export function Import() {
  const { query, route } = useLocation();
  const { profile } = useLogin();
  const [files, setFiles] = useState<File[]>([]);
  const [over, setOver] = useState(false);
  const [phase, setPhase] = useState<Phase>({ step: "pick" });
  const [refresh, setRefresh] = useState("start");
  const upload = useRef<Upload | null>(null);
  const following = useRef<{ id: string; stop: AbortController } | null>(null);
  const input = useRef<HTMLInputElement>(null);
  const summary = useRef<HTMLDivElement>(null);

  /** `quiet`: an import remembered on the device, not asked for; if the server forgot it, so do we. */
  const follow = (id: string, first: ImportJob | null, quiet = false) => {
    if (following.current?.id === id) return;
    following.current?.stop.abort();
    const stop = new AbortController();
    following.current = { id, stop };
    setPhase({ step: "processing", job: first, trouble: null });
    followImportJob(id, {
      fetchJob: running.importJob,
      signal: stop.signal,
      onUpdate: (job) => setPhase({ step: "processing", job, trouble: null }),
      onTrouble: (trouble) =>
        setPhase((current) => (current.step === "processing" ? { ...current, trouble } : current)),
    }).then((end) => {
      if (stop.signal.aborted) return;
      forgetRunningJob();
      if (end.ok) {
        setPhase({ step: "done", job: end.job });
        setRefresh(end.job.id);
      } else if (quiet && end.gone) {
        following.current = null;
        setPhase({ step: "pick" });
      } else {
        setPhase({ step: "error", message: end.message });
      }
    });
  };

  // A reload (or a link) with ?job=, or coming back while the server still reads the files,
  // picks the import up where the server is.
  const jobInQuery = query.job && JOB_ID.test(query.job) ? query.job : null;
  useEffect(() => {
    if (jobInQuery) follow(jobInQuery, null);
    else {
      const kept = runningJobOf(knownAccountId());
      if (kept) follow(kept, null, true);
    }
  }, [jobInQuery]);

  useEffect(
    () => () => {
      upload.current?.abort();
      following.current?.stop.abort();
    },
    [],
  );

  // A file dropped beside the zone must not make the browser leave the app to open it.
  useEffect(() => {
    const keep = (event: DragEvent) => event.preventDefault();
    window.addEventListener("dragover", keep);
    window.addEventListener("drop", keep);
    return () => {
      window.removeEventListener("dragover", keep);
      window.removeEventListener("drop", keep);
    };
  }, []);

  useEffect(() => {
    if (phase.step === "done") summary.current?.focus();
  }, [phase.step]);

  const busy = phase.step === "uploading" || phase.step === "processing";

  const choose = (list: FileList | null | undefined) => {
    if (busy || !list || list.length === 0) return;
    setFiles(Array.from(list));
    setPhase({ step: "pick" });
  };

  const start = async () => {
    if (files.length === 0 || busy) return;
    setPhase({ step: "uploading", progress: { loaded: 0, total: null } });
    const current = uploadActivities(files, (progress) =>
      setPhase((now) => (now.step === "uploading" ? { step: "uploading", progress } : now)),
    );
    upload.current = current;
    const outcome = await current.done;
    upload.current = null;
    if (!outcome.ok) {
      setPhase(
        "aborted" in outcome ? { step: "pick" } : { step: "error", message: outcome.message },
      );
      return;
    }
    setFiles([]);
    if (input.current) input.current.value = "";
    keepRunningJob(outcome.job.id, knownAccountId());
    follow(outcome.job.id, outcome.job);
    route(`/import?job=${encodeURIComponent(outcome.job.id)}`, true);
  };

  const again = () => {
    forgetRunningJob();
    following.current?.stop.abort();
    following.current = null;
    setFiles([]);
    setPhase({ step: "pick" });
    if (input.current) input.current.value = "";
    if (jobInQuery) route("/import", true);
  };

  return (
    <section class="screen import" data-testid="import-view" aria-labelledby="import-title">
      <h1 id="import-title">Import your runs</h1>
      <p class="lead">
        Your watch or running app already knows when you run long and hard. Bring your history in,
        and the plan sees what you really ran.
      </p>

      {phase.step === "error" ? (
        <p class="form-error" role="alert" data-testid="import-error">
          {phase.message}
        </p>
      ) : null}

      {phase.step === "pick" || phase.step === "error" ? (
        <div class="stack">
          {/* biome-ignore lint/a11y/noStaticElementInteractions: dropping is a shortcut for a mouse; the labelled file input inside is the way for everyone */}
          <div
            class={`card drop-zone${over ? " is-over" : ""}`}
            data-testid="import-drop"
            onDragOver={(event) => {
              event.preventDefault();
              setOver(true);
            }}
            onDragLeave={() => setOver(false)}
            onDrop={(event) => {
              event.preventDefault();
              setOver(false);
              choose(event.dataTransfer?.files);
            }}
          >
            <input
              ref={input}
              id="import-file"
              class="visually-hidden"
              type="file"
              multiple
              data-testid="import-file"
              aria-describedby="import-formats"
              onChange={(event) => choose(event.currentTarget.files)}
            />
            <label for="import-file" class="button primary block drop-button">
              {files.length > 0 ? "Choose other files" : "Choose files"}
            </label>
            <p class="hint" id="import-formats">
              Or drop them here. FIT, GPX or TCX files (also .gz), or a whole export as one .zip:
              Strava's "Download your data" archive or a folder of Garmin files.
            </p>
          </div>

          {files.length > 0 ? (
            <div class="card stack">
              <h2>Ready to import</h2>
              <FileList files={files} />
              <button
                type="button"
                class="button primary block"
                data-testid="import-start"
                onClick={start}
              >
                Import {plural(files.length, "file")}
              </button>
              <button type="button" class="button quiet block" onClick={again}>
                Clear
              </button>
            </div>
          ) : null}
        </div>
      ) : null}

      <p class="visually-hidden" role="status" aria-live="polite" data-testid="import-status">
        {spoken(phase)}
      </p>

      {phase.step === "uploading" ? (
        <div class="card stack" data-testid="import-uploading">
          <h2>Uploading</h2>
          <Meter
            testId="import-upload-progress"
            label="Upload"
            value={phase.progress.loaded}
            max={phase.progress.total}
          />
          <p class="progress-text">
            {phase.progress.total
              ? `${bytesText(phase.progress.loaded)} of ${bytesText(phase.progress.total)} uploaded (${percent(phase.progress.loaded, phase.progress.total)}\u00a0%)`
              : "Starting the upload…"}
          </p>
          <p class="hint">Keep this page open until the upload is done.</p>
          <button
            type="button"
            class="button block"
            data-testid="import-cancel"
            onClick={() => upload.current?.abort()}
          >
            Cancel
          </button>
        </div>
      ) : null}

      {phase.step === "processing" ? (
        <div class="card stack" data-testid="import-processing">
          <h2>Reading your files</h2>
          <Meter
            testId="import-processing-progress"
            label="Files read"
            value={phase.job?.progress.done ?? 0}
            max={phase.job?.progress.total ?? null}
          />
          <p class="progress-text">
            {phase.job ? processingText(phase.job) : "Waiting for the server…"}
          </p>
          {phase.job ? (
            <p class="hint" data-testid="import-running-counts">
              So far: {phase.job.counts.imported} imported, {phase.job.counts.duplicates} already
              there, {phase.job.counts.failed} failed.
            </p>
          ) : null}
          {phase.trouble ? <p class="hint">{phase.trouble}</p> : null}
          <p class="hint">
            Your files are uploaded. You can leave this page: the import goes on, and coming back
            here shows where it is.
          </p>
        </div>
      ) : null}

      {phase.step === "done" ? (
        <div class="stack" ref={summary} tabIndex={-1}>
          <ImportSummary job={phase.job} timeZone={profile?.timezone} />
          <button type="button" class="button block" data-testid="import-again" onClick={again}>
            Import more files
          </button>
        </div>
      ) : null}

      {busy ? null : <RunWeekProposal refresh={refresh} />}
    </section>
  );
}
