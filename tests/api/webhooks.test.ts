import { createHmac } from "node:crypto";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import { Webhook } from "standardwebhooks";
import { verifyWebhook } from "@/lib/sdk";
import { webhookEndpoints } from "@/lib/webhooks/schema";
import { outboxEvents } from "@/lib/events/schema";
import {
  createTenant,
  createTestApi,
  createUser,
  expectError,
  login,
  type TestApi,
} from "./harness";
import { startReceiver } from "./webhook-receiver";

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

async function store(role: "owner" | "admin" | "staff" | "viewer" = "owner") {
  const tenant = await createTenant(t);
  const { access_token } = await login(t, tenant, await createUser(t, tenant, { role }));
  const call = (method: string, path: string, json?: unknown) =>
    t.request(path, {
      method,
      headers: { "x-tenant-id": tenant.slug, authorization: `Bearer ${access_token}` },
      json,
    });
  return { tenant, call, token: access_token };
}

/** What the integration guide's Express receiver does: HMAC over JSON.stringify(req.body). */
const expressVerifies = (secret: string, r: { body: string; headers: Record<string, unknown> }) =>
  r.headers["x-webhook-signature"] ===
  `sha256=${createHmac("sha256", secret)
    .update(JSON.stringify(JSON.parse(r.body)))
    .digest("hex")}`;
/** What its Flask receiver does: HMAC over the raw bytes. */
const flaskVerifies = (secret: string, r: { body: string; headers: Record<string, unknown> }) =>
  r.headers["x-webhook-signature"] ===
  `sha256=${createHmac("sha256", secret).update(Buffer.from(r.body, "utf8")).digest("hex")}`;

describe("endpoints", () => {
  it("creates with a whsec_ secret shown in the reply, readable on demand by admins, encrypted at rest", async () => {
    const s = await store();
    const res = await s.call("POST", "/api/v1/webhooks", {
      url: "https://example.com/hook",
      events: ["order.created"],
    });
    expect(res.status).toBe(201);
    const created = await res.json();
    expect(created.secret).toMatch(/^whsec_[A-Za-z0-9+/=]{32}$/);
    const [row] = await t.db
      .select()
      .from(webhookEndpoints)
      .where(eq(webhookEndpoints.id, created.id));
    expect(JSON.stringify(row)).not.toContain(created.secret.slice(6));
    expect(await (await s.call("GET", `/api/v1/webhooks/${created.id}/secret`)).json()).toEqual({
      secret: created.secret,
    });
    const list = await (await s.call("GET", "/api/v1/webhooks")).json();
    expect(JSON.stringify(list)).not.toContain(created.secret);
  });

  it("staff may read endpoints but not create them or see secrets; other stores get 404", async () => {
    const owner = await store();
    const { id } = await (
      await owner.call("POST", "/api/v1/webhooks", { url: "https://example.com/h", events: ["*"] })
    ).json();
    const staff = await store("staff");
    await expectError(
      await staff.call("POST", "/api/v1/webhooks", { url: "https://example.com/h", events: ["*"] }),
      403,
      "INSUFFICIENT_PERMISSION",
    );
    await expectError(
      await owner.call("GET", "/api/v1/webhooks/00000000-0000-4000-8000-000000000000"),
      404,
      "WEBHOOK_NOT_FOUND",
    );
    await expectError(
      await staff.call("GET", `/api/v1/webhooks/${id}/secret`),
      403,
      "INSUFFICIENT_PERMISSION",
    );
    await expectError(await staff.call("GET", `/api/v1/webhooks/${id}`), 404, "WEBHOOK_NOT_FOUND");
  });

  it("422 for an unknown event", async () => {
    const s = await store();
    await expectError(
      await s.call("POST", "/api/v1/webhooks", {
        url: "https://example.com/h",
        events: ["order.exploded"],
      }),
      422,
      "VALIDATION_ERROR",
    );
  });
});

