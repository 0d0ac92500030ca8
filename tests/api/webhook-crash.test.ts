import { fork } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { eq } from "drizzle-orm";
import { afterAll, expect, it } from "vitest";
import { openDatabase, type Database } from "@/lib/db/client";
import { webhookDeliveries } from "@/lib/webhooks/schema";
import { startWebhookWorkers } from "@/lib/webhooks/worker";
import { CRASH_JOB_OPTIONS } from "./fixtures/crash-options";
import { openTestDatabase } from "./harness";
import { startReceiver } from "./webhook-receiver";

const cleanups: (() => Promise<void> | void)[] = [];
afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
});

it("a process killed while sending a delivery: after a restart the delivery is sent again", async () => {
  // PostgreSQL: a fresh database both processes share. PGlite: a data directory the second
  // process opens after the first was killed (PGlite allows one process at a time).
  let env: Record<string, string>;
  let reopen: () => Promise<Database>;
  if (process.env.DATABASE_URL) {
    const shared = await openTestDatabase();
    cleanups.push(() => shared.close());
    env = { DATABASE_URL: shared.url! };
    reopen = async () => shared;
  } else {
    const dataDir = mkdtempSync(path.join(tmpdir(), "bs-crash-"));
    cleanups.push(() => rmSync(dataDir, { recursive: true, force: true }));
    env = { DATA_DIR: dataDir };
    reopen = async () => {
      const database = await openDatabase({ dataDir });
      cleanups.push(() => database.close());
      return database;
    };
  }
  // The first request hangs: the process is killed while it waits for the answer.
  const receiver = await startReceiver([{ status: 200, delayMs: 60_000 }]);
  cleanups.push(() => receiver.close());
  const key = randomBytes(32);

  const child = fork(path.join(import.meta.dirname, "fixtures/webhook-worker-process.ts"), [], {
    env: {
      ...process.env,
      ...env,
      RECEIVER_URL: receiver.url,
      ENCRYPTION_KEY_HEX: key.toString("hex"),
      LOG_LEVEL: "error",
    },
    execArgv: ["--import", "tsx"],
    stdio: ["ignore", "inherit", "inherit", "ipc"],
  });
  const exited = new Promise((resolve) => child.once("exit", resolve));
  cleanups.push(() => void child.kill("SIGKILL"));
  const ids = await new Promise<{ endpointId: string }>((resolve) =>
    child.once("message", resolve as never),
  );
  await receiver.waitFor(1, 30_000);
  child.kill("SIGKILL");
  await exited;

  // Nothing was recorded for the attempt the process died in.
  const database = await reopen();
  const [before] = await database.db
    .select()
    .from(webhookDeliveries)
    .where(eq(webhookDeliveries.endpointId, ids.endpointId));
  expect(before).toMatchObject({ status: "pending", attempts: 0 });

  // The restarted process finds the expired claim and sends the delivery again.
  const jobs = await startWebhookWorkers(
    database,
    { encryptionKey: key, allowPrivate: true },
    CRASH_JOB_OPTIONS,
  );
  cleanups.push(() => jobs.stop());
  const [first, second] = await receiver.waitFor(2, 30_000);
  expect(second!.headers["webhook-id"]).toBe(first!.headers["webhook-id"]);
  expect(second!.body).toBe(first!.body);
  expect(JSON.parse(second!.body)).toMatchObject({
    event: "product.created",
    data: { id: "p-crash" },
  });
  await expect
    .poll(
      async () =>
        (
          await database.db
            .select()
            .from(webhookDeliveries)
            .where(eq(webhookDeliveries.endpointId, ids.endpointId))
        )[0],
      { timeout: 10_000 },
    )
    .toMatchObject({ status: "succeeded", attempts: 1 });
}, 90_000);
