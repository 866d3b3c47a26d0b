import { Readable } from "node:stream";

/** Array items serialised between two turns of the event loop. */
const ITEMS_PER_CHUNK = 500;

const breathe = () => new Promise<void>((resolve) => setImmediate(resolve));

/** A list of the document: whole, or read page by page (app/data-transfer.ts exportPages). */
type Items = readonly unknown[] | AsyncIterable<readonly unknown[]>;

function isPages(value: unknown): value is AsyncIterable<readonly unknown[]> {
  return typeof value === "object" && value !== null && Symbol.asyncIterator in value;
}

/** An array's items in slices of ITEMS_PER_CHUNK, whether it is held whole or read in pages. */
async function* slices(items: Items): AsyncGenerator<readonly unknown[]> {
  if (!isPages(items)) {
    for (let from = 0; from < items.length; from += ITEMS_PER_CHUNK) {
      yield items.slice(from, from + ITEMS_PER_CHUNK);
    }
    return;
  }
  for await (const page of items) yield* slices(page);
}

/**
 * A JSON document as a stream of chunks, the same text JSON.stringify gives (same key order):
 * its arrays (or pages read as the stream goes, see exportPages) are written a few hundred
 * items at a time, handing the event loop back between chunks, so that an export of years of
 * workouts (tens of megabytes) does not stop every other request while it is read and
 * serialised, nor hold the whole text, or the whole history, in memory.
 */
export function jsonStream(document: Readonly<Record<string, unknown>>): Readable {
  async function* chunks(): AsyncGenerator<string> {
    let first = true;
    for (const [key, value] of Object.entries(document)) {
      if (value === undefined) continue;
      const head = `${first ? "{" : ","}${JSON.stringify(key)}:`;
      first = false;
      if (!Array.isArray(value) && !isPages(value)) {
        yield `${head}${JSON.stringify(value)}`;
        continue;
      }
      yield `${head}[`;
      let firstSlice = true;
      for await (const slice of slices(value as Items)) {
        if (slice.length === 0) continue;
        const items = slice.map((item) => JSON.stringify(item) ?? "null");
        yield `${firstSlice ? "" : ","}${items.join(",")}`;
        firstSlice = false;
        await breathe();
      }
      yield "]";
    }
    yield first ? "{}" : "}";
  }
  return Readable.from(chunks(), { objectMode: false });
}

/** Text written part by part, handing the event loop back between parts (a CSV export). */
export function textStream(parts: AsyncIterable<string>): Readable {
  async function* chunks(): AsyncGenerator<string> {
    for await (const part of parts) {
      if (part === "") continue;
      yield part;
      await breathe();
    }
  }
  return Readable.from(chunks(), { objectMode: false });
}
