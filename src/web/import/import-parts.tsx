/** The parts of the import screen: choosing files, the upload, the server reading them. */
import type { RefObject } from "preact";
import { useState } from "preact/hooks";
import type { ImportJob } from "../shared/api.js";
import { bytesText } from "../shared/running.js";
import { plural } from "../shared/words.js";
import { processingText } from "./import-job.js";
import type { UploadProgress } from "./upload.js";

export type Phase =
  | { readonly step: "pick" }
  | { readonly step: "uploading"; readonly progress: UploadProgress }
  | { readonly step: "processing"; readonly job: ImportJob | null; readonly trouble: string | null }
  | { readonly step: "done"; readonly job: ImportJob }
  | { readonly step: "error"; readonly message: string };

export const JOB_ID = /^[\w-]{1,100}$/;
const LISTED = 8;

const percent = (part: number, whole: number) =>
  whole > 0 ? Math.min(100, Math.floor((part / whole) * 100)) : 0;

/** What the live region says: in steps, so a screen reader is not flooded with numbers. */
export function spoken(phase: Phase): string {
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

/** The drop zone and the file input, then the files chosen and "Import". */
export function PickFiles(props: {
  files: readonly File[];
  input: RefObject<HTMLInputElement>;
  onChoose: (list: FileList | null | undefined) => void;
  onStart: () => void;
  onClear: () => void;
}) {
  const [over, setOver] = useState(false);
  return (
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
          props.onChoose(event.dataTransfer?.files);
        }}
      >
        <input
          ref={props.input}
          id="import-file"
          class="visually-hidden"
          type="file"
          multiple
          data-testid="import-file"
          aria-describedby="import-formats"
          onChange={(event) => props.onChoose(event.currentTarget.files)}
        />
        <label for="import-file" class="button primary block drop-button">
          {props.files.length > 0 ? "Choose other files" : "Choose files"}
        </label>
        <p class="hint" id="import-formats">
          Or drop them here. FIT, GPX or TCX files (also .gz), or a whole export as one .zip:
          Strava's "Download your data" archive or a folder of Garmin files.
        </p>
      </div>

      {props.files.length > 0 ? (
        <div class="card stack">
          <h2>Ready to import</h2>
          <FileList files={props.files} />
          <button
            type="button"
            class="button primary block"
            data-testid="import-start"
            onClick={props.onStart}
          >
            Import {plural(props.files.length, "file")}
          </button>
          <button type="button" class="button quiet block" onClick={props.onClear}>
            Clear
          </button>
        </div>
      ) : null}
    </div>
  );
}

export function Uploading(props: { progress: UploadProgress; onCancel: () => void }) {
  return (
    <div class="card stack" data-testid="import-uploading">
      <h2>Uploading</h2>
      <Meter
        testId="import-upload-progress"
        label="Upload"
        value={props.progress.loaded}
        max={props.progress.total}
      />
      <p class="progress-text">
        {props.progress.total
          ? `${bytesText(props.progress.loaded)} of ${bytesText(props.progress.total)} uploaded (${percent(props.progress.loaded, props.progress.total)}\u00a0%)`
          : "Starting the upload…"}
      </p>
      <p class="hint">Keep this page open until the upload is done.</p>
      <button
        type="button"
        class="button block"
        data-testid="import-cancel"
        onClick={props.onCancel}
      >
        Cancel
      </button>
    </div>
  );
}

export function Processing(props: { job: ImportJob | null; trouble: string | null }) {
  return (
    <div class="card stack" data-testid="import-processing">
      <h2>Reading your files</h2>
      <Meter
        testId="import-processing-progress"
        label="Files read"
        value={props.job?.progress.done ?? 0}
        max={props.job?.progress.total ?? null}
      />
      <p class="progress-text">
        {props.job ? processingText(props.job) : "Waiting for the server…"}
      </p>
      {props.job ? (
        <p class="hint" data-testid="import-running-counts">
          So far: {props.job.counts.imported} imported, {props.job.counts.duplicates} already there,{" "}
          {props.job.counts.failed} failed.
        </p>
      ) : null}
      {props.trouble ? <p class="hint">{props.trouble}</p> : null}
      <p class="hint">
        Your files are uploaded. You can leave this page: the import goes on, and coming back here
        shows where it is.
      </p>
    </div>
  );
}
