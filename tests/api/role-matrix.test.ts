import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { outboxEvents } from "@/lib/events/schema";
import type { Role } from "@/lib/users/schema";
import { createTenant, createTestApi, createUser, login, type TestApi } from "./harness";

/**
 * The role matrix of docs/roles.md, route by route: written out, not derived from the code, so
 * a change to the rules must change this table too. "ok" means any reply but 401/403.
 */
const Y = "ok";
const N = 403;
type Expect = typeof Y | typeof N;
const ALL = { owner: Y, admin: Y, staff: Y, viewer: Y } as const;
const WRITERS = { owner: Y, admin: Y, staff: Y, viewer: N } as const;
const MANAGERS = { owner: Y, admin: Y, staff: N, viewer: N } as const;
/** An id no row has: the refusal must come before the lookup (a 404 counts as "ok"). */
const NONE = "00000000-0000-4000-8000-000000000000";
/** Valid bodies, so a refusal cannot hide behind a 422. */
const NEW_ORDER = { items: [{ product_id: NONE, quantity: 1 }], customer_email: "m@example.com" };
const NEW_ENDPOINT = { url: "https://example.com/hook", events: ["order.created"] };
const ROUTES: [string, string, unknown, Record<Role, Expect>][] = [
  ["GET", "/api/v1/auth/me", undefined, { owner: Y, admin: Y, staff: Y, viewer: Y }],
  ["GET", "/api/v1/store/products", undefined, { owner: Y, admin: Y, staff: Y, viewer: Y }],
  [
    "GET",
    "/api/v1/store/products/categories",
    undefined,
    { owner: Y, admin: Y, staff: Y, viewer: Y },
  ],
  ["GET", "/api/v1/store/products/export", undefined, { owner: Y, admin: Y, staff: Y, viewer: Y }],
  [
    "POST",
    "/api/v1/store/products",
    { name: { en: "x" }, price: 1 },
    { owner: Y, admin: Y, staff: Y, viewer: N },
  ],
  [
    "PATCH",
    "/api/v1/store/products/00000000-0000-4000-8000-000000000000",
    { price: 2 },
    { owner: Y, admin: Y, staff: Y, viewer: N },
  ],
  [
    "DELETE",
    "/api/v1/store/products/00000000-0000-4000-8000-000000000000",
    undefined,
    { owner: Y, admin: Y, staff: Y, viewer: N },
  ],
  [
    "POST",
    "/api/v1/store/products/bulk",
    { ids: ["00000000-0000-4000-8000-000000000000"], action: "archive" },
    { owner: Y, admin: Y, staff: Y, viewer: N },
  ],
  ["GET", "/api/v1/api-keys", undefined, { owner: Y, admin: Y, staff: N, viewer: N }],
  [
    "POST",
    "/api/v1/api-keys",
    { name: "k", scopes: ["products:read"] },
    { owner: Y, admin: Y, staff: N, viewer: N },
  ],
  [
    "DELETE",
    "/api/v1/api-keys/00000000-0000-4000-8000-000000000000",
    undefined,
    { owner: Y, admin: Y, staff: N, viewer: N },
  ],
  ["GET", "/api/v1/users", undefined, { owner: Y, admin: Y, staff: N, viewer: N }],
  ["GET", "/api/v1/users/invitations", undefined, { owner: Y, admin: Y, staff: N, viewer: N }],
  [
    "POST",
    "/api/v1/users/invitations",
    { email: "matrix@example.com", role: "viewer" },
    { owner: Y, admin: Y, staff: N, viewer: N },
  ],
  [
    "POST",
    "/api/v1/users/invitations",
    { email: "matrix-owner@example.com", role: "owner" },
    { owner: Y, admin: N, staff: N, viewer: N },
  ],
  ["GET", "/api/v1/store/settings", undefined, { owner: Y, admin: Y, staff: Y, viewer: Y }],
  [
    "PATCH",
    "/api/v1/store/settings",
    { name: { en: "Renamed" } },
    { owner: Y, admin: Y, staff: N, viewer: N },
  ],
  [
    "PATCH",
    "/api/v1/store/settings",
    { vat_rate: 15 },
    { owner: Y, admin: N, staff: N, viewer: N },
  ],
  ["GET", "/api/v1/audit-log", undefined, { owner: Y, admin: Y, staff: N, viewer: N }],
  // Orders: people who may write orders create and move them; refunds need payments:refund.
  ["GET", "/api/v1/store/orders", undefined, ALL],
  ["GET", "/api/v1/store/orders/export", undefined, ALL],
  ["GET", `/api/v1/store/orders/${NONE}`, undefined, ALL],
  ["POST", "/api/v1/store/orders", NEW_ORDER, WRITERS],
  ["PATCH", `/api/v1/store/orders/${NONE}`, { notes: "matrix" }, WRITERS],
  ["PATCH", `/api/v1/store/orders/${NONE}`, { status: "refunded" }, MANAGERS],
  ["PATCH", `/api/v1/store/orders/${NONE}`, { status: "partially_refunded" }, MANAGERS],
  // Invoices: everyone reads them; issuing one by hand is writing the order.
  ["GET", "/api/v1/invoices", undefined, ALL],
  ["GET", "/api/v1/invoices/export", undefined, ALL],
  ["GET", `/api/v1/invoices/${NONE}`, undefined, ALL],
  ["GET", `/api/v1/store/orders/${NONE}/invoices`, undefined, ALL],
  ["POST", `/api/v1/store/orders/${NONE}/invoices`, undefined, WRITERS],
  // Webhooks: everyone reads endpoints and deliveries; owners and admins change them and see secrets.
  ["GET", "/api/v1/webhooks", undefined, ALL],
  ["POST", "/api/v1/webhooks", NEW_ENDPOINT, MANAGERS],
  ["GET", `/api/v1/webhooks/${NONE}`, undefined, ALL],
  ["PATCH", `/api/v1/webhooks/${NONE}`, { enabled: false }, MANAGERS],
  ["DELETE", `/api/v1/webhooks/${NONE}`, undefined, MANAGERS],
  ["GET", `/api/v1/webhooks/${NONE}/secret`, undefined, MANAGERS],
  ["POST", `/api/v1/webhooks/${NONE}/rotate-secret`, undefined, MANAGERS],
  ["POST", `/api/v1/webhooks/${NONE}/test`, undefined, MANAGERS],
  ["GET", `/api/v1/webhooks/${NONE}/deliveries`, undefined, ALL],
  ["GET", `/api/v1/webhook-deliveries/${NONE}`, undefined, ALL],
  ["POST", `/api/v1/webhook-deliveries/${NONE}/resend`, undefined, MANAGERS],
  ["GET", "/api/v1/events/recent", undefined, { owner: Y, admin: Y, staff: Y, viewer: Y }],
];

