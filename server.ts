/**
 * One process, one port: /api/v1/* and /health go straight to the Store API (Hono on node:http,
 * the hot path); everything else goes to Next.js (the admin). See docs/architecture.md.
 * `--api-only` (or API_ONLY=1) serves the Store API alone, without loading Next.js: for
 * deployments that scale the API apart from the admin (docs/architecture.md, "API-only instances").
 */
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import { getRequestListener } from "@hono/node-server";
import { deriveKey, loadConfig } from "@/lib/config";
import { getDatabase } from "@/lib/db/client";
import { DataDirectoryError } from "@/lib/db/data-dir";
import { seedDemo } from "@/lib/demo/seed";
import { seedSampleData } from "@/lib/demo/sample-data";
import { buildApi, inProcessApi } from "@/lib/api/instance";
import { IN_PROCESS_API } from "@/lib/sdk/client";
import { startWebhookWorkers } from "@/lib/webhooks/worker";
import { log, withRequestId } from "@/lib/log";
import { clientAddress } from "@/lib/client-ip";
import { issueSetupCode } from "@/lib/tenants/setup";

const startedAt = performance.now();
const dev = process.argv.includes("--dev");
const apiOnly = process.argv.includes("--api-only") || process.env.API_ONLY === "1";

/**
 * A start that cannot go on for a reason the operator must fix (a setting, an unusable DATA_DIR):
 * one error line saying what and how, and exit code 1; not a stack trace (docs/operations.md).
 */
async function orExit<T>(step: () => T | Promise<T>, isClear: (err: unknown) => boolean) {
  try {
    return await step();
  } catch (err) {
    if (!isClear(err)) throw err;
    log.error("cannot start", { reason: (err as Error).message });
    process.exit(1);
  }
}
const isDataDir = (err: unknown) => err instanceof DataDirectoryError;
// Every error loadConfig throws names the setting and what it must be.
const config = await orExit(
  () => loadConfig(),
  (err) => err instanceof Error,
);

// next-auth reads these; derive them from the one root secret unless set explicitly.
process.env.NEXTAUTH_SECRET ||= deriveKey(config.authSecret, "nextauth").toString("base64url");
process.env.NEXTAUTH_URL ||= config.publicUrl;
// A self-hosted store does not report usage to third parties unless its operator opts in.
process.env.NEXT_TELEMETRY_DISABLED ||= "1";

const database = await orExit(
  () =>
    getDatabase({
      url: config.databaseUrl,
      readUrl: config.databaseReadUrl,
      dataDir: config.dataDir,
    }),
  isDataDir,
);
if (config.databaseReadUrl && !config.databaseUrl)
  log.warn("DATABASE_READ_URL is ignored on the embedded database (PGlite): it has no replicas");
await database.migrate();
let demo: Awaited<ReturnType<typeof seedDemo>> | undefined;
if (process.argv.includes("--seed-demo")) {
  demo = await seedDemo(database.db);
  // `npm run demo` also fills an empty demo store with a sample catalogue and orders.
  if (process.argv.includes("--sample-data"))
    await seedSampleData(database.db, demo.tenant, demo.ownerId);
}

// First run (no store, no demo): a one-time setup code guards the setup page. Only its SHA-256 is
// stored; the code itself is printed once below (docs/decisions/0009-stores-setup-and-export.md).
const setupCode = demo ? undefined : await issueSetupCode(database.db);

const jobs = await startWebhookWorkers(
  database,
  { encryptionKey: config.encryptionKey, allowPrivate: config.webhooksAllowPrivate },
  { maintenanceCron: config.maintenanceCron },
);
const { api, ready: limitersReady, close: closeLimiters } = buildApi(config, database, jobs.sender);
// Unreachable: lib/limiter.ts has said so in the log, and falls back to memory meanwhile.
await limitersReady();
// The admin's SDK calls the API through this, in-process, without a socket (lib/sdk/client.ts),
// under the admin request's id: the API's lines for an admin action carry the action's id.
(globalThis as Record<symbol, unknown>)[IN_PROCESS_API] = inProcessApi(api);

const handleApi = getRequestListener(api.fetch);
const admin = apiOnly ? undefined : await startAdmin();

