import { gunzipSync } from "node:zlib";

export type Gunzipped =
  | { readonly ok: true; readonly bytes: Uint8Array }
  | {
      readonly ok: false;
      readonly error: string;
      /** True when the content passes `maxBytes` (a bomb, or too large), not when it is damaged. */
      readonly tooLarge: boolean;
    };

/**
 * Decompresses a `.gz` file (`.fit.gz`, `.gpx.gz`, `.tcx.gz`), stopping as soon as the output
 * would pass `maxBytes`: a gzip bomb (a few KB that inflate to gigabytes) is refused without
 * ever being inflated in full. Concatenated gzip members are read as one stream.
 */
export function gunzipLimited(bytes: Uint8Array, maxBytes: number): Gunzipped {
  try {
    const out = gunzipSync(bytes, { maxOutputLength: Math.max(1, maxBytes) });
    return { ok: true, bytes: new Uint8Array(out.buffer, out.byteOffset, out.byteLength) };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ERR_BUFFER_TOO_LARGE") {
      return {
        ok: false,
        error: `gzip content larger than ${maxBytes} bytes: refused`,
        tooLarge: true,
      };
    }
    return {
      ok: false,
      error: `not a valid gzip file: ${(error as Error).message}`,
      tooLarge: false,
    };
  }
}
