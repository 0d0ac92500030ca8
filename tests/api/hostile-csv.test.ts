import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getRequestListener } from "@hono/node-server";
import Papa from "papaparse";
import { createApi } from "@/lib/api/app";
import type { Db } from "@/lib/db/client";
import { orders } from "@/lib/orders/schema";
import { products } from "@/lib/products/schema";
import { importProductsCsv } from "@/lib/products/csv";
import type { Tenant } from "@/lib/tenants/schema";
import {
  createTenant,
  createTestApi,
  createUser,
  expectError,
  login,
  testDeps,
  type TestApi,
} from "./harness";
import { expectUnhandledErrors } from "./setup";
import { notifyCredentialChanges } from "@/lib/auth/credential-cache";

/**
 * Issue 10, CSV: exports check everything before the first byte and abort (never end cleanly)
 * when they fail after it; cells that a spreadsheet would run as a formula are escaped and come
 * back unchanged on import; text PostgreSQL cannot store is refused per row on import.
 */
let t: TestApi;
/** A second API over the same database whose reads of products/orders can be made to fail. */
let broken: { api: ReturnType<typeof createApi>; fail: Map<unknown, number>; url: string };
let server: Server;

/** Drizzle's db, except that `select().from(table)` throws once `fail` allows that table no more reads. */
function failingDb(db: Db, fail: Map<unknown, number>): Db {
  return new Proxy(db, {
    get(target, prop) {
      const value = Reflect.get(target, prop, target);
      if (prop !== "select") return typeof value === "function" ? value.bind(target) : value;
      return (...args: unknown[]) => {
        const builder = (target.select as (...a: unknown[]) => object)(...args);
        return new Proxy(builder, {
          get(b, p) {
            const v = Reflect.get(b, p, b);
            if (p !== "from") return typeof v === "function" ? v.bind(b) : v;
            return (table: unknown, ...rest: unknown[]) => {
              const left = fail.get(table);
              if (left === 0) throw new Error("Connection terminated unexpectedly");
              if (left !== undefined) fail.set(table, left - 1);
              return (v as (...a: unknown[]) => unknown).call(b, table, ...rest);
            };
          },
        });
      };
    },
  }) as Db;
}

beforeAll(async () => {
  t = await createTestApi();
  const { deps } = testDeps(t.database);
  deps.config = t.config; // the same signing secret: tokens of `t` work here
  const fail = new Map<unknown, number>();
  deps.db = failingDb(t.db, fail);
  const api = createApi(deps);
  server = createServer(getRequestListener(api.fetch));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  broken = { api, fail, url: `http://127.0.0.1:${port}` };
});
afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  await t.close();
});

async function shop() {
  const tenant = await createTenant(t);
  const { access_token } = await login(t, tenant, await createUser(t, tenant));
  const headers = { "x-tenant-id": tenant.slug, authorization: `Bearer ${access_token}` };
  const call = (method: string, path: string, init: { json?: unknown; body?: string } = {}) =>
    t.request(path, {
      method,
      ...init,
      headers: init.body === undefined ? headers : { ...headers, "content-type": "text/csv" },
    });
  return { tenant, headers, call };
}

const decode = async (res: Response) =>
  new TextDecoder("utf-8", { ignoreBOM: true }).decode(await res.arrayBuffer());

async function seedProducts(tenant: Tenant, n: number) {
  await t.db.insert(products).values(
    Array.from({ length: n }, (_, i) => ({
      tenantId: tenant.id,
      nameEn: `Item ${i}`,
      priceMinor: 100 + i,
      currency: "SAR",
    })),
  );
}

async function seedOrders(tenant: Tenant, n: number) {
  await t.db.insert(orders).values(
    Array.from({ length: n }, (_, i) => ({
      tenantId: tenant.id,
      number: `T-${i}`,
      currency: "SAR",
      subtotalMinor: 100,
      taxMinor: 0,
      totalMinor: 100,
      vatRateBp: 0,
      pricesIncludeVat: true,
    })),
  );
}

const EXPORTS = [
  ["/api/v1/store/products/export", products, seedProducts, 1001],
  ["/api/v1/store/orders/export", orders, seedOrders, 101],
] as const;

