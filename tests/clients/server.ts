/**
 * The Store API alone (no Next.js, so no build needed) on PGlite in DATA_DIR, with the demo
 * store seeded, webhook workers running and Stripe played by the local fake
 * (tests/support/fake-stripe.ts), for the client libraries' tests (tests/clients/run.sh).
 * Prints one line, "ready <port>", once it listens on PORT (0: a free port).
 */
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { getRequestListener } from "@hono/node-server";
import { loadConfig } from "@/lib/config";
import { getDatabase } from "@/lib/db/client";
import { seedDemo } from "@/lib/demo/seed";
import { buildApi } from "@/lib/api/instance";
import { startWebhookWorkers } from "@/lib/webhooks/worker";
import { startFakeStripe } from "@/tests/support/fake-stripe";

const config = loadConfig();
const stripe = await startFakeStripe();
config.stripeApiUrl = stripe.url;
const database = await getDatabase({ url: config.databaseUrl, dataDir: config.dataDir });
await database.migrate();
await seedDemo(database.db);
const jobs = await startWebhookWorkers(database, {
  encryptionKey: config.encryptionKey,
  allowPrivate: config.webhooksAllowPrivate,
});
const { api, close } = buildApi(config, database, jobs.sender);
const server = createServer(getRequestListener(api.fetch));
server.listen(Number(process.env.PORT ?? 0), "127.0.0.1", () => {
  console.log(`ready ${(server.address() as AddressInfo).port}`);
});

async function stop() {
  server.close();
  server.closeAllConnections();
  await jobs.stop();
  await close();
  await database.close();
  await stripe.close();
  process.exit(0);
}
process.on("SIGTERM", () => void stop());
process.on("SIGINT", () => void stop());
