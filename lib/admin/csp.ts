/**
 * The admin's Content-Security-Policy, with a fresh nonce per page (set by proxy.ts; Next.js puts
 * the nonce on its own scripts). Why nonces and not 'unsafe-inline': docs/decisions/0008-web-hardening.md.
 */
export function adminContentSecurityPolicy(nonce: string, dev = false): string {
  return policy(nonce, dev, NO_EXTRA_SOURCES);
}

/**
 * The hosted checkout page (/en/pay/…, /ar/pay/…): the admin's policy plus exactly what Stripe's
 * Payment Element and PayPal's buttons load (their scripts, frames, API calls and images), and
 * nothing else. The admin's pages never get these origins.
 */
export function checkoutContentSecurityPolicy(nonce: string, dev = false): string {
  return policy(nonce, dev, CHECKOUT_SOURCES);
}

type ExtraSources = Record<"script" | "frame" | "connect" | "img", readonly string[]>;

const NO_EXTRA_SOURCES: ExtraSources = { script: [], frame: [], connect: [], img: [] };

const PAYPAL = ["https://www.paypal.com", "https://www.sandbox.paypal.com"];

const CHECKOUT_SOURCES: ExtraSources = {
  // 'strict-dynamic' already lets our scripts load these; browsers without it use the list.
  script: ["https://js.stripe.com", ...PAYPAL],
  frame: ["https://js.stripe.com", "https://hooks.stripe.com", ...PAYPAL],
  connect: ["https://api.stripe.com", ...PAYPAL],
  img: ["https://*.stripe.com", "https://www.paypalobjects.com"],
};

function policy(nonce: string, dev: boolean, extra: ExtraSources): string {
  const plus = (sources: readonly string[]) => sources.map((source) => ` ${source}`).join("");
  return [
    "default-src 'self'",
    // React's development build evaluates code for its call stacks; production never does.
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}${plus(extra.script)}`,
    "style-src 'self' 'unsafe-inline'",
    `img-src 'self' data: blob:${plus(extra.img)}`,
    "font-src 'self'",
    `connect-src 'self'${plus(extra.connect)}`,
    // Without frame-src, frames fall back to default-src 'self'.
    ...(extra.frame.length > 0 ? [`frame-src 'self'${plus(extra.frame)}`] : []),
    "frame-ancestors 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "object-src 'none'",
  ].join("; ");
}

/** 128 random bits, base64: the nonce of one page. */
export function createNonce(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return btoa(String.fromCharCode(...bytes));
}