describe("exports fail before the first byte, or visibly after it", () => {
  it("an API key without orders:read gets 403 for the order export, not a 200", async () => {
    const s = await shop();
    await seedOrders(s.tenant, 3);
    const created = await s.call("POST", "/api/v1/api-keys", {
      json: { name: "catalogue only", scopes: ["products:read"] },
    });
    expect(created.status).toBe(201);
    const { key } = (await created.json()) as { key: string };
    const res = await t.request("/api/v1/store/orders/export", {
      headers: { "x-tenant-id": s.tenant.slug, authorization: `Bearer ${key}` },
    });
    await expectError(res, 403, "INSUFFICIENT_SCOPE");
    // And over a socket: a complete error reply, not a cut-off 200.
    const http = await fetch(`${broken.url}/api/v1/store/orders/export`, {
      headers: { "x-tenant-id": s.tenant.slug, authorization: `Bearer ${key}` },
    });
    await expectError(http, 403, "INSUFFICIENT_SCOPE");
  });

  it.each(EXPORTS)(
    "%s: a connection lost on the first page is a 503 envelope with Retry-After, not a cut 200",
    async (path, table) => {
      const s = await shop();
      broken.fail.set(table, 0);
      try {
        const res = await broken.api.request(path, { headers: s.headers });
        expect(res.headers.get("retry-after")).toBe("5");
        await expectError(res, 503, "DATABASE_UNAVAILABLE");
      } finally {
        broken.fail.delete(table);
      }
    },
  );

  it.each(EXPORTS)(
    "%s: a database error after the first page aborts the response (fetch rejects)",
    async (path, table, seed, n) => {
      const s = await shop();
      await seed(s.tenant, n);
      // The healthy export of the same data ends cleanly and holds every row (the seeded rows
      // share one created_at: on PostgreSQL a millisecond cursor skipped all past the first page).
      const ok = await fetch(`${broken.url}${path}`, { headers: s.headers });
      expect((await ok.text()).trim().split("\r\n").length).toBe(n + 1);

      expectUnhandledErrors(); // a simulated database failure
      broken.fail.set(table, 1); // the first page is read; the next read fails
      try {
        const res = await fetch(`${broken.url}${path}`, { headers: s.headers });
        expect(res.status).toBe(200);
        // The chunked body is never terminated: fetch rejects ("terminated"), curl exits 18.
        await expect(res.text()).rejects.toThrow();
      } finally {
        broken.fail.delete(table);
      }
    },
  );

  it.each(EXPORTS)(
    "%s: in process (the admin's SDK), the body errors too",
    async (path, table, seed, n) => {
      const s = await shop();
      await seed(s.tenant, n);
      expectUnhandledErrors(); // a simulated database failure
      broken.fail.set(table, 1);
      try {
        const res = await broken.api.request(path, { headers: s.headers });
        expect(res.status).toBe(200);
        await expect(res.text()).rejects.toThrow();
      } finally {
        broken.fail.delete(table);
      }
    },
  );
});

const HEADER =
  "sku,name_en,name_ar,description_en,description_ar,price,currency,category,tags,status,inventory,images";

