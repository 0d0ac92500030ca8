/**
 * Issue 10 (hostile-client run), platform items: Idempotency-Key scope and streamed replies (13),
 * the client address behind a trusted proxy (14).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { idempotencyKeys } from "@/lib/api/platform/schema";
import { authenticate } from "@/lib/api/platform/middleware/authenticate";
import { CSV_COLUMNS } from "@/lib/products/csv";
import { orders } from "@/lib/orders/schema";
import { products } from "@/lib/products/schema";
import type { Tenant } from "@/lib/tenants/schema";
import {
  createTenant,
  createTestApi,
  createUser,
  expectError,
  login,
  type TestApi,
} from "./harness";

let t: TestApi;
let release: () => void = () => {};
beforeAll(async () => {
  t = await createTestApi({
    routes(app) {
      // A reply that streams its first line at once and ends only when the test says so.
      // What the drivers throw while PostgreSQL restarts, wrapped as Drizzle wraps them.
      // Outside /api/v1: no store needed, the same error handler.
      app.get("/_test/db-down/:code", (c) => {
        const code = c.req.param("code");
        throw new Error("Failed query: select 1", {
          cause: Object.assign(new Error(`driver says ${code}`), { code }),
        });
      });
      app.post("/api/v1/_test/stream", authenticate, (c) => {
        const encoder = new TextEncoder();
        const body = new ReadableStream<Uint8Array>({
          start(controller) {
            controller.enqueue(encoder.encode('{"type":"progress"}\n'));
            release = () => {
              release = () => {};
              controller.enqueue(encoder.encode('{"type":"result"}\n'));
              controller.close();
            };
          },
        });
        return c.body(body, 200, { "Content-Type": "application/x-ndjson; charset=utf-8" });
      });
    },
  });
});
afterAll(() => t.close());

async function shop() {
  const tenant = await createTenant(t);
  const owner = await createUser(t, tenant, { role: "owner" });
  const tokens = await login(t, tenant, owner);
  const [product] = await t.db
    .insert(products)
    .values({
      tenantId: tenant.id,
      nameEn: "Rug",
      nameAr: "سجادة",
      priceMinor: 1000,
      currency: tenant.currency,
      inventory: 1000,
      status: "active",
    })
    .returning();
  return { tenant, owner, tokens, productId: product!.id };
}

const createOrder = (tenantHeader: string, token: string, key: string, productId: string) =>
  t.request("/api/v1/store/orders", {
    method: "POST",
    headers: {
      "x-tenant-id": tenantHeader,
      authorization: `Bearer ${token}`,
      "idempotency-key": key,
    },
    json: { items: [{ product_id: productId, quantity: 1 }] },
  });

const orderCount = async (tenant: Tenant) =>
  (await t.db.select().from(orders).where(eq(orders.tenantId, tenant.id))).length;

describe("Idempotency-Key is scoped by the store and the caller's identity", () => {
  it("replays after the access token was refreshed (one order)", async () => {
    const s = await shop();
    const first = await createOrder(s.tenant.slug, s.tokens.access_token, "order-1", s.productId);
    expect(first.status).toBe(201);
    t.clock.now = new Date(t.clock.now.getTime() + 60_000);
    const refreshed = await t.request("/api/v1/auth/refresh", {
      method: "POST",
      headers: { "x-tenant-id": s.tenant.slug },
      json: { refresh_token: s.tokens.refresh_token },
    });
    expect(refreshed.status).toBe(200);
    const { access_token } = (await refreshed.json()) as { access_token: string };
    expect(access_token).not.toBe(s.tokens.access_token);
    const again = await createOrder(s.tenant.slug, access_token, "order-1", s.productId);
    expect(again.status).toBe(201);
    expect(again.headers.get("idempotent-replayed")).toBe("true");
    expect(await again.json()).toEqual(await first.json());
    expect(await orderCount(s.tenant)).toBe(1);
  });

  it("replays whatever the spelling of X-Tenant-ID", async () => {
    const s = await shop();
    const token = s.tokens.access_token;
    expect((await createOrder(s.tenant.slug, token, "k", s.productId)).status).toBe(201);
    const upper = await createOrder(` ${s.tenant.slug.toUpperCase()}`, token, "k", s.productId);
    expect(upper.status).toBe(201);
    expect(upper.headers.get("idempotent-replayed")).toBe("true");
    expect(await orderCount(s.tenant)).toBe(1);
  });

  it("two users of one store with the same key do not collide", async () => {
    const s = await shop();
    const clerk = await createUser(t, s.tenant, { role: "admin" });
    const other = await login(t, s.tenant, clerk);
    const first = await createOrder(s.tenant.slug, s.tokens.access_token, "same", s.productId);
    expect(first.status).toBe(201);
    const second = await createOrder(s.tenant.slug, other.access_token, "same", s.productId);
    expect(second.status).toBe(201);
    expect(second.headers.get("idempotent-replayed")).toBeNull();
    expect(await orderCount(s.tenant)).toBe(2);
  });

  it("an API key's replays are keyed by the key's id, not how the header was spelled", async () => {
    const s = await shop();
    const keyFor = async () => {
      const res = await t.request("/api/v1/api-keys", {
        method: "POST",
        headers: { "x-tenant-id": s.tenant.slug, authorization: `Bearer ${s.tokens.access_token}` },
        json: { name: "Sync", scopes: ["orders:write", "orders:read"] },
      });
      expect(res.status).toBe(201);
      return (await res.json()) as { id: string; key: string };
    };
    const a = await keyFor();
    const b = await keyFor();
    const send = (authorization: string) =>
      t.request("/api/v1/store/orders", {
        method: "POST",
        headers: { "x-tenant-id": s.tenant.slug, authorization, "idempotency-key": "sync-42" },
        json: { items: [{ product_id: s.productId, quantity: 1 }] },
      });
    expect((await send(`Bearer ${a.key}`)).status).toBe(201);
    const replay = await send(`bearer ${a.key}`);
    expect(replay.status).toBe(201);
    expect(replay.headers.get("idempotent-replayed")).toBe("true");
    // Another key of the same store is another client.
    const otherKey = await send(`Bearer ${b.key}`);
    expect(otherKey.headers.get("idempotent-replayed")).toBeNull();
    expect(await orderCount(s.tenant)).toBe(2);
    const scopes = (
      await t.db.select().from(idempotencyKeys).where(eq(idempotencyKeys.key, "sync-42"))
    ).map((r) => r.scope);
    expect(scopes.sort()).toEqual(
      [`${s.tenant.id}:key:${a.id}`, `${s.tenant.id}:key:${b.id}`].sort(),
    );
  });

  it("an unauthenticated POST with a key is refused before anything is stored", async () => {
    const s = await shop();
    await expectError(
      await createOrder(s.tenant.slug, "not-a-token", "anon", s.productId),
      401,
      "AUTH_003",
    );
    expect(
      await t.db.select().from(idempotencyKeys).where(eq(idempotencyKeys.key, "anon")),
    ).toEqual([]);
  });
});

describe("the database unreachable for a moment", () => {
  it("is a 503 with Retry-After in the error envelope, not a 500", async () => {
    // Refused, cut off by a shutdown, still starting up.
    for (const code of ["ECONNREFUSED", "57P01", "57P03"]) {
      const res = await t.request(`/_test/db-down/${code}`);
      await expectError(res, 503, "DATABASE_UNAVAILABLE");
      expect(Number(res.headers.get("retry-after"))).toBeGreaterThan(0);
    }
  });
});

describe("Idempotency-Key after the process holding it died", () => {
  it("a claim left in progress is refused while fresh and taken over once its lease ran out", async () => {
    const s = await shop();
    const send = () => createOrder(s.tenant.slug, s.tokens.access_token, "died-1", s.productId);
    expect((await send()).status).toBe(201);
    // As a process killed mid-request leaves it: claimed, never completed, no longer renewed.
    const leaveClaim = (ageSeconds: number) =>
      t.db
        .update(idempotencyKeys)
        .set({
          statusCode: null,
          responseBody: null,
          createdAt: new Date(t.clock.now.getTime() - ageSeconds * 1000),
        })
        .where(eq(idempotencyKeys.key, "died-1"));
    await leaveClaim(5);
    const early = await send();
    await expectError(early, 409, "IDEMPOTENCY_IN_PROGRESS");
    expect(Number(early.headers.get("retry-after"))).toBeGreaterThan(0);
    // Past the lease (30 s by default) the retry runs the request again and completes the key.
    await leaveClaim(31);
    const retried = await send();
    expect(retried.status).toBe(201);
    expect(retried.headers.get("idempotent-replayed")).toBeNull();
    expect(await orderCount(s.tenant)).toBe(2);
    const replay = await send();
    expect(replay.headers.get("idempotent-replayed")).toBe("true");
    expect(await replay.json()).toEqual(await retried.json());
  });
});

describe("Idempotency-Key on a streamed reply", () => {
  it("streams the reply as it is produced, then stores it for replay", async () => {
    const s = await shop();
    const send = () =>
      t.request("/api/v1/_test/stream", {
        method: "POST",
        headers: {
          "x-tenant-id": s.tenant.slug,
          authorization: `Bearer ${s.tokens.access_token}`,
          "idempotency-key": "stream-1",
        },
      });
    try {
      const first = await Promise.race([
        send(),
        new Promise<"held back">((resolve) => setTimeout(() => resolve("held back"), 2_000)),
      ]);
      expect(first).not.toBe("held back");
      const reader = (first as Response).body!.getReader();
      expect(new TextDecoder().decode((await reader.read()).value)).toBe('{"type":"progress"}\n');
      // While the stream runs, a retry waits.
      await expectError(await send(), 409, "IDEMPOTENCY_IN_PROGRESS");
      release();
      while (!(await reader.read()).done) continue;
    } finally {
      release();
    }
    let replay = await send();
    for (let i = 0; i < 50 && replay.status === 409; i++) {
      await new Promise((resolve) => setTimeout(resolve, 20));
      replay = await send();
    }
    expect(replay.status).toBe(200);
    expect(replay.headers.get("idempotent-replayed")).toBe("true");
    expect(await replay.text()).toBe('{"type":"progress"}\n{"type":"result"}\n');
  });

  it("a streamed CSV import replays instead of importing twice", async () => {
    const s = await shop();
    const csv = `${CSV_COLUMNS.join(",")}\n,Lamp,مصباح,,,10,,,,,3,\n`;
    const send = () =>
      t.request("/api/v1/store/products/import", {
        method: "POST",
        headers: {
          "x-tenant-id": s.tenant.slug,
          authorization: `Bearer ${s.tokens.access_token}`,
          "idempotency-key": "import-1",
          "content-type": "text/csv",
          accept: "application/x-ndjson",
        },
        body: csv,
      });
    const first = await send();
    expect(first.status).toBe(200);
    const lines = (await first.text()).trim().split("\n");
    expect(JSON.parse(lines.at(-1)!)).toMatchObject({ type: "result", created: 1 });
    let replay = await send();
    for (let i = 0; i < 50 && replay.status === 409; i++) {
      await new Promise((resolve) => setTimeout(resolve, 20));
      replay = await send();
    }
    expect(replay.headers.get("idempotent-replayed")).toBe("true");
    const rows = await t.db.select().from(products).where(eq(products.tenantId, s.tenant.id));
    expect(rows.filter((p) => p.nameEn === "Lamp")).toHaveLength(1);
  });
});

describe("client address behind TRUST_PROXY", () => {
  it("a client's own X-Forwarded-For entries do not move it to another rate-limit bucket", async () => {
    const small = await createTestApi({ rateLimitPoints: 3 });
    try {
      (small.config as { trustProxy: unknown }).trustProxy = 1;
      // The load balancer (the socket peer) appends the address it saw to what the client sent.
      const viaProxy = (clientSent: string, seenByProxy: string) =>
        small.api.request(
          "/health",
          { headers: { "x-forwarded-for": `${clientSent}, ${seenByProxy}` } },
          { incoming: { socket: { remoteAddress: "10.0.0.2" } } } as never,
        );
      const statuses: number[] = [];
      for (let i = 0; i < 4; i++)
        statuses.push((await viaProxy(`203.0.113.${i + 1}`, "198.51.100.20")).status);
      expect(statuses).toEqual([200, 200, 200, 429]);
      // Another client behind the same proxy has its own bucket.
      expect((await viaProxy("203.0.113.1", "198.51.100.21")).status).toBe(200);
    } finally {
      await small.close();
    }
  });
});
