import { createServer, type Server } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { createTenant, createTestApi, createUser, login, type TestApi } from "./harness";

// Issue 10, item 7: what a receiver answers must never wedge a delivery.
const SCHEDULE = [300, 600, 900, 1200];
let t: TestApi;
beforeAll(async () => {
  t = await createTestApi({
    webhookWorkers: {
      schedule: SCHEDULE,
      timeoutMs: 1000,
      retryDelaySeconds: 1,
      expireInSeconds: 3,
      superviseIntervalSeconds: 1,
      monitorIntervalSeconds: 1,
    },
  });
});
afterAll(() => t.close());

async function store() {
  const tenant = await createTenant(t);
  const { access_token } = await login(t, tenant, await createUser(t, tenant, { role: "owner" }));
  const call = (method: string, path: string, json?: unknown) =>
    t.request(path, {
      method,
      headers: { "x-tenant-id": tenant.slug, authorization: `Bearer ${access_token}` },
      json,
    });
  return { tenant, call };
}

/** A raw HTTP reply: any bytes in the status line, headers and body (node:http would refuse some). */
function rawReply(status: string, headers: string, body: Buffer) {
  return Buffer.concat([
    Buffer.from(
      `HTTP/1.1 ${status}\r\n${headers}Content-Length: ${body.length}\r\nConnection: close\r\n\r\n`,
      "latin1",
    ),
    body,
  ]);
}