/** Which events of the activity feed each role sees: those of resources it may read. */
const FEED: [string, Record<Role, boolean>][] = [
  ["product.created", { owner: true, admin: true, staff: true, viewer: true }],
  ["order.created", { owner: true, admin: true, staff: true, viewer: true }],
  ["invoice.issued", { owner: true, admin: true, staff: true, viewer: true }],
  ["payment.completed", { owner: true, admin: true, staff: true, viewer: true }],
  ["tenant.updated", { owner: true, admin: true, staff: true, viewer: true }],
  ["webhook.endpoint_disabled", { owner: true, admin: true, staff: true, viewer: true }],
  ["app.installed", { owner: true, admin: true, staff: true, viewer: true }],
  ["user.created", { owner: true, admin: true, staff: false, viewer: false }],
];

let t: TestApi;
const tokens = {} as Record<Role, string>;
let slug: string;
beforeAll(async () => {
  t = await createTestApi();
  const tenant = await createTenant(t);
  slug = tenant.slug;
  await t.db
    .insert(outboxEvents)
    .values(
      FEED.map(([event]) => ({ tenantId: tenant.id, event, apiVersion: "2026-11-01", data: {} })),
    );
  for (const role of ["owner", "admin", "staff", "viewer"] as const) {
    tokens[role] = (await login(t, tenant, await createUser(t, tenant, { role }))).access_token;
  }
});
afterAll(() => t.close());

describe("role matrix", () => {
  const cases = ROUTES.flatMap(([method, path, body, expected]) =>
    (Object.keys(expected) as Role[]).map(
      (role) => [role, method, path, body, expected[role]] as const,
    ),
  );
  it.each(cases)("%s %s %s -> %s", async (role, method, path, body, expected) => {
    const res = await t.request(path, {
      method,
      headers: { "x-tenant-id": slug, authorization: `Bearer ${tokens[role]}` },
      json: body,
    });
    if (expected === N) {
      expect(res.status).toBe(403);
      expect((await res.json()).type).toBe("permission_error");
    } else {
      expect([401, 403]).not.toContain(res.status);
      // A mistyped path would pass as "ok" too.
      const reply = res.status === 404 ? await res.json() : {};
      expect(reply.code).not.toBe("ROUTE_NOT_FOUND");
    }
  });
});

describe("activity feed by role", () => {
  it.each(["owner", "admin", "staff", "viewer"] as const)("%s", async (role) => {
    const res = await t.request("/api/v1/events/recent", {
      headers: { "x-tenant-id": slug, authorization: `Bearer ${tokens[role]}` },
    });
    // The matrix above raises more events (products, settings); count each kind once.
    const seen = [...new Set(((await res.json()).data as { event: string }[]).map((e) => e.event))];
    seen.sort();
    expect(seen).toEqual(
      FEED.filter(([, roles]) => roles[role])
        .map(([event]) => event)
        .sort(),
    );
  });
});
