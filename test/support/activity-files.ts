/** Activity files as the importer tests build them: Strava's CSV header and zip archives. */
import { createWriteStream } from "node:fs";
import { join } from "node:path";
import { pipeline } from "node:stream/promises";
import yazl from "yazl";

/** The header row of Strava's activities.csv, as a bulk export writes it. */
export const STRAVA_HEADER =
  "Activity ID,Activity Date,Activity Name,Activity Type,Activity Description,Elapsed Time,Distance,Max Heart Rate,Relative Effort,Commute,Activity Private Note,Activity Gear,Filename,Athlete Weight,Bike Weight,Elapsed Time,Moving Time,Distance,Max Speed,Average Speed,Elevation Gain,Elevation Loss,Average Heart Rate";

/** An entry of a test zip; stored uncompressed when `compress` is false. */
export type ZipEntry = { name: string; bytes: Uint8Array | string; compress?: boolean };

/** Writes a zip of `entries` (and empty `folders`) as `dir/file`; answers its path. */
export async function makeZip(
  dir: string,
  file: string,
  entries: readonly ZipEntry[],
  folders: readonly string[] = [],
): Promise<string> {
  const zip = new yazl.ZipFile();
  for (const folder of folders) zip.addEmptyDirectory(folder);
  for (const { name, bytes, compress } of entries) {
    zip.addBuffer(Buffer.from(bytes), name, { compress: compress ?? true });
  }
  zip.end();
  const path = join(dir, file);
  await pipeline(zip.outputStream, createWriteStream(path));
  return path;
}
