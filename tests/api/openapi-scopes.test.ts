import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SCOPES } from "@/lib/auth/permissions";
import { createTenant, createTestApi, signIn, type TestApi } from "./harness";

// Issue 15: the OpenAPI document declares the app headers as security schemes and each
// operation the scope it needs; the declaration is checked against what the API enforces.

type Security = Record<string, string[]>[];
type Operation = { security?: Security };
type Document = {
  paths: Record<string, Record<string, Operation>>;
  components: { securitySchemes: Record<string, { type: string; in?: string; name?: string }> };
};

let t: TestApi;
let doc: Document;
beforeAll(async () => {
  t = await createTestApi();
  doc = (await (await t.request("/api/v1/openapi.json")).json()) as Document;
});
afterAll(() => t.close());

const operations = () =>
  Object.entries(doc.paths).flatMap(([path, ops]) =>
    Object.entries(ops).map(([method, op]) => ({ method: method.toUpperCase(), path, op })),
  );

describe("the OpenAPI document's security", () => {
  it("declares the app, staff and developer headers as security schemes", () => {
    const schemes = doc.components.securitySchemes;
    expect(schemes).toMatchObject({
      developerRef: { type: "apiKey", in: "header", name: "brainsait-dev-ref" },
      appRef: { type: "apiKey", in: "header", name: "brainsait-app-ref" },
      accountToken: { type: "apiKey", in: "header", name: "brainsait-account-token" },
      staffToken: { type: "apiKey", in: "header", name: "brainsait-staff-token" },
      developerToken: { type: "apiKey", in: "header", name: "brainsait-dev-token" },
    });
  });

  it("names the scope of each operation, and offers apps only what apps can hold", () => {
    const products = doc.paths["/api/v1/store/products"]!;
    expect(products.get!.security).toEqual([
      { bearerAuth: ["products:read"] },
      { developerRef: [], appRef: [], accountToken: ["products:read"] },
      { developerRef: [], appRef: [], staffToken: ["products:read"] },
    ]);
    expect(products.post!.security![0]).toEqual({ bearerAuth: ["products:write"] });
    // Managing keys is for people only: no app scheme.
    expect(doc.paths["/api/v1/api-keys"]!.get!.security).toEqual([
      { bearerAuth: ["api_keys:manage"] },
    ]);
    for (const { op } of operations()) {
      for (const requirement of op.security ?? []) {
        const scopes = requirement.accountToken ?? requirement.staffToken;
        if (scopes) for (const s of scopes) expect(SCOPES).toContain(s);
      }
    }
  });

  it("matches what the API enforces: a key with the declared scope passes, one without is refused", async () => {
    const tenant = await createTenant(t);
    const { headers } = await signIn(t, tenant, "owner");
    const keyWith = async (scope: string) => {
      const res = await t.request("/api/v1/api-keys", {
        method: "POST",
        headers,
        json: { name: scope, scopes: [scope] },
      });
      return ((await res.json()) as { key: string }).key;
    };
    const keys = new Map<string, string>();
    for (const scope of SCOPES) keys.set(scope, await keyWith(scope));
    // Reads with no path parameter can be called as they are.
    const reads = operations().filter(
      ({ method, path, op }) =>
        method === "GET" &&
        !path.includes("{") &&
        op.security?.[0]?.bearerAuth?.length === 1 &&
        SCOPES.includes(op.security[0].bearerAuth[0] as (typeof SCOPES)[number]),
    );
    expect(reads.length).toBeGreaterThan(8);
    for (const { path, op } of reads) {
      const scope = op.security![0]!.bearerAuth![0]!;
      const other = SCOPES.find((s) => s.split(":")[0] !== scope.split(":")[0])!;
      const call = (key: string) =>
        t.request(path, {
          headers: { "x-tenant-id": tenant.slug, authorization: `Bearer ${key}` },
        });
      expect([path, (await call(keys.get(scope)!)).status]).not.toEqual([path, 403]);
      expect([path, (await call(keys.get(other)!)).status]).toEqual([path, 403]);
    }
  });
});
