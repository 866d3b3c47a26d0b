/**
 * Every migration, listed statically (no filesystem provider), so the same set runs from
 * `dist/`, from tests and from the CLI. Kysely applies them in the alphabetical order of
 * their names: keep the `NNNN-` prefix.
 */
import type { Migration } from "kysely";
import * as initial from "./0001-initial.js";
import * as dataVersion from "./0002-data-version.js";
import * as activity from "./0003-activity.js";
import * as setDate from "./0004-set-date.js";
import * as setBand from "./0005-set-band.js";
import * as calendarStrength from "./0006-calendar-strength.js";
import * as setHarder from "./0007-set-harder.js";

export const MIGRATIONS: Record<string, Migration> = {
  "0001-initial": initial,
  "0002-data-version": dataVersion,
  "0003-activity": activity,
  "0004-set-date": setDate,
  "0005-set-band": setBand,
  "0006-calendar-strength": calendarStrength,
  "0007-set-harder": setHarder,
};
