import type { Compilable, CompiledQuery } from "kysely";

/**
 * Queries compiled once per shape and run again with other values. Kysely builds and compiles
 * a query on every call; for the plan's read of the log (a union of one small query per
 * exercise) that took about four times what the database took to answer it.
 *
 * The query is built with placeholders (strings no real value holds: they start with a NUL),
 * and each run swaps them for the values, so the SQL text, and the statement SQLite prepared
 * for it, stay the same.
 */
export class CompiledOnce<Row> {
  private readonly compiled = new Map<string, CompiledQuery<Row>>();

  /** At most this many shapes are kept: a shape is, for example, the number of exercises. */
  constructor(private readonly maxShapes = 256) {}

  /**
   * `build(slot)` makes the query with `slot(name)` wherever a value goes; `values` gives each
   * name's value for this run. `shape` must tell apart every query `build` can make.
   */
  query(
    shape: string,
    build: (slot: (name: string) => string) => Compilable<Row>,
    values: ReadonlyMap<string, unknown>,
  ): CompiledQuery<Row> {
    let compiled = this.compiled.get(shape);
    if (!compiled) {
      compiled = build(placeholder).compile();
      if (this.compiled.size < this.maxShapes) this.compiled.set(shape, compiled);
    }
    const parameters = compiled.parameters.map((parameter) => {
      if (typeof parameter !== "string" || !parameter.startsWith(PREFIX)) return parameter;
      const name = parameter.slice(PREFIX.length);
      if (!values.has(name)) throw new Error(`CompiledOnce: no value for ${name}`);
      return values.get(name);
    });
    return { ...compiled, parameters };
  }
}

const PREFIX = "\u0000slot:";
const placeholder = (name: string): string => `${PREFIX}${name}`;
