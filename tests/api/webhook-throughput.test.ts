import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, describe, expect, it } from "vitest";
import { closeSenderConnections, sendWebhook } from "@/lib/webhooks/sender";

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