describe("delivery", () => {
  it("a slow receiver gets at most 2 deliveries at a time and does not hold up another endpoint", async () => {
    // The slow receiver answers after 800 ms (within the 1 s timeout) and counts requests in flight.
    let inFlight = 0;
    let maxInFlight = 0;
    const slowArrivals: number[] = [];
    const slow = createServer((req, res) => {
      inFlight++;
      maxInFlight = Math.max(maxInFlight, inFlight);
      slowArrivals.push(Date.now());
      // In flight until the connection ends either way: a sender that timed out has let go too.
      res.on("close", () => inFlight--);
      req.resume();
      setTimeout(() => res.writeHead(200).end("ok"), 800);
    });
    await new Promise<void>((resolve) => slow.listen(0, "127.0.0.1", resolve));
    const fast = await startReceiver();
    try {
      const s = await store();
      const slowUrl = `http://127.0.0.1:${(slow.address() as AddressInfo).port}/slow`;
      for (const url of [slowUrl, fast.url])
        await s.call("POST", "/api/v1/webhooks", { url, events: ["product.created"] });
      // Eight events committed at once (one import), so both endpoints get their eight together.
      const csv = ["name_en,name_ar,price", ...Array.from({ length: 8 }, (_, i) => `Lamp ${i},,1`)];
      const imported = await t.request("/api/v1/store/products/import", {
        method: "POST",
        headers: {
          "x-tenant-id": s.tenant.slug,
          authorization: `Bearer ${s.token}`,
          "content-type": "text/csv",
        },
        body: csv.join("\n"),
      });
      expect(imported.status).toBe(200);
      await fast.waitFor(8, 20_000);
      const fastDoneAt = Date.now();
      await expect.poll(() => slowArrivals.length, { timeout: 20_000 }).toBe(8);
      // Eight 800 ms replies, two at a time, take over 3 s; the fast endpoint did not wait for them.
      expect(fastDoneAt).toBeLessThan(slowArrivals[7]!);
      expect(maxInFlight).toBeGreaterThan(0);
      expect(maxInFlight).toBeLessThanOrEqual(2);
    } finally {
      await fast.close();
      slow.closeAllConnections();
      await new Promise((resolve) => slow.close(resolve));
    }
  });

  it("delivers a product.created event signed both ways, byte for byte, Arabic unescaped; the guide's receivers verify it", async () => {
    const receiver = await startReceiver();
    try {
      const s = await store();
      const { secret } = await (
        await s.call("POST", "/api/v1/webhooks", { url: receiver.url, events: ["product.created"] })
      ).json();
      await s.call("POST", "/api/v1/store/products", {
        name: { en: "Arabic Coffee", ar: "قهوة عربية" },
        price: 45,
      });
      const [r] = await receiver.waitFor(1);
      expect(r!.body).toContain("قهوة عربية");
      expect(JSON.stringify(JSON.parse(r!.body))).toBe(r!.body);
      const payload = JSON.parse(r!.body);
      expect(Object.keys(payload)).toEqual([
        "id",
        "event",
        "created_at",
        "tenant_id",
        "api_version",
        "data",
      ]);
      expect(payload).toMatchObject({
        event: "product.created",
        tenant_id: s.tenant.slug,
        data: { name: { ar: "قهوة عربية" } },
      });
      expect(r!.headers["content-type"]).toBe("application/json");
      expect(r!.headers["user-agent"]).toBe("BrainSAIT-Webhooks/1");
      expect(r!.headers["x-webhook-event"]).toBe("product.created");
      expect(r!.headers["webhook-id"]).toBe(payload.id);
      expect(expressVerifies(secret, r!)).toBe(true);
      expect(flaskVerifies(secret, r!)).toBe(true);
      expect(() =>
        new Webhook(secret).verify(r!.body, r!.headers as Record<string, string>),
      ).not.toThrow();
      expect(verifyWebhook({ secret, body: r!.body, headers: r!.headers }).event).toBe(
        "product.created",
      );
      expect(() =>
        verifyWebhook({
          secret: "whsec_" + Buffer.from("x".repeat(24)).toString("base64"),
          body: r!.body,
          headers: r!.headers,
        }),
      ).toThrow();
    } finally {
      await receiver.close();
    }
  });

  it("retries through failures, a timeout and a 429 with Retry-After, following the schedule, until it arrives", async () => {
    const receiver = await startReceiver([
      { status: 500 },
      { status: 200, delayMs: 1500 },
      { status: 429, headers: { "retry-after": "2" } },
      { status: 200 },
    ]);
    try {
      const s = await store();
      const { id } = await (
        await s.call("POST", "/api/v1/webhooks", { url: receiver.url, events: ["*"] })
      ).json();
      await s.call("POST", "/api/v1/store/products", { name: { en: "Retry me" }, price: 1 });
      const got = await receiver.waitFor(4, 30_000);
      const gaps = got.slice(1).map((r, i) => r.at - got[i]!.at);
      // 300 ms (after the 500), 600 ms after the timeout (1 s) began, then Retry-After 2 s over 900 ms.
      expect(gaps[0]).toBeGreaterThanOrEqual(SCHEDULE[0]! * 0.9);
      expect(gaps[1]).toBeGreaterThanOrEqual(1000 + SCHEDULE[1]! * 0.9);
      expect(gaps[2]).toBeGreaterThanOrEqual(2000);
      expect(new Set(got.map((r) => r.headers["webhook-id"])).size).toBe(1);
      expect(new Set(got.map((r) => r.body)).size).toBe(1);
      await new Promise((r) => setTimeout(r, 300));
      const deliveries = await (await s.call("GET", `/api/v1/webhooks/${id}/deliveries`)).json();
      expect(deliveries.data[0]).toMatchObject({
        status: "succeeded",
        attempts: 4,
        last_status_code: 200,
      });
      const detail = await (
        await s.call("GET", `/api/v1/webhook-deliveries/${deliveries.data[0].id}`)
      ).json();
      expect(
        detail.attempt_log.map(
          (a: { response_status: number | null; error: string | null }) =>
            a.response_status ?? "timeout",
        ),
      ).toEqual([500, "timeout", 429, 200]);
      expect(detail.attempt_log[0].request_headers["webhook-signature"]).toMatch(/^v1,/);
    } finally {
      await receiver.close();
    }
  });

  it("gives up after the last step of the schedule", async () => {
    const receiver = await startReceiver(Array.from({ length: 10 }, () => ({ status: 500 })));
    try {
      const s = await store();
      const { id } = await (
        await s.call("POST", "/api/v1/webhooks", { url: receiver.url, events: ["*"] })
      ).json();
      await s.call("POST", "/api/v1/store/products", { name: { en: "Doomed" }, price: 1 });
      await receiver.waitFor(SCHEDULE.length + 1, 30_000);
      await new Promise((r) => setTimeout(r, 1500));
      expect(receiver.received).toHaveLength(SCHEDULE.length + 1);
      const deliveries = await (await s.call("GET", `/api/v1/webhooks/${id}/deliveries`)).json();
      expect(deliveries.data[0]).toMatchObject({ status: "failed", attempts: SCHEDULE.length + 1 });
      const endpoint = await (await s.call("GET", `/api/v1/webhooks/${id}`)).json();
      expect(endpoint.health.failing_since).not.toBeNull();
      expect(endpoint.enabled).toBe(true);
    } finally {
      await receiver.close();
    }
  });

  it("410 Gone disables the endpoint and raises webhook.endpoint_disabled", async () => {
    const receiver = await startReceiver([{ status: 410 }]);
    try {
      const s = await store();
      const { id } = await (
        await s.call("POST", "/api/v1/webhooks", { url: receiver.url, events: ["product.created"] })
      ).json();
      await s.call("POST", "/api/v1/store/products", { name: { en: "Gone" }, price: 1 });
      await receiver.waitFor(1);
      await new Promise((r) => setTimeout(r, 500));
      const endpoint = await (await s.call("GET", `/api/v1/webhooks/${id}`)).json();
      expect(endpoint).toMatchObject({
        enabled: false,
        disabled_reason: expect.stringContaining("410"),
        disabled_code: "receiver_gone",
      });
      const events = await t.db
        .select()
        .from(outboxEvents)
        .where(
          and(
            eq(outboxEvents.tenantId, s.tenant.id),
            eq(outboxEvents.event, "webhook.endpoint_disabled"),
          ),
        );
      expect(events).toHaveLength(1);
      await s.call("POST", "/api/v1/store/products", { name: { en: "Not sent" }, price: 1 });
      await new Promise((r) => setTimeout(r, 1000));
      expect(receiver.received).toHaveLength(1);
    } finally {
      await receiver.close();
    }
  });

  it("an endpoint failing for five days is disabled", async () => {
    const receiver = await startReceiver([{ status: 500 }]);
    try {
      const s = await store();
      const { id } = await (
        await s.call("POST", "/api/v1/webhooks", { url: receiver.url, events: ["*"] })
      ).json();
      await t.db
        .update(webhookEndpoints)
        .set({ failingSince: new Date(Date.now() - 5 * 86_400_000 - 1000) })
        .where(eq(webhookEndpoints.id, id));
      await s.call("POST", "/api/v1/store/products", { name: { en: "Last straw" }, price: 1 });
      await receiver.waitFor(1);
      await new Promise((r) => setTimeout(r, 500));
      expect(await (await s.call("GET", `/api/v1/webhooks/${id}`)).json()).toMatchObject({
        enabled: false,
        disabled_reason: "Deliveries failed for 5 days",
        disabled_code: "failing_for_5_days",
      });
    } finally {
      await receiver.close();
    }
  });
});

