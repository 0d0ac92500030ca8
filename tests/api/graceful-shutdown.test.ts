import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { eq } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { openDatabase, type Database } from "@/lib/db/client";
import { webhookDeliveries } from "@/lib/webhooks/schema";
import { openTestDatabase } from "./harness";
import { startReceiver } from "./webhook-receiver";
import { demoOwner, startApiProcess, type ApiProcess } from "../support/api-process";

// Issue 17, item 4: on SIGTERM a server stops taking requests, finishes those in flight and the
// jobs it is running (a webhook delivery to a slow receiver), then exits 0 (docs/operations.md).

const dataDir = mkdtempSync(path.join(tmpdir(), "bs-graceful-"));
let server: ApiProcess | undefined;
let postgres: Database | undefined;
afterAll(async () => {
  if (server?.child.exitCode === null) server.child.kill("SIGKILL");
  await postgres?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

describe("SIGTERM", () => {
  it("drains in-flight requests and running jobs, then exits 0", { timeout: 120_000 }, async () => {
    // On PostgreSQL runs a fresh database of this file's; else PGlite in a directory of its own.
    if (process.env.DATABASE_URL) postgres = await openTestDatabase();
    const receiver = await startReceiver([
      // The product.created delivery: a job still running when the requests have drained.
      { status: 200, delayMs: 6_000 },
      { status: 200, delayMs: 2_500 }, // the test ping: a request in flight at SIGTERM
    ]);
    server = await startApiProcess(
      postgres ? { DATABASE_URL: postgres.url! } : { DATABASE_URL: "", DATA_DIR: dataDir },
    );
    const { base } = server;
    const headers = await demoOwner(base);
    const hook = await fetch(`${base}/api/v1/webhooks`, {
      method: "POST",
      headers,
      body: JSON.stringify({ url: receiver.url, events: ["product.created"] }),
    });
    expect(hook.status).toBe(201);
    const endpoint = (await hook.json()) as { id: string };
    const product = await fetch(`${base}/api/v1/store/products`, {
      method: "POST",
      headers,
      body: JSON.stringify({ name: { en: "Lamp", ar: "مصباح" }, price: 10 }),
    });
    expect(product.status).toBe(201);
    await receiver.waitFor(1, 30_000); // the delivery job is now waiting on the receiver
    const inFlight = fetch(`${base}/api/v1/webhooks/${endpoint.id}/test`, {
      method: "POST",
      headers,
    });
    let answered = false;
    void inFlight.then(() => (answered = true));
    await receiver.waitFor(2, 30_000);

    const signalled = Date.now();
    server.child.kill("SIGTERM");
    // New connections are refused at once, while the request in flight is still waiting...
    let refused = false;
    for (let i = 0; i < 80 && !refused; i++) {
      await new Promise((r) => setTimeout(r, 25));
      refused = await fetch(`${base}/health/live`).then(
        () => false,
        () => true,
      );
    }
    expect(refused).toBe(true);
    expect(answered).toBe(false);
    // ...while the request in flight gets its whole answer,
    const answer = await inFlight;
    expect(answer.status).toBe(200);
    expect(await answer.json()).toMatchObject({ attempt: { response_status: 200 } });
    // and the process waits for the running delivery before it exits, with 0.
    expect(await server.exited).toBe(0);
    // Within the receiver's 6 s and a margin: not at the 10 s cut-off, which an answered
    // kept-alive connection used to hold it to (it was never closed while draining).
    expect(Date.now() - signalled).toBeLessThan(9_000);
    const lines = server.logLines().map((l) => l.msg);
    expect(lines).toContain("shutting down");
    expect(lines.at(-1)).toBe("stopped");
    await receiver.close();

    // The delivery that was running is recorded as delivered, once: not left for a retry.
    const database = postgres ?? (await openDatabase({ dataDir }));
    try {
      const deliveries = await database.db
        .select()
        .from(webhookDeliveries)
        .where(eq(webhookDeliveries.event, "product.created"));
      expect(deliveries.map((d) => [d.status, d.attempts, d.lastStatusCode])).toEqual([
        ["succeeded", 1, 200],
      ]);
    } finally {
      if (!postgres) await database.close();
    }
    expect(receiver.received).toHaveLength(2);
  });
});
