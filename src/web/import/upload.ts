/**
 * The activity upload (POST /api/activities/import). XMLHttpRequest rather than fetch because
 * only XHR reports upload progress in every browser; a whole Strava export can take minutes.
 */
import { API_PATHS, type ImportJob } from "../shared/api.js";
import { onUnauthorized } from "../shared/http.js";

export interface UploadProgress {
  readonly loaded: number;
  /** Null while the browser has not worked out the size of the body. */
  readonly total: number | null;
}

export type UploadOutcome =
  | { readonly ok: true; readonly job: ImportJob }
  | { readonly ok: false; readonly status: number; readonly message: string }
  | { readonly ok: false; readonly status: -1; readonly message: string; readonly aborted: true };

export interface Upload {
  readonly done: Promise<UploadOutcome>;
  abort(): void;
}

const OFFLINE =
  "No connection to the server, so nothing was uploaded. Check your signal and try again.";

const BROKEN_OFF =
  "The upload broke off before it finished: the connection was lost, or the server stopped an upload that was too large. Check your signal, or upload fewer files at once.";

/** The server's error message when it sent one (`{"error":{"message"}}`), else null. */
function serverMessage(text: string): string | null {
  try {
    const data = JSON.parse(text) as { error?: { message?: unknown } } | null;
    const message = data?.error?.message;
    return typeof message === "string" && message ? message : null;
  } catch {
    return null;
  }
}

/** Plain words for a refused upload: what went wrong and what to do about it. */
export function uploadErrorText(status: number, body: string): string {
  const said = serverMessage(body);
  if (status === 0) return OFFLINE;
  if (status === 413) {
    // The server names its setting (IMPORT_LIMIT_BYTES) for whoever runs it; a runner needs the size.
    const limit = said?.replace(/\s*\([A-Z][A-Z0-9_]+\)/g, "");
    return `${limit ?? "That is more than the server takes in one upload."} Upload fewer files at a time, or split a large archive into smaller ones.`;
  }
  if (status === 400) {
    return said
      ? `The server could not take the upload: ${said}`
      : "No file arrived. Pick a file and try again.";
  }
  if (status === 404 || status === 405) {
    return "This server cannot take imports yet: it is older than this page. Reload the page; if it happens again, the server needs an update.";
  }
  if (status === 401) return "You were signed out. Sign in again, then upload the files again.";
  if (status === 429) return said ?? "Too many uploads at once. Wait a minute and try again.";
  if (status >= 500) {
    return "The server ran into a problem with this upload. Try again in a moment; if it happens again, try fewer files.";
  }
  return said ?? `The upload was refused (status ${status}). Try again.`;
}

export function uploadActivities(
  files: readonly File[],
  onProgress: (progress: UploadProgress) => void,
): Upload {
  const xhr = new XMLHttpRequest();
  let aborted = false;
  const done = new Promise<UploadOutcome>((resolve) => {
    if (typeof navigator !== "undefined" && navigator.onLine === false) {
      resolve({ ok: false, status: 0, message: OFFLINE });
      return;
    }
    const form = new FormData();
    for (const file of files) form.append("file", file, file.name);
    xhr.open("POST", API_PATHS.importActivities);
    xhr.setRequestHeader("accept", "application/json");
    xhr.upload.onprogress = (event) => {
      onProgress({ loaded: event.loaded, total: event.lengthComputable ? event.total : null });
    };
    xhr.onload = () => {
      const text = xhr.responseText;
      if (xhr.status >= 200 && xhr.status < 300) {
        try {
          resolve({ ok: true, job: JSON.parse(text) as ImportJob });
        } catch {
          resolve({
            ok: false,
            status: xhr.status,
            message: "The server's answer was unreadable. Try again.",
          });
        }
        return;
      }
      if (xhr.status === 401) onUnauthorized();
      resolve({ ok: false, status: xhr.status, message: uploadErrorText(xhr.status, text) });
    };
    xhr.onerror = () => {
      // A server that refuses a too-large body may close the connection before the browser
      // has sent it all, which looks the same as a lost signal: say both.
      resolve({ ok: false, status: 0, message: BROKEN_OFF });
    };
    xhr.onabort = () => {
      resolve({ ok: false, status: -1, message: "Upload cancelled.", aborted: true });
    };
    xhr.send(form);
  });
  return {
    done,
    abort() {
      if (aborted) return;
      aborted = true;
      xhr.abort();
    },
  };
}