describe("secrets, test events, resend", () => {
  it("rotation: for 24 hours both secrets sign (webhook-signature has two); X-Webhook-Signature uses the new one", async () => {
    const receiver = await startReceiver();
    try {
      const s = await store();
      const { id, secret: old } = await (
        await s.call("POST", "/api/v1/webhooks", { url: receiver.url, events: ["*"] })
      ).json();
      const rotated = await (await s.call("POST", `/api/v1/webhooks/${id}/rotate-secret`)).json();
      expect(rotated.secret).not.toBe(old);
      const test = await (await s.call("POST", `/api/v1/webhooks/${id}/test`)).json();
      expect(test.attempt.response_status).toBe(200);
      const [r] = await receiver.waitFor(1);
      expect(String(r!.headers["webhook-signature"]).split(" ")).toHaveLength(2);
      expect(verifyWebhook({ secret: old, body: r!.body, headers: r!.headers }).event).toBe(
        "webhook.test",
      );
      expect(
        verifyWebhook({ secret: rotated.secret, body: r!.body, headers: r!.headers }).event,
      ).toBe("webhook.test");
      expect(flaskVerifies(rotated.secret, r!)).toBe(true);
      // After the overlap only the new secret signs.
      await t.db
        .update(webhookEndpoints)
        .set({ previousSecretExpiresAt: new Date(t.clock.now.getTime() - 1000) })
        .where(eq(webhookEndpoints.id, id));
      await s.call("POST", `/api/v1/webhooks/${id}/test`);
      const [, second] = await receiver.waitFor(2);
      expect(String(second!.headers["webhook-signature"]).split(" ")).toHaveLength(1);
      expect(() =>
        verifyWebhook({ secret: old, body: second!.body, headers: second!.headers }),
      ).toThrow();
    } finally {
      await receiver.close();
    }
  });

  it("verifyWebhook refuses a replay older than five minutes", async () => {
    const receiver = await startReceiver();
    try {
      const s = await store();
      const { id, secret } = await (
        await s.call("POST", "/api/v1/webhooks", { url: receiver.url, events: ["*"] })
      ).json();
      await s.call("POST", `/api/v1/webhooks/${id}/test`);
      const [r] = await receiver.waitFor(1);
      expect(() =>
        verifyWebhook({
          secret,
          body: r!.body,
          headers: r!.headers,
          now: new Date(Date.now() + 6 * 60_000),
        }),
      ).toThrow(/tolerance/);
    } finally {
      await receiver.close();
    }
  });

  it("resends a delivery with the same body and webhook-id, logged as another attempt", async () => {
    const receiver = await startReceiver([{ status: 500 }]);
    try {
      const s = await store();
      const { id } = await (
        await s.call("POST", "/api/v1/webhooks", { url: receiver.url, events: ["*"] })
      ).json();
      const test = await (await s.call("POST", `/api/v1/webhooks/${id}/test`)).json();
      expect(test.attempt.response_status).toBe(500);
      const again = await (
        await s.call("POST", `/api/v1/webhook-deliveries/${test.delivery_id}/resend`)
      ).json();
      expect(again).toMatchObject({ number: 2, response_status: 200 });
      const [a, b] = await receiver.waitFor(2);
      expect(a!.body).toBe(b!.body);
      expect(a!.headers["webhook-id"]).toBe(b!.headers["webhook-id"]);
      const detail = await (
        await s.call("GET", `/api/v1/webhook-deliveries/${test.delivery_id}`)
      ).json();
      expect(detail).toMatchObject({ status: "succeeded", attempts: 2 });
    } finally {
      await receiver.close();
    }
  });
});

