import { describe, expect, it } from "vitest";
import type { ImportJob } from "../shared/api.js";
import type { ApiResult } from "../shared/http.js";
import { followImportJob, processingText } from "./import-job.js";
import { uploadErrorText } from "./upload.js";

function job(patch: Partial<ImportJob>): ImportJob {
  return {
    id: "j1",
    status: "running",
    files: 1,
    bytes: 100,
    progress: { done: 0, total: null },
    counts: { imported: 0, duplicates: 0, failed: 0 },
    report: null,
    error: null,
    createdAt: "2026-11-02T10:00:00.000Z",
    ...patch,
  };
}

const ok = (value: ImportJob): ApiResult<ImportJob> => ({ ok: true, value, status: 200 });
const failed = (status: number, kind = "unknown"): ApiResult<ImportJob> => ({
  ok: false,
  error: { kind, message: "no", field: null, status },
});

function scripted(answers: ApiResult<ImportJob>[]) {
  const waits: number[] = [];
  return {
    waits,
    fetchJob: async () => answers.shift() ?? failed(500),
    wait: async (ms: number) => {
      waits.push(ms);
    },
  };
}

describe("following an import job", () => {
  it("reports each answer until the job ends", async () => {
    const script = scripted([
      ok(job({ progress: { done: 1, total: 3 } })),
      ok(job({ progress: { done: 2, total: 3 } })),
      ok(job({ status: "done", progress: { done: 3, total: 3 } })),
    ]);
    const seen: number[] = [];
    const end = await followImportJob("j1", {
      ...script,
      signal: new AbortController().signal,
      onUpdate: (update) => seen.push(update.progress.done),
    });
    expect(seen).toEqual([1, 2, 3]);
    expect(end).toMatchObject({ ok: true, job: { status: "done" } });
    expect(script.waits).toEqual([500, 500]);
  });

  it("keeps trying through lost signal, slower each time, and says so", async () => {
    const script = scripted([
      failed(0, "network"),
      failed(0, "network"),
      ok(job({ status: "failed", error: "disk full" })),
    ]);
    const notes: (string | null)[] = [];
    const end = await followImportJob("j1", {
      ...script,
      signal: new AbortController().signal,
      onUpdate: () => {},
      onTrouble: (note) => notes.push(note),
    });
    expect(end).toMatchObject({ ok: true, job: { status: "failed" } });
    expect(script.waits).toEqual([1000, 2000]);
    expect(notes[0]).toMatch(/No connection/);
    expect(notes.at(-1)).toBeNull();
  });

  it("stops at once for a job that is not this account's, and after too many failures", async () => {
    const gone = await followImportJob("j1", {
      ...scripted([failed(404, "not-found")]),
      signal: new AbortController().signal,
      onUpdate: () => {},
    });
    expect(gone).toMatchObject({
      ok: false,
      gone: true,
      message: expect.stringMatching(/no longer/),
    });
    const lost = await followImportJob("j1", {
      ...scripted([failed(502), failed(502), failed(502)]),
      maxFailures: 3,
      signal: new AbortController().signal,
      onUpdate: () => {},
    });
    expect(lost).toMatchObject({ ok: false, message: expect.stringMatching(/Lost touch/) });
  });

  it("says progress in files", () => {
    expect(processingText(job({ progress: { done: 2, total: 40 } }))).toBe("2 of 40 files read");
    expect(processingText(job({ progress: { done: 1, total: null } }))).toBe("1 file read so far");
  });
});

describe("a refused upload in plain words", () => {
  it("explains too large, bad request, no connection and server errors", () => {
    const body = JSON.stringify({
      error: {
        kind: "too-large",
        message:
          "The upload is larger than the 2 GB this server takes at once (IMPORT_LIMIT_BYTES).",
      },
    });
    expect(uploadErrorText(413, body)).toBe(
      "The upload is larger than the 2 GB this server takes at once. Upload fewer files at a time, or split a large archive into smaller ones.",
    );
    expect(uploadErrorText(413, "")).toMatch(/^That is more than the server takes in one upload\./);
    expect(uploadErrorText(400, "")).toBe("No file arrived. Pick a file and try again.");
    expect(
      uploadErrorText(400, JSON.stringify({ error: { message: "file: a file is required" } })),
    ).toMatch(/a file is required/);
    expect(uploadErrorText(0, "")).toMatch(/No connection/);
    expect(uploadErrorText(503, "<html>")).toMatch(/server ran into a problem/);
  });
});