/** Next.js, imported only when this instance serves the admin (it patches globals on load). */
async function startAdmin() {
  const { default: next } = await import("next");
  const nextApp = next({ dev, dir: process.cwd(), hostname: "localhost", port: config.port });
  await nextApp.prepare();
  return {
    handle: nextApp.getRequestHandler(),
    upgrade: nextApp.getUpgradeHandler(),
    close: () => nextApp.close?.(),
  };
}

/** What an API-only instance answers outside the API: the error shape, and where to look. */
function notServedHere(res: ServerResponse) {
  res.writeHead(404, { "Content-Type": "application/json" }).end(
    JSON.stringify({
      detail: "This instance serves the Store API only (/api/v1, /health); the admin is elsewhere",
      type: "not_found_error",
      code: "ADMIN_NOT_SERVED",
    }),
  );
}

let stopping = false;

const isApi = (req: IncomingMessage) => {
  const url = req.url ?? "/";
  return (
    url.startsWith("/api/v1/") ||
    url === "/api/v1" ||
    url === "/health" ||
    url.startsWith("/health?") ||
    url.startsWith("/health/")
  );
};

const server = createServer((req, res) => {
  // Draining (SIGTERM): answer what still arrives on an open connection, then close it.
  if (stopping) res.setHeader("Connection", "close");
  if (isApi(req)) return void handleApi(req, res);
  if (!admin) return notServedHere(res);
  // The admin (sign-in throttling) reads the client address from X-Forwarded-For: reduce it to
  // the one address the API would use (lib/client-ip.ts), whatever the client sent.
  const forwardedFor = req.headers["x-forwarded-for"];
  req.headers["x-forwarded-for"] = clientAddress(
    Array.isArray(forwardedFor) ? forwardedFor.join(",") : forwardedFor,
    req.socket.remoteAddress ?? "",
    config.trustProxy,
  );
  // Every line the admin logs while serving this request carries its id (lib/log.ts).
  withRequestId(req, res, () =>
    admin.handle(req, res).catch((err: unknown) => {
      log.error("next handler failed", { err, url: req.url });
      if (!res.headersSent) res.writeHead(500).end();
    }),
  );
});
if (dev && admin) server.on("upgrade", admin.upgrade);
server.keepAliveTimeout = 65_000; // longer than common load balancers' idle timeout

server.listen(config.port, config.host, () => {
  const ms = Math.round(performance.now() - startedAt);
  const base = `http://localhost:${config.port}`;
  log.info("listening", {
    url: base,
    mode: dev ? "development" : "production",
    serves: apiOnly ? "api" : "api+admin",
    database: database.kind,
    startup_ms: ms,
  });
  if (setupCode) {
    console.log(
      [
        "",
        "  BrainSAIT Store has no store yet. Create yours at the setup page with this one-time code:",
        `  Setup code: ${setupCode}  (open ${config.publicUrl.replace(/\/$/, "")}/en/setup)`,
        `  Arabic: ${config.publicUrl.replace(/\/$/, "")}/ar/setup`,
        "",
      ].join("\n"),
    );
  }
  if (demo) {
    console.log(
      [
        "",
        "  BrainSAIT Store is running.",
        `  Sign in:   ${base}/en/login   (Arabic: ${base}/ar/login)`,
        `  Store ID:  ${demo.tenant.slug}`,
        `  Email:     ${demo.email}`,
        `  Password:  ${demo.created ? demo.password : "(unchanged since the first run; default brainsait-demo or your DEMO_PASSWORD)"}`,
        `  API docs:  ${base}/api/v1/docs`,
        "",
      ].join("\n"),
    );
  }
});

async function shutdown(signal: string) {
  if (stopping) return;
  stopping = true;
  log.info("shutting down", { signal });
  // Stop accepting, let in-flight requests finish (10 s at most), then close the database.
  // A kept-alive connection whose request has been answered is closed as soon as it is idle:
  // left open, it would hold server.close() until the 10 s are up.
  const force = setTimeout(() => server.closeAllConnections(), 10_000);
  const idle = setInterval(() => server.closeIdleConnections(), 50);
  await new Promise<void>((resolve) => {
    server.close(() => resolve());
    server.closeIdleConnections();
  });
  clearTimeout(force);
  clearInterval(idle);
  await admin?.close()?.catch(() => {});
  await jobs.stop().catch(() => {});
  await closeLimiters();
  await database.close();
  log.info("stopped", { signal });
  process.exit(0);
}
process.on("SIGTERM", () => void shutdown("SIGTERM"));
process.on("SIGINT", () => void shutdown("SIGINT"));
