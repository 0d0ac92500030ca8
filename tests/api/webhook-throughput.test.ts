import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { closeSenderConnections, sendWebhook } from "@/lib/webhooks/sender";
import { openTestDatabase } from "./harness";

// Issue 20, item 4: what lets one instance send hundreds of deliveries a second
// (docs/decisions/0019-webhook-throughput.md).

afterAll(() => closeSenderConnections());

/** A receiver that answers 200 and counts the TCP connections it was opened. */
async function countingReceiver() {
  let connections = 0;
  const server = createServer((req, res) => {
    req.resume();
    req.on("end", () => res.writeHead(200).end("ok"));
  });
  server.on("connection", () => connections++);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/hook`,
    connections: () => connections,
    close: () => {
      server.closeAllConnections();
      return new Promise((resolve) => server.close(resolve));
    },
  };
}

describe("the webhook sender", () => {
  it("sends one receiver's deliveries over one kept-alive connection, not one connection each", async () => {
    const receiver = await countingReceiver();
    try {
      for (let i = 0; i < 10; i++) {
        const result = await sendWebhook(receiver.url, {}, `{"n":${i}}`, true);
        expect(result.status).toBe(200);
      }
      // Before: a new pool (and so a new connection) per send, closed after it: 10 connections.
      // The first reply can reach us a moment before its connection is free again, so the second
      // send may open one more; after that they are reused.
      expect(receiver.connections()).toBeLessThanOrEqual(2);
    } finally {
      await receiver.close();
    }
  });

  it("a receiver that closed its end gets a new connection, and the next delivery still arrives", async () => {
    const receiver = await countingReceiver();
    try {
      expect((await sendWebhook(receiver.url, {}, "{}", true)).status).toBe(200);
      await closeSenderConnections();
      expect((await sendWebhook(receiver.url, {}, "{}", true)).status).toBe(200);
      expect(receiver.connections()).toBe(2);
    } finally {
      await receiver.close();
    }
  });
});

describe("the workers' database connections", () => {
  it("commit without waiting for the WAL flush on PostgreSQL, while requests still wait for it", async () => {
    const database = await openTestDatabase();
    try {
      const setting = async (db: typeof database.db) => {
        const result = await db.execute(sql`select current_setting('synchronous_commit') as s`);
        return (result as unknown as { rows: { s: string }[] }).rows[0]!.s;
      };
      if (database.kind === "postgres") {
        expect(await setting(database.background)).toBe("off");
        expect(await setting(database.db)).toBe("on");
      } else {
        // PGlite has one connection: the workers share it.
        expect(database.background).toBe(database.db);
      }
    } finally {
      await database.close();
    }
  });
});
