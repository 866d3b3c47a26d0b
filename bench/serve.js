// A server for `npm run bench` only: the real app, plus a bare route that answers a plan JSON
// from memory, to measure what storage and planning cost per request.

import { argon2Hasher, cryptoIds } from "../dist/adapters/crypto.js";
import { openDatabase } from "../dist/adapters/db/database.js";
import { migrateToLatest } from "../dist/adapters/db/migrator.js";
import { createStore } from "../dist/adapters/db/store.js";
import { buildApp } from "../dist/adapters/http/app.js";
import { systemClock } from "../dist/app/ports.js";

const target = JSON.parse(process.argv[2]);
const database = openDatabase(target);
await migrateToLatest(database.db);
const store = createStore(database);
const app = await buildApp(
  { store, hasher: argon2Hasher, ids: cryptoIds, clock: systemClock, logInDays: 30 },
  { logLevel: "silent", trustProxy: false, bodyLimitBytes: 1_048_576, authRateLimit: 1_000_000 },
);
let bare = null;
app.post("/bench/remember-plan", async (request) => {
  bare = JSON.stringify(request.body);
  return { ok: true };
});
app.get("/bench/bare-plan", async (_request, reply) => reply.type("application/json").send(bare));
const address = await app.listen({ port: 0, host: "127.0.0.1" });
process.stdout.write(`${address}\n`);
process.on("SIGTERM", () =>
  app
    .close()
    .then(() => store.close())
    .then(() => process.exit(0)),
);
