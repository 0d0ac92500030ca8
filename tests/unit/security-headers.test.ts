import type { NextConfig } from "next";
import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";
// @ts-expect-error -- plain JavaScript, typed by its JSDoc only (tsconfig has no allowJs)
import config from "@/next.config.mjs";
import proxy from "@/proxy";

// Issue 10, item 16: the admin sent no CSP, X-Frame-Options or Referrer-Policy
// (docs/decisions/0008-web-hardening.md). The browser check is tests/e2e/security-headers.spec.ts.

function nonceOf(csp: string | null): string | undefined {
  return csp?.match(/script-src 'self' 'nonce-([A-Za-z0-9+/=]+)' 'strict-dynamic'/)?.[1];
}

describe("proxy.ts: the admin's CSP", () => {
  it("sends a strict CSP with a fresh nonce per page, and hands the nonce to Next.js", () => {
    const first = proxy(new NextRequest("http://localhost:3000/en/login"));
    const csp = first.headers.get("content-security-policy");
    const nonce = nonceOf(csp);
    expect(nonce).toBeDefined();
    expect(Buffer.from(nonce!, "base64")).toHaveLength(16);
    for (const directive of [
      "default-src 'self'",
      "style-src 'self' 'unsafe-inline'",
      "img-src 'self' data: blob:",
      "font-src 'self'",
      "connect-src 'self'",
      "frame-ancestors 'none'",
      "base-uri 'self'",
      "form-action 'self'",
      "object-src 'none'",
    ])
      expect(csp).toContain(directive);
    expect(csp).not.toContain("unsafe-eval");
    // NextResponse.next({request: {headers}}) forwards the request's headers this way.
    expect(first.headers.get("x-middleware-request-content-security-policy")).toBe(csp);

    const second = proxy(new NextRequest("http://localhost:3000/en/login"));
    expect(nonceOf(second.headers.get("content-security-policy"))).not.toBe(nonce);
  });

  it("sets it on the locale redirect too", () => {
    const response = proxy(new NextRequest("http://localhost:3000/"));
    expect(response.status).toBeGreaterThanOrEqual(300);
    expect(nonceOf(response.headers.get("content-security-policy"))).toBeDefined();
  });
});

const nextConfig = config as NextConfig;

describe("next.config.mjs: headers on every Next.js response", () => {
  it("refuses framing, limits the referrer and stops MIME sniffing", async () => {
    const rules = (await nextConfig.headers?.()) ?? [];
    const all = rules.find((rule) => rule.source === "/:path*");
    expect(Object.fromEntries((all?.headers ?? []).map((h) => [h.key, h.value]))).toEqual({
      "X-Frame-Options": "DENY",
      "Referrer-Policy": "strict-origin-when-cross-origin",
      "X-Content-Type-Options": "nosniff",
    });
  });
});
