/**
 * A server for the benchmarks, in its own process:
 *   MODE=api       the real Store API (Hono, middleware, auth, service) on node:http
 *   MODE=baseline  bare node:http + the same driver running the same SQL (queryProductPage), no
 *                  framework, no auth, no validation, no rate limit
 * DATABASE_URL or DATA_DIR picks the database, PORT the port.
 */
import { createServer } from "node:http";
import { getRequestListener } from "@hono/node-server";
import { eq } from "drizzle-orm";
import { loadConfig } from "@/lib/config";
import { openDatabase } from "@/lib/db/client";
import { buildApi } from "@/lib/api/instance";
import { presentProduct, queryProductPage } from "@/lib/products/service";
import { tenants } from "@/lib/tenants/schema";

const config = loadConfig();
const database = await openDatabase({ url: config.databaseUrl, dataDir: config.dataDir });
const port = Number(process.env.PORT);

if (process.env.MODE === "api") {
  const { api } = buildApi(config, database);
  createServer(getRequestListener(api.fetch)).listen(port, "127.0.0.1", () =>
    process.send?.("ready"),
  );
} else {
  const db = database.db;
  // The baseline resolves its one tenant once: it does strictly less work than the API.
  const [tenant] = await db.select().from(tenants).where(eq(tenants.slug, "bench")).limit(1);
  createServer(async (req, res) => {
    const url = new URL(req.url ?? "/", "http://x");
    const query = {
      page: 1,
      limit: 20,
      sort: "-created_at" as const,
      q: url.searchParams.get("q") ?? undefined,
    };
    const { rows, total } = await queryProductPage(db, tenant!.id, query);
    const body = JSON.stringify({
      data: rows.map(presentProduct),
      pagination: { page: 1, limit: 20, total, pages: Math.ceil(total / 20) },
    });
    res.writeHead(200, { "content-type": "application/json" }).end(body);
  }).listen(port, "127.0.0.1", () => process.send?.("ready"));
}

// A clean exit, so that --cpu-prof (BENCH_PROFILE) writes its profile.
process.on("SIGTERM", () => process.exit(0));
