/**
 * A server for the benchmarks, in its own process:
 *   MODE=api       the real Store API (Hono, middleware, auth, service) on node:http
 *   MODE=baseline  bare node:http + the same driver running the same SQL (queryProductPage), no
 *                  framework, no auth, no validation, no rate limit
 *   MODE=bare      the floor: node:http and the database client alone (pg, or the PGlite client),
 *                  running the list's own page statement as one prepared SELECT and replying with
 *                  its rows as they come, without Drizzle or presenting them
 * DATABASE_URL or DATA_DIR picks the database, PORT the port.
 */
import { createServer } from "node:http";
import { getRequestListener } from "@hono/node-server";
import { eq, is, Placeholder } from "drizzle-orm";
import pg from "pg";
import { loadConfig } from "@/lib/config";
import { openDatabase } from "@/lib/db/client";
import { buildApi } from "@/lib/api/instance";
import { presentProduct, queryProductPage } from "@/lib/products/service";
import { listQueries } from "@/lib/products/service/list";
import { tenants } from "@/lib/tenants/schema";

const config = loadConfig();
const database = await openDatabase({ url: config.databaseUrl, dataDir: config.dataDir });
const port = Number(process.env.PORT);
const ready = () => process.send?.("ready");

if (process.env.MODE === "api") {
  const { api } = buildApi(config, database);
  createServer(getRequestListener(api.fetch)).listen(port, "127.0.0.1", ready);
} else {
  const db = database.db;
  // The baselines resolve their one tenant once: they do strictly less work than the API.
  const [tenant] = await db.select().from(tenants).where(eq(tenants.slug, "bench")).limit(1);
  if (process.env.MODE === "bare") await bare(tenant!.id);
  else baseline(tenant!.id);
}

/** MODE=baseline: GET of any path runs the list's query (`?q=` searches) and presents it. */
function baseline(tenantId: string) {
  createServer(async (req, res) => {
    const url = new URL(req.url ?? "/", "http://x");
    const query = {
      page: 1,
      limit: 20,
      sort: "-created_at" as const,
      q: url.searchParams.get("q") ?? undefined,
    };
    const { rows, total } = await queryProductPage(database.db, tenantId, query);
    const body = JSON.stringify({
      data: rows.map(presentProduct),
      pagination: { page: 1, limit: 20, total, pages: Math.ceil(total / 20) },
    });
    res.writeHead(200, { "content-type": "application/json" }).end(body);
  }).listen(port, "127.0.0.1", ready);
}

/** MODE=bare: GET of any path runs page 1 (20, newest first) of the store's unfiltered list. */
async function bare(tenantId: string) {
  // The SQL text the API prepares for this shape (lib/products/service/list.ts), values in order.
  const shape = { sort: "-created_at", status: false, category: false };
  const { sql: text, params } = listQueries(database.db, shape).page.toSQL();
  const named: Record<string, unknown> = { tenantId, limit: 20, offset: 0 };
  const values = params.map((p) => (is(p, Placeholder) ? named[p.name] : p));
  let run: () => Promise<{ rows: { total: unknown }[] }>;
  if (database.pglite) {
    const client = database.pglite;
    run = () => client.query(text, values);
  } else {
    await database.close();
    const pool = new pg.Pool({ connectionString: config.databaseUrl, max: 10 });
    run = () => pool.query({ name: "bare_page", text, values });
  }
  createServer(async (_req, res) => {
    const { rows } = await run();
    const total = Number(rows[0]?.total ?? 0);
    const body = JSON.stringify({ data: rows, pagination: { page: 1, limit: 20, total } });
    res.writeHead(200, { "content-type": "application/json" }).end(body);
  }).listen(port, "127.0.0.1", ready);
}

// A clean exit, so that --cpu-prof (BENCH_PROFILE) writes its profile.
process.on("SIGTERM", () => process.exit(0));
