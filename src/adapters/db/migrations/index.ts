/**
 * Every migration, listed statically (no filesystem provider), so the same set runs from
 * `dist/`, from tests and from the CLI. Kysely applies them in the alphabetical order of
 * their names: keep the `NNNN-` prefix.
 */
import type { Migration } from "kysely";
import * as initial from "./0001-initial.js";
import * as dataVersion from "./0002-data-version.js";
import * as activity from "./0003-activity.js";
import * as calendarStrength from "./0004-calendar-strength.js";

export const MIGRATIONS: Record<string, Migration> = {
  "0001-initial": initial,
  "0002-data-version": dataVersion,
  "0003-activity": activity,
  "0004-calendar-strength": calendarStrength,
};