describe("SSRF", () => {
  it.each([
    "http://example.com/h",
    "https://127.0.0.1/h",
    "https://10.1.2.3/h",
    "https://169.254.169.254/latest/meta-data",
    "https://[::1]/h",
    "https://[::ffff:10.0.0.1]/h",
    "https://user:pw@example.com/h",
  ])("refuses %s when private targets are not allowed", async (url) => {
    const { checkUrlForm } = await import("@/lib/webhooks/sender");
    expect(() => checkUrlForm(url, false)).toThrow();
  });

  it("refuses at send time a name that resolves to a private address", async () => {
    const { sendWebhook } = await import("@/lib/webhooks/sender");
    const result = await sendWebhook("https://localhost/h", {}, "{}", false);
    expect(result.status).toBeNull();
    expect(result.error).toMatch(/refused: .*private or reserved/);
  });

  it("does not follow redirects", async () => {
    const receiver = await startReceiver([
      { status: 302, headers: { location: "http://169.254.169.254/" } },
    ]);
    try {
      const { sendWebhook } = await import("@/lib/webhooks/sender");
      const result = await sendWebhook(receiver.url, {}, "{}", true);
      expect(result.status).toBe(302);
      expect(receiver.received).toHaveLength(1);
    } finally {
      await receiver.close();
    }
  });
});

describe("activity feed", () => {
  it("lists the store's latest events", async () => {
    const s = await store();
    await s.call("POST", "/api/v1/store/products", { name: { en: "Feed me" }, price: 1 });
    const feed = await (await s.call("GET", "/api/v1/events/recent")).json();
    expect(feed.data[0]).toMatchObject({
      event: "product.created",
      summary: { name: { en: "Feed me" } },
    });
    const other = await store();
    expect((await (await other.call("GET", "/api/v1/events/recent")).json()).data).toEqual([]);
  });
});
