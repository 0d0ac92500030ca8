import type { Page, Response } from "@playwright/test";
import { expect, test, type Messages } from "./fixtures";

// Issue 10, items 10 and 16 (docs/decisions/0008-web-hardening.md): the admin and the API
// reference send a strict CSP and framing/referrer headers, pages run under it without a single
// violation, the reference loads nothing from another origin, and route handlers refuse
// cross-origin state changes even with the session cookie.

/** CSP violations and uncaught errors, as the browser reports them. */
function watchForViolations(page: Page): string[] {
  const problems: string[] = [];
  page.on("console", (message) => {
    const text = message.text();
    if (/Content Security Policy|Refused to/i.test(text)) problems.push(`console: ${text}`);
  });
  page.on("pageerror", (error) => problems.push(`pageerror: ${error.message}`));
  return problems;
}

function expectSecurityHeaders(response: Response | null) {
  expect(response, "the page answered").not.toBeNull();
  const headers = response!.headers();
  const csp = headers["content-security-policy"] ?? "";
  expect(csp).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'(;|$)/);
  expect(csp).not.toContain("unsafe-eval");
  for (const directive of [
    "default-src 'self'",
    "frame-ancestors 'none'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "connect-src 'self'",
  ])
    expect(csp).toContain(directive);
  expect(headers["x-frame-options"]).toBe("DENY");
  expect(headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
  expect(headers["x-content-type-options"]).toBe("nosniff");
}

/** Next.js's client ran (its scripts were allowed): it sets window.next on start. */
async function expectHydrated(page: Page) {
  // A client-side redirect may replace the document mid-check: that is "not yet", not a failure.
  const started = () =>
    page.evaluate(() => Boolean((window as { next?: unknown }).next)).catch(() => false);
  await expect.poll(started).toBe(true);
}

test("the sign-in page runs under the CSP", async ({ browser, appLocale, t }) => {
  const context = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  const page = await context.newPage();
  const problems = watchForViolations(page);
  const response = await page.goto(`/${appLocale}/login`);
  expectSecurityHeaders(response);
  await expect(page.getByRole("heading", { name: t.Login.title })).toBeVisible();
  await expectHydrated(page);
  // Client-side validation needs the hydrated form.
  await page.getByLabel(t.Login.emailLabel).fill("not-an-email");
  await page.getByRole("button", { name: t.Login.submit }).click();
  await expect(page.getByText(t.Login.validation.emailInvalid)).toBeVisible();
  expect(problems).toEqual([]);
  await context.close();
});

const SIGNED_IN_PAGES: [string, (t: Messages) => string][] = [
  ["", (t) => t.Home.store.title],
  ["/products", (t) => t.products.list.title],
  ["/orders", (t) => t.orders.list.title],
  ["/settings", (t) => t.settings.title],
];

for (const [path, heading] of SIGNED_IN_PAGES) {
  test(`the signed-in page ${path || "/"} runs under the CSP`, async ({ page, appLocale, t }) => {
    const problems = watchForViolations(page);
    const response = await page.goto(`/${appLocale}${path}`);
    expectSecurityHeaders(response);
    await expect(page.getByRole("heading", { name: heading(t) }).first()).toBeVisible();
    await expectHydrated(page);
    await page.waitForLoadState("networkidle");
    expect(problems).toEqual([]);
  });
}

test("a client-side navigation loads its chunks under the CSP", async ({ page, appLocale, t }) => {
  const problems = watchForViolations(page);
  await page.goto(`/${appLocale}`);
  await expectHydrated(page);
  await page
    .getByRole("navigation", { name: t.Nav.label })
    .getByRole("link", { name: t.Nav.items.products })
    .click();
  await expect(page).toHaveURL(new RegExp(`/${appLocale}/products`));
  await expect(page.getByRole("heading", { level: 1, name: t.products.list.title })).toBeVisible();
  expect(problems).toEqual([]);
});

test("the API reference renders with no request leaving the origin", async ({ page, baseURL }) => {
  // The reference's bundle is a few megabytes: its first parse on a busy CI machine is slow.
  test.setTimeout(120_000);
  const origin = new URL(baseURL!).origin;
  const elsewhere: string[] = [];
  page.on("request", (request) => {
    const url = new URL(request.url());
    if (url.protocol !== "data:" && url.protocol !== "blob:" && url.origin !== origin)
      elsewhere.push(request.url());
  });
  const problems = watchForViolations(page);
  const response = await page.goto("/api/v1/docs");
  const headers = response!.headers();
  expect(headers["content-security-policy"]).toMatch(/script-src 'self' 'nonce-/);
  expect(headers["content-security-policy"]).toContain("frame-ancestors 'none'");
  expect(headers["x-frame-options"]).toBe("DENY");
  expect(headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
  expect(headers["x-content-type-options"]).toBe("nosniff");
  // Scalar rendered the document: the title and an operation of the OpenAPI spec.
  await expect(page.getByRole("heading", { name: "BrainSAIT Store API" }).first()).toBeVisible({
    timeout: 20_000,
  });
  // Scalar renders the first group's operations at once and the rest as they scroll into view.
  await expect(page.getByText("/health/ready").first()).toBeAttached();
  // Not "networkidle": the reference keeps a connection open at times, and that wait then never
  // ends. Every request since the page opened is already in `elsewhere`; give late ones a moment.
  await page.waitForTimeout(1_500);
  expect(elsewhere).toEqual([]);
  expect(problems).toEqual([]);
});

test("the CSV upload refuses a cross-origin POST with the session cookie", async ({
  page,
  appLocale,
  baseURL,
}) => {
  const id = `${appLocale}${Date.now().toString(36)}`.toUpperCase();
  const csv = (sku: string) =>
    "sku,name_en,name_ar,description_en,description_ar,price,currency,category,tags,status,inventory,images\n" +
    `${sku},Forged ${sku},مزور ${sku},,,10.00,SAR,,,draft,1,\n`;
  const upload = `/${appLocale}/products/import/upload`;

  // page.request shares the signed-in context's cookies, as a browser would send them.
  const refused = await page.request.post(upload, {
    headers: { Origin: "http://evil.example", "Content-Type": "text/plain" },
    data: csv(`CSRF-${id}`),
  });
  expect(refused.status()).toBe(403);
  expect(await refused.json()).toMatchObject({ code: "CROSS_ORIGIN_REQUEST" });

  const crossSite = await page.request.post(upload, {
    headers: { "Sec-Fetch-Site": "cross-site", "Content-Type": "text/plain" },
    data: csv(`CSRF-${id}`),
  });
  expect(crossSite.status()).toBe(403);

  // The same request from the admin's own origin imports.
  const accepted = await page.request.post(upload, {
    headers: { Origin: new URL(baseURL!).origin, "Content-Type": "text/csv" },
    data: csv(`SAME-${id}`),
  });
  expect(accepted.status()).toBe(200);
  const lines = (await accepted.text()).trim().split("\n");
  expect(JSON.parse(lines.at(-1)!)).toMatchObject({ type: "result", created: 1 });

  // The forged product was not imported; the same-origin one was.
  const exported = await page.request.get(`/${appLocale}/products/export?q=${id}`);
  const text = await exported.text();
  expect(text).toContain(`SAME-${id}`);
  expect(text).not.toContain(`CSRF-${id}`);
});
