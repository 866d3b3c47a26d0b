/**
 * docs/API.md's route table lists every route the server registers, and nothing else: a route
 * added without its line, or a line left after its route went, fails here.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { appPerFile, appRoutes, ROOT } from "../support/http.js";

const t = appPerFile();

const ROUTE = /^(GET|POST|PUT|PATCH|DELETE) (\/[^\s?]*)/;

/** Every `METHOD /path` in the first cell of the rows of API.md's "Routes" table. */
function documentedRoutes(markdown: string): string[] {
  const section = markdown.split(/^## /m).find((part) => part.startsWith("Routes\n")) ?? "";
  const routes: string[] = [];
  for (const line of section.split("\n")) {
    if (!line.startsWith("| ")) continue;
    const first = line.split(" | ")[0] ?? "";
    for (const [, code] of first.matchAll(/`([^`]*)`/g)) {
      const match = ROUTE.exec(code ?? "");
      if (match) routes.push(`${match[1]} ${match[2]}`);
    }
  }
  return routes.sort();
}

describe("docs/API.md's route table", () => {
  it("reads the routes of a table's first column, not of its prose", () => {
    const doc = [
      "## Routes",
      "",
      "Text with `GET /nope`.",
      "| route | what |",
      "| --- | --- |",
      "| `GET /a` `?x=1`, `DELETE /a/:id` | see `POST /b` |",
      "## Next",
      "| `GET /c` | x |",
    ].join("\n");
    expect(documentedRoutes(doc)).toEqual(["DELETE /a/:id", "GET /a"]);
  });

  it("lists exactly the routes the server registers", () => {
    const served = appRoutes(t.app)
      // The page at `/` is the web app's (or a note about the API), not an API route; the
      // documentation UI serves its own files below /api/docs/.
      .filter((route) => route !== "GET /" && !route.startsWith("GET /api/docs/"));
    const documented = documentedRoutes(readFileSync(`${ROOT}docs/API.md`, "utf8"));
    expect(documented).toEqual([...new Set(documented)]);
    expect(documented).toEqual(served);
  });
});
