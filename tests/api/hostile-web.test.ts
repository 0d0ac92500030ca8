import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApi, type TestApi } from "./harness";

// Issue 10, item 16: the API reference page loaded an unpinned script from a CDN, without
// integrity, on the admin's origin, and sent no CSP (docs/decisions/0008-web-hardening.md).
let t: TestApi;
beforeAll(async () => {
  t = await createTestApi();
});
afterAll(() => t.close());

function directives(csp: string | null): Map<string, string[]> {
  const map = new Map<string, string[]>();
  for (const part of (csp ?? "").split(";")) {
    const [name, ...values] = part.trim().split(/\s+/);
    if (name) map.set(name, values);
  }
  return map;
}

describe("GET /api/v1/docs", () => {
  it("loads Scalar's script from this origin only, with a nonce CSP and framing refused", async () => {
    const res = await t.request("/api/v1/docs");
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).not.toMatch(/https?:\/\//);
    const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
    expect(scripts.length).toBeGreaterThan(0);
    const srcs = scripts.flatMap((tag) => tag.match(/src="([^"]+)"/)?.[1] ?? []);
    expect(srcs).toEqual([expect.stringMatching(/^\/api\/v1\/docs\/scalar\.js\?v=[0-9a-f]+$/)]);

    const csp = directives(res.headers.get("content-security-policy"));
    const nonce = csp.get("script-src")?.find((v) => v.startsWith("'nonce-"));
    expect(nonce).toBeDefined();
    // Every script tag carries the nonce of this reply.
    for (const tag of scripts) expect(tag).toContain(`nonce="${nonce!.slice(7, -1)}"`);
    expect(csp.get("default-src")).toEqual(["'self'"]);
    expect(csp.get("connect-src")).toEqual(["'self'"]);
    expect(csp.get("frame-ancestors")).toEqual(["'none'"]);
    expect(csp.get("object-src")).toEqual(["'none'"]);
    expect(csp.get("base-uri")).toEqual(["'self'"]);
    expect(res.headers.get("x-frame-options")).toBe("DENY");
    expect(res.headers.get("referrer-policy")).toBe("strict-origin-when-cross-origin");
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");

    // A fresh nonce per reply.
    const again = await t.request("/api/v1/docs");
    expect(again.headers.get("content-security-policy")).not.toBe(
      res.headers.get("content-security-policy"),
    );
  });

  it("serves the pinned standalone bundle from the package, cached for a year", async () => {
    const page = await (await t.request("/api/v1/docs")).text();
    const src = page.match(/src="(\/api\/v1\/docs\/scalar\.js[^"]*)"/)?.[1];
    expect(src).toBeDefined();
    const res = await t.request(src!);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/^(text|application)\/javascript/);
    expect(res.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
    const body = await res.text();
    expect(body.length).toBeGreaterThan(100_000);
    expect(body).toContain("createApiReference");
  });

  it("serves the bundle compressed to clients that accept gzip", async () => {
    const page = await (await t.request("/api/v1/docs")).text();
    const src = page.match(/src="(\/api\/v1\/docs\/scalar\.js[^"]*)"/)![1]!;
    const res = await t.request(src, { headers: { "Accept-Encoding": "gzip, br" } });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-encoding")).toBe("gzip");
    expect(res.headers.get("vary")).toMatch(/accept-encoding/i);
  });
});
