/**
 * /import: activity files in (upload with progress), the server reads them (its progress,
 * polled), then what came in, what was already there and what failed, and the run week the
 * imported runs suggest. Loaded on first visit only (app.tsx): most days nobody imports.
 */
import { useEffect, useRef, useState } from "preact/hooks";
import { useLocation } from "preact-iso";
import { type ImportJob, running } from "../shared/api.js";
import { knownAccountId, useLogin } from "../shared/login.js";
import { followImportJob, forgetRunningJob, keepRunningJob, runningJobOf } from "./import-job.js";
import { JOB_ID, type Phase, PickFiles, Processing, spoken, Uploading } from "./import-parts.js";
import { ImportSummary } from "./import-summary.js";
import { RunWeekProposal } from "./run-week-proposal.js";
import { StrengthImport } from "./strength-import.js";
import { type Upload, uploadActivities } from "./upload.js";

// Over 80 lines: the upload, its job's progress and the review share one job's state.
export function Import() {
  const { query, route } = useLocation();
  const { profile } = useLogin();
  const [files, setFiles] = useState<File[]>([]);
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
      <h1 id="import-title">Import your runs and lifts</h1>
      <p class="lead">
        Your watch or running app already knows when you run long and hard, and your lifting app
        what you lifted. Bring your history in, and the plan starts from what you really did.
      </p>

      {phase.step === "error" ? (
        <p class="form-error" role="alert" data-testid="import-error">
          {phase.message}
        </p>
      ) : null}

      {phase.step === "pick" || phase.step === "error" ? (
        <PickFiles files={files} input={input} onChoose={choose} onStart={start} onClear={again} />
      ) : null}

      <p class="visually-hidden" role="status" aria-live="polite" data-testid="import-status">
        {spoken(phase)}
      </p>

      {phase.step === "uploading" ? (
        <Uploading progress={phase.progress} onCancel={() => upload.current?.abort()} />
      ) : null}

      {phase.step === "processing" ? <Processing job={phase.job} trouble={phase.trouble} /> : null}

      {phase.step === "done" ? (
        <div class="stack" ref={summary} tabIndex={-1}>
          <ImportSummary job={phase.job} timeZone={profile?.timezone} />
          <button type="button" class="button block" data-testid="import-again" onClick={again}>
            Import more files
          </button>
        </div>
      ) : null}

      {busy ? null : <RunWeekProposal refresh={refresh} />}

      <StrengthImport />
    </section>
  );
}
