import { describe, expect, it } from "vitest";
import { allSaved, syncStatusText } from "./status.js";

describe("the sync status words", () => {
  it("say All saved only when nothing of this account nor of another waits", () => {
    expect(syncStatusText({ waiting: 0, failed: 0, others: 0 })).toBe("All saved");
    expect(syncStatusText({ waiting: 0, failed: 0 })).toBe("All saved");
    expect(syncStatusText({ waiting: 2, failed: 0, others: 0 })).toBe("2 workouts waiting to sync");
  });

  it("tell apart the workouts waiting for another account to sign in", () => {
    expect(syncStatusText({ waiting: 0, failed: 0, others: 1 })).toBe(
      "1 workout waiting for another account to sign in",
    );
    expect(syncStatusText({ waiting: 1, failed: 1, others: 2 })).toBe(
      "1 workout waiting to sync · 1 workout the server did not accept · 2 workouts waiting for another account to sign in",
    );
  });
});

describe("the sync status offline and mid-workout", () => {
  it("never says All saved while offline or while a workout is being logged", () => {
    const none = { waiting: 0, failed: 0, others: 0 };
    expect(syncStatusText({ ...none, offline: true })).toBe("Offline · nothing waiting");
    expect(syncStatusText({ ...none, offline: true, inProgress: 1 })).toBe(
      "Offline · 1 workout in progress",
    );
    expect(syncStatusText({ ...none, inProgress: 2 })).toBe("2 workouts in progress");
    expect(syncStatusText({ ...none, waiting: 1, offline: true })).toBe(
      "Offline · 1 workout waiting to sync",
    );
    expect(allSaved({ ...none, offline: true })).toBe(false);
    expect(allSaved({ ...none, inProgress: 1 })).toBe(false);
    expect(allSaved(none)).toBe(true);
  });
});
