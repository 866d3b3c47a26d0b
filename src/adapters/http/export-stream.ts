import { Readable } from "node:stream";

/** Array items serialised between two turns of the event loop. */
const ITEMS_PER_CHUNK = 500;

const breathe = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * A JSON document as a stream of chunks, the same text JSON.stringify gives (same key order):
 * its arrays are written a few hundred items at a time, handing the event loop back between
 * chunks, so that an export of years of workouts (tens of megabytes) does not stop every other
 * request while it is serialised, nor hold the whole text in memory beside the objects.
 */
export function jsonStream(document: Readonly<Record<string, unknown>>): Readable {
  async function* chunks(): AsyncGenerator<string> {
    let first = true;
    for (const [key, value] of Object.entries(document)) {
      if (value === undefined) continue;
      const head = `${first ? "{" : ","}${JSON.stringify(key)}:`;
      first = false;
      if (!Array.isArray(value)) {
        yield `${head}${JSON.stringify(value)}`;
        continue;
      }
      yield `${head}[`;
      for (let from = 0; from < value.length; from += ITEMS_PER_CHUNK) {
        const items = value
          .slice(from, from + ITEMS_PER_CHUNK)
          .map((item) => JSON.stringify(item) ?? "null");
        yield `${from === 0 ? "" : ","}${items.join(",")}`;
        await breathe();
      }
      yield "]";
    }
    yield first ? "{}" : "}";
  }
  return Readable.from(chunks(), { objectMode: false });
}
