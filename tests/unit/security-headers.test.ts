import type { NextConfig } from "next";
import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";
// @ts-expect-error -- plain JavaScript, typed by its JSDoc only (tsconfig has no allowJs)
import config from "@/next.config.mjs";
import { checkoutContentSecurityPolicy } from "@/lib/admin/csp";
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

/** The policy's directives by name: "img-src 'self' data:" -> {"img-src": ["'self'", "data:"]}. */
function directives(csp: string | null): Record<string, string[]> {
  return Object.fromEntries(
    (csp ?? "").split("; ").map((part) => {
      const [name = "", ...sources] = part.split(" ");
      return [name, sources];
    }),
  );
}

const cspOf = (path: string) =>
  proxy(new NextRequest(`http://localhost:3000${path}`)).headers.get("content-security-policy");

// Issue 12, item 8: the hosted checkout loads Stripe's Payment Element and PayPal's buttons.
describe("proxy.ts: the hosted checkout's CSP", () => {
  const STRIPE_AND_PAYPAL = {
    "script-src": [
      "https://js.stripe.com",
      "https://www.paypal.com",
      "https://www.sandbox.paypal.com",
    ],
    "frame-src": [
      "https://js.stripe.com",
      "https://hooks.stripe.com",
      "https://www.paypal.com",
      "https://www.sandbox.paypal.com",
    ],
    "connect-src": [
      "https://api.stripe.com",
      "https://www.paypal.com",
      "https://www.sandbox.paypal.com",
    ],
    "img-src": ["https://*.stripe.com", "https://www.paypalobjects.com"],
  };

  it.each(["/en/pay/tok_abc", "/ar/pay/tok_abc", "/ar/pay/tok_abc/return"])(
    "adds exactly the providers' origins to the admin's policy on %s",
    (path) => {
      const checkout = directives(cspOf(path));
      const admin = directives(cspOf("/en/login"));
      expect(nonceOf(cspOf(path))).toBeDefined();
      for (const [name, sources] of Object.entries(admin)) {
        const added = STRIPE_AND_PAYPAL[name as keyof typeof STRIPE_AND_PAYPAL] ?? [];
        // The nonce differs per page; everything else is the admin's plus the providers'.
        const withoutNonce = (list: string[] = []) => list.filter((s) => !s.startsWith("'nonce-"));
        expect(withoutNonce(checkout[name])).toEqual([...withoutNonce(sources), ...added]);
      }
      expect(checkout["frame-src"]).toEqual(["'self'", ...STRIPE_AND_PAYPAL["frame-src"]]);
      expect(Object.keys(checkout).sort()).toEqual([...Object.keys(admin), "frame-src"].sort());
    },
  );

  it.each([
    "/en/login",
    "/en/payments",
    "/ar/payments/x",
    "/en/orders/pay",
    "/en/paypal",
    "/fr/pay/x",
  ])("keeps the providers off %s", (path) => {
    const csp = cspOf(path);
    expect(csp).not.toMatch(/stripe|paypal/);
    expect(csp).not.toContain("frame-src");
  });

  it("keeps development's 'unsafe-eval' to development", () => {
    expect(checkoutContentSecurityPolicy("n", true)).toContain(
      "'nonce-n' 'strict-dynamic' 'unsafe-eval'",
    );
    expect(checkoutContentSecurityPolicy("n")).not.toContain("unsafe-eval");
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

describe("next.config.mjs: the hosted checkout's referrer", () => {
  it("sends no Referer from /en/pay/… and /ar/pay/…, whose URL holds the link's token", async () => {
    const rules = (await nextConfig.headers?.()) ?? [];
    const last = rules.at(-1);
    // The last matching rule wins for a header both set.
    expect(last?.source).toBe("/:locale(en|ar)/pay/:path*");
    expect(last?.headers).toEqual([{ key: "Referrer-Policy", value: "no-referrer" }]);
  });
});
