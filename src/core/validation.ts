import type { TSchema } from "@sinclair/typebox";
import { Kind } from "@sinclair/typebox";
import { TypeCompiler } from "@sinclair/typebox/compiler";
import { type ValueError, ValueErrorType } from "@sinclair/typebox/errors";
import { Value } from "@sinclair/typebox/value";
import { excerpt } from "./excerpt.js";
import { type InvalidInput, invalid } from "./result.js";

/** `/runWeek/tue` → `runWeek.tue`, `/sessions/0/sets/1` → `sessions[0].sets[1]`. */
export function fieldName(pointer: string): string {
  return pointer
    .split("/")
    .slice(1)
    .map((part) => part.replace(/~1/g, "/").replace(/~0/g, "~"))
    .reduce(
      (name, part) => (/^\d+$/.test(part) ? `${name}[${part}]` : name ? `${name}.${part}` : part),
      "",
    );
}

function literals(schema: TSchema): unknown[] | null {
  if (schema[Kind] === "Literal") return [schema.const];
  if (schema[Kind] !== "Union" || !Array.isArray(schema.anyOf)) return null;
  const values: unknown[] = [];
  for (const member of schema.anyOf as TSchema[]) {
    if (member[Kind] !== "Literal") return null;
    values.push(member.const);
  }
  return values;
}

/** Never the whole value: it may be megabytes, or nested too deep to stringify. */
const show = (value: unknown): string => excerpt(value);

function describe(error: ValueError): string {
  const { schema, value } = error;
  const accepted = literals(schema);
  if (accepted) {
    return `${show(value)} is not accepted; expected one of ${accepted.map(String).join(", ")}`;
  }
  if (schema.description && error.type !== ValueErrorType.ObjectRequiredProperty) {
    return `${show(value)} is not accepted; expected ${schema.description}`;
  }
  switch (error.type) {
    case ValueErrorType.ObjectRequiredProperty:
      return "is missing";
    case ValueErrorType.ObjectAdditionalProperties:
      return "is not a known field";
    case ValueErrorType.Integer:
      return `${show(value)} is not accepted; expected a whole number`;
    default:
      return `${show(value)} is not accepted; ${error.message.charAt(0).toLowerCase()}${error.message.slice(1)}`;
  }
}

const compiled = new WeakMap<TSchema, (value: unknown) => boolean>();

/**
 * The schema's check compiled once: a valid document of tens of thousands of workouts is
 * accepted in milliseconds, where walking it with the error iterator takes about a second.
 * The iterator is only used to explain a refusal, and stops at the first problem.
 */
function compiledFor(schema: TSchema): (value: unknown) => boolean {
  let check = compiled.get(schema);
  if (!check) {
    try {
      const typeCheck = TypeCompiler.Compile(schema);
      check = (value) => typeCheck.Check(value);
    } catch {
      check = (value) => Value.Check(schema, value);
    }
    compiled.set(schema, check);
  }
  return check;
}

/**
 * Checks `value` against `schema` and explains the first problem in words a person can act on.
 * TypeBox reports unknown fields on the parent object, so the field's own name is recovered here.
 */
export function checkSchema(schema: TSchema, value: unknown, root = ""): InvalidInput | null {
  if (compiledFor(schema)(value)) return null;
  const first = Value.Errors(schema, value).First();
  if (!first) return null;
  const field = fieldName(first.path);
  if (first.type === ValueErrorType.ObjectAdditionalProperties) {
    // TypeBox points at the unknown field itself and hands over its parent's schema.
    const allowed = Object.keys((first.schema.properties as object | undefined) ?? {});
    const message = allowed.length
      ? `is not a known field; known fields are ${allowed.join(", ")}`
      : "is not a known field";
    return invalid(prefixed(root, field), message);
  }
  if (
    first.type === ValueErrorType.Union &&
    typeof first.value === "object" &&
    first.value !== null
  ) {
    // `{ value, unit } | null` given an object: explain what is wrong inside the object.
    const shape = (first.schema.anyOf as TSchema[] | undefined)?.find(
      (member) => member[Kind] === "Object",
    );
    const inner = shape ? checkSchema(shape, first.value) : null;
    if (inner) return invalid(prefixed(prefixed(root, field), inner.field), inner.message);
  }
  if (first.type === ValueErrorType.ObjectRequiredProperty) {
    return invalid(prefixed(root, field), "is missing");
  }
  return invalid(prefixed(root, field), describe(first));
}

function prefixed(root: string, field: string): string {
  if (!root) return field;
  if (!field) return root;
  return field.startsWith("[") ? `${root}${field}` : `${root}.${field}`;
}

// Kept here too for its many callers; it lives in result.ts so that callers that never load
// TypeBox (the command line's plan) can format a problem.
export { formatInvalid } from "./result.js";