/** A receiver that answers each request with the next raw reply (then 200 "ok") and counts them. */
async function startRawReceiver(replies: Buffer[]) {
  let requests = 0;
  const server: Server = createServer((socket) => {
    let buffered = Buffer.alloc(0);
    socket.on("data", (chunk: Buffer) => {
      buffered = Buffer.concat([buffered, chunk]);
      const end = buffered.indexOf("\r\n\r\n");
      if (end < 0) return;
      const length = Number(/content-length: *(\d+)/i.exec(buffered.toString("latin1"))?.[1] ?? 0);
      if (buffered.length < end + 4 + length) return;
      requests++;
      socket.end(replies.shift() ?? rawReply("200 OK", "", Buffer.from("ok")));
    });
    socket.on("error", () => {});
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  return {
    url: `http://127.0.0.1:${port}/hook`,
    requests: () => requests,
    async waitFor(count: number, timeoutMs = 20_000) {
      const deadline = Date.now() + timeoutMs;
      while (requests < count) {
        if (Date.now() > deadline) throw new Error(`expected ${count} requests, got ${requests}`);
        await new Promise((r) => setTimeout(r, 50));
      }
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

// NUL bytes, invalid UTF-8 (a lone continuation, a truncated sequence, an encoded surrogate).
const HOSTILE_BODY = Buffer.from([
  0x6f, 0x6b, 0x00, 0x00, 0xff, 0xfe, 0xc3, 0x20, 0xed, 0xa0, 0x80, 0x21,
]);
const ODD_HEADER = "X-Odd: caf\xe9\xff\r\nRetry-After: \xe9\r\n";

function expectSanitized(body: string | null) {
  expect(body).not.toBeNull();
  expect(body).not.toContain("\u0000");
  expect(body).not.toMatch(/[\uD800-\uDFFF]/u);
  expect(body!.startsWith("ok")).toBe(true);
  expect(body!.endsWith("!")).toBe(true);
  expect(body).toContain("\uFFFD");
}

const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe("receiver replies with NUL bytes and invalid UTF-8", () => {
  it.each([
    [200, "200 OK", "succeeded"],
    [500, "500 Internal\u0000Error", "failed"],
  ])(
    "test event answered %s: normal reply, one POST, attempt logged sanitized",
    async (status, statusLine, deliveryStatus) => {
      const receiver = await startRawReceiver([rawReply(statusLine, ODD_HEADER, HOSTILE_BODY)]);
      try {
        const s = await store();
        const { id } = await (
          await s.call("POST", "/api/v1/webhooks", { url: receiver.url, events: ["*"] })
        ).json();
        const res = await s.call("POST", `/api/v1/webhooks/${id}/test`);
        expect(res.status).toBe(200);
        const test = await res.json();
        expect(test.attempt).toMatchObject({ number: 1, response_status: status, error: null });
        expectSanitized(test.attempt.response_body);
        await pause(300);
        expect(receiver.requests()).toBe(1);
        const detail = await (
          await s.call("GET", `/api/v1/webhook-deliveries/${test.delivery_id}`)
        ).json();
        expect(detail).toMatchObject({
          status: deliveryStatus,
          attempts: 1,
          last_status_code: status,
        });
        expect(detail.attempt_log).toHaveLength(1);
        expectSanitized(detail.attempt_log[0].response_body);
      } finally {
        await receiver.close();
      }
    },
  );

  it("the worker sends once per scheduled attempt: 500 then 200, both logged, then delivered", async () => {
    const receiver = await startRawReceiver([
      rawReply("500 Internal Server Error", ODD_HEADER, HOSTILE_BODY),
      rawReply("200 OK", ODD_HEADER, HOSTILE_BODY),
    ]);
    try {
      const s = await store();
      const { id } = await (
        await s.call("POST", "/api/v1/webhooks", { url: receiver.url, events: ["product.created"] })
      ).json();
      await s.call("POST", "/api/v1/store/products", { name: { en: "NUL reply" }, price: 1 });
      await receiver.waitFor(2);
      // pg-boss would retry a failed job after 1 s: give it time to show extra POSTs.
      await pause(2500);
      expect(receiver.requests()).toBe(2);
      const deliveries = await (await s.call("GET", `/api/v1/webhooks/${id}/deliveries`)).json();
      expect(deliveries.data).toHaveLength(1);
      expect(deliveries.data[0]).toMatchObject({
        status: "succeeded",
        attempts: 2,
        last_status_code: 200,
      });
      const detail = await (
        await s.call("GET", `/api/v1/webhook-deliveries/${deliveries.data[0].id}`)
      ).json();
      expect(detail.attempt_log.map((a: { response_status: number }) => a.response_status)).toEqual(
        [500, 200],
      );
      for (const a of detail.attempt_log) expectSanitized(a.response_body);
    } finally {
      await receiver.close();
    }
  });

  it("a header value with a control byte is logged as a protocol error, after one POST", async () => {
    const receiver = await startRawReceiver([
      rawReply("200 OK", "X-Odd: a\u0000b\u0001c\r\n", Buffer.from("ok")),
    ]);
    try {
      const s = await store();
      const { id } = await (
        await s.call("POST", "/api/v1/webhooks", { url: receiver.url, events: ["*"] })
      ).json();
      const res = await s.call("POST", `/api/v1/webhooks/${id}/test`);
      expect(res.status).toBe(200);
      const test = await res.json();
      expect(test.attempt.response_status).toBeNull();
      expect(test.attempt.error).toMatch(/header/i);
      expect(test.attempt.error).not.toContain("\u0000");
      expect(receiver.requests()).toBe(1);
    } finally {
      await receiver.close();
    }
  });
});

describe("an attempt that cannot be stored does not wedge the delivery", () => {
  // Stands in for any failure to store what the receiver sent: this reply is refused by the table.
  beforeAll(async () => {
    await t.db.execute(
      sql`alter table webhook_attempts add constraint hostile_unstorable check (response_body is null or response_body not like '%unstorable%')`,
    );
  });

  it("test event: normal reply, one POST, a minimal attempt with a note", async () => {
    const receiver = await startRawReceiver([rawReply("200 OK", "", Buffer.from("unstorable"))]);
    try {
      const s = await store();
      const { id } = await (
        await s.call("POST", "/api/v1/webhooks", { url: receiver.url, events: ["*"] })
      ).json();
      const res = await s.call("POST", `/api/v1/webhooks/${id}/test`);
      expect(res.status).toBe(200);
      const test = await res.json();
      expect(test.attempt).toMatchObject({
        number: 1,
        response_status: 200,
        response_body: null,
        error: expect.stringMatching(/could not be recorded/),
      });
      expect(receiver.requests()).toBe(1);
      const detail = await (
        await s.call("GET", `/api/v1/webhook-deliveries/${test.delivery_id}`)
      ).json();
      expect(detail).toMatchObject({ status: "succeeded", attempts: 1, last_status_code: 200 });
      expect(detail.attempt_log).toHaveLength(1);
    } finally {
      await receiver.close();
    }
  });

  it("worker: a 500 that cannot be stored still moves to the next scheduled retry", async () => {
    const receiver = await startRawReceiver([
      rawReply("500 Internal Server Error", "", Buffer.from("unstorable")),
    ]);
    try {
      const s = await store();
      const { id } = await (
        await s.call("POST", "/api/v1/webhooks", { url: receiver.url, events: ["product.created"] })
      ).json();
      await s.call("POST", "/api/v1/store/products", { name: { en: "Unstorable" }, price: 1 });
      await receiver.waitFor(2);
      await pause(2500);
      expect(receiver.requests()).toBe(2);
      const deliveries = await (await s.call("GET", `/api/v1/webhooks/${id}/deliveries`)).json();
      expect(deliveries.data[0]).toMatchObject({ status: "succeeded", attempts: 2 });
      const detail = await (
        await s.call("GET", `/api/v1/webhook-deliveries/${deliveries.data[0].id}`)
      ).json();
      expect(detail.attempt_log).toMatchObject([
        { number: 1, response_status: 500, response_body: null },
        { number: 2, response_status: 200, response_body: "ok" },
      ]);
    } finally {
      await receiver.close();
    }
  });
});