describe("formula injection", () => {
  const HOSTILE = [
    {
      name: '=HYPERLINK("http://evil.test","x")',
      description: "+1+2",
      tag: "-2+3",
      cat: "@SUM(A1)",
    },
    { name: "'=already quoted", description: "-", tag: "plain", cat: "'+kept" },
  ];

  it("product export escapes =, +, -, @ cells and the file imports back unchanged", async () => {
    const a = await shop();
    for (const [i, h] of HOSTILE.entries()) {
      const res = await a.call("POST", "/api/v1/store/products", {
        json: {
          sku: `F-${i}`,
          name: { en: h.name, ar: "=1+1" },
          description: { en: h.description, ar: "" },
          price: 0,
          inventory: 0,
          category: h.cat,
          tags: [h.tag, "ok"],
        },
      });
      expect(res.status).toBe(201);
    }
    const csv = await decode(await a.call("GET", "/api/v1/store/products/export"));
    const rows = Papa.parse<Record<string, string>>(csv.replace(/^\uFEFF/, ""), {
      header: true,
      skipEmptyLines: true,
    }).data;
    const hostileCells = rows.flatMap((r) =>
      Object.entries(r).filter(([k]) => !["price", "inventory"].includes(k)),
    );
    // No text cell starts with a character a spreadsheet runs as a formula.
    for (const [, v] of hostileCells) expect(v).not.toMatch(/^[=+\-@\t\r]/);
    const first = rows.find((r) => r.sku === "F-0")!;
    expect(first.name_en).toBe("'" + HOSTILE[0]!.name);
    expect(first.tags).toBe("'-2+3|ok");
    expect(first.price).toBe("0");
    const second = rows.find((r) => r.sku === "F-1")!;
    expect(second.name_en).toBe("''=already quoted");
    expect(second.category).toBe("''+kept");

    const list = async (call: typeof a.call) =>
      (
        (await (await call("GET", "/api/v1/store/products?sort=name")).json()) as {
          data: Record<string, unknown>[];
        }
      ).data.map((p) => [p.sku, p.name, p.description, p.category, p.tags, p.price]);
    const b = await shop();
    const imported = await b.call("POST", "/api/v1/store/products/import", { body: csv });
    expect(await imported.json()).toEqual({ created: 2, updated: 0, errors: [] });
    expect(await list(b.call)).toEqual(await list(a.call));
    // Importing the export into the same store updates to identical values.
    const again = await a.call("POST", "/api/v1/store/products/import", { body: csv });
    expect(await again.json()).toEqual({ created: 0, updated: 2, errors: [] });
    expect(await list(a.call)).toEqual(await list(b.call));
  });

  it("order export escapes the customer's name and external id; amounts stay numbers", async () => {
    const s = await shop();
    const res = await s.call("POST", "/api/v1/store/orders", {
      json: {
        external_id: "-1",
        source: "pos",
        total: 12.5,
        customer_name: "=cmd|' /C calc'!A0",
        customer_email: "buyer@example.com",
      },
    });
    expect(res.status).toBe(201);
    const csv = await decode(await s.call("GET", "/api/v1/store/orders/export"));
    const [row] = Papa.parse<Record<string, string>>(csv.replace(/^\uFEFF/, ""), {
      header: true,
      skipEmptyLines: true,
    }).data;
    expect(row).toMatchObject({
      customer_name: "'=cmd|' /C calc'!A0",
      external_id: "'-1",
      total: "12.5",
      item_count: "0",
    });
  });
});

describe("text PostgreSQL cannot store, on import", () => {
  it("NUL in a cell is a row error naming the column; nothing is written", async () => {
    const s = await shop();
    const csv = `${HEADER}\nN-1,Good,جيد,,,1,,,,,,\nN-2,Bad\u0000name,سيء,,,1,,,,,,\nN-3,Fine,,,,1,,cat\u0000,,,,\n`;
    const res = await s.call("POST", "/api/v1/store/products/import", { body: csv });
    expect(res.status).toBe(422);
    const body = (await res.json()) as {
      created: number;
      errors: { row: number; field: string; code: string }[];
    };
    expect(body.created).toBe(0);
    expect(body.errors.map((e) => [e.row, e.field, e.code])).toEqual([
      [3, "name_en", "nul_character"],
      [4, "category", "nul_character"],
    ]);
    const list = await (await s.call("GET", "/api/v1/store/products")).json();
    expect(list.pagination.total).toBe(0);
  });

  it("a lone surrogate (only reachable in process: HTTP bodies are UTF-8) is a row error too", async () => {
    const s = await shop();
    const ctx = {
      db: t.db,
      tenant: s.tenant,
      actor: { type: "api_key" as const, keyId: "k", scopes: ["products:write"], createdBy: null },
      ip: "127.0.0.1",
      requestId: "test",
      now: () => new Date(),
      credentials: notifyCredentialChanges,
    };
    const result = await importProductsCsv(ctx, `${HEADER}\nL-1,Lone \ud800,x,,,1,,,,,,\n`);
    expect(result.errors.map((e) => [e.row, e.field, e.code])).toEqual([
      [2, "name_en", "lone_surrogate"],
    ]);
  });
});
