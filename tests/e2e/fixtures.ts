import { mkdir, rm } from "node:fs/promises";
import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import AxeBuilder from "@axe-core/playwright";
import { test as base, expect, type Locator, type Page } from "@playwright/test";
import { createTranslator } from "next-intl";
import { BrainSAITStore } from "@/lib/sdk";
import ar from "../../messages/ar.json" with { type: "json" };
import en from "../../messages/en.json" with { type: "json" };

export type AppLocale = "en" | "ar";
export type Messages = typeof en;

export interface AppLocaleOptions {
  /** The UI language the project exercises; each spec runs once per locale. */
  appLocale: AppLocale;
}

/** The demo tenant seeded by `server.ts --seed-demo` (lib/demo/seed.ts). */
export const DEMO = {
  tenant: "demo",
  email: "owner@demo.test",
  password: process.env.DEMO_PASSWORD ?? "demo-owner-pass",
  userName: "Sara Al-Qahtani",
  storeName: { en: "BrainSAIT Demo Store", ar: "متجر برينسايت التجريبي" },
} as const;

export const MESSAGES: Record<AppLocale, Messages> = { en, ar };

/** Per worker: the server's address, and the Store API as the demo owner through the SDK. */
export interface StoreFixtures {
  apiBaseURL: string;
  /** For test data set-up, checks and clean-up only; the journeys themselves go through the UI. */
  owner: BrainSAITStore;
}

export const test = base.extend<AppLocaleOptions & { t: Messages }, StoreFixtures>({
  appLocale: ["en", { option: true }],
  t: async ({ appLocale }, provide) => {
    await provide(MESSAGES[appLocale]);
  },
  apiBaseURL: [
    async ({}, provide, workerInfo) => provide(String(workerInfo.project.use.baseURL)),
    { scope: "worker" },
  ],
  owner: [
    async ({ apiBaseURL }, provide) => {
      const anonymous = new BrainSAITStore({ tenantId: DEMO.tenant, baseURL: apiBaseURL });
      const { accessToken } = await anonymous.auth.login({
        email: DEMO.email,
        password: DEMO.password,
      });
      await provide(
        new BrainSAITStore({ tenantId: DEMO.tenant, baseURL: apiBaseURL, accessToken }),
      );
    },
    { scope: "worker" },
  ],
});

/** A short token that keeps names, SKUs, emails and keys apart between tests, projects and runs. */
export function uniqueId(): string {
  return `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
}

/** Resolves once React has hydrated the element, so clicks and typing reach its handlers. */
export async function hydrated(locator: Locator) {
  await expect
    .poll(() =>
      locator.evaluate((element) =>
        Object.keys(element).some((key) => key.startsWith("__reactProps$")),
      ),
    )
    .toBe(true);
}

/** Opens an admin page and waits for its title (the level-1 heading) to show. */
export async function openPage(page: Page, path: string, title: string) {
  await page.goto(path);
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
}

/** axe on the page as it is now: WCAG 2.1 A/AA and best practice; only serious and critical count. */
export async function seriousViolations(page: Page) {
  const results = await new AxeBuilder({ page })
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"])
    .analyze();
  return results.violations
    .filter((violation) => violation.impact === "serious" || violation.impact === "critical")
    .map((violation) => ({
      id: violation.id,
      impact: violation.impact,
      nodes: violation.nodes.map((node) => node.target.join(" ")),
    }));
}

export { expect };

/**
 * An ICU message as the admin words it for someone with the default (Latin) digits: plurals and
 * `{n, number, digits}` included (docs/display-preferences.md).
 */
export function icu(locale: AppLocale, message: string, values: Record<string, string | number>) {
  return createTranslator({
    locale,
    messages: { message },
    formats: { number: { digits: { numberingSystem: "latn" } } },
  })("message", values);
}

/** Fills in an ICU message's `{placeholders}` (simple arguments only). */
export function format(message: string, values: Record<string, string>): string {
  return message.replace(/\{(\w+)\}/g, (_, key: string) => values[key] ?? `{${key}}`);
}

export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** Any of the three greetings ("Good morning, {name}" ...) for the given name. */
export function greetingPattern(t: Messages, name: string): RegExp {
  const options = Object.values(t.Home.greeting).map((message) =>
    escapeRegExp(format(message, { name })),
  );
  return new RegExp(`^(?:${options.join("|")})$`);
}

export async function expectDocumentLocale(page: Page, locale: AppLocale) {
  await expect(page.locator("html")).toHaveAttribute("lang", locale);
  await expect(page.locator("html")).toHaveAttribute("dir", locale === "ar" ? "rtl" : "ltr");
}

export async function signIn(page: Page, locale: AppLocale, password: string = DEMO.password) {
  const t = MESSAGES[locale];
  await page.goto(`/${locale}/login`);
  await page.getByLabel(t.Login.tenantLabel).fill(DEMO.tenant);
  await page.getByLabel(t.Login.emailLabel).fill(DEMO.email);
  await page.getByLabel(t.Login.passwordLabel).fill(password);
  await page.getByRole("button", { name: t.Login.submit }).click();
}

/**
 * The store's payment settings are one row per provider, shared by every test (both projects
 * run at once): a test that changes them, or relies on them while it pays, holds this lock, a directory mkdir creates atomically.
 */
export async function withPaymentSettingsLock(run: () => Promise<void>) {
  const lock = "test-results/.locks/payment-settings";
  await mkdir("test-results/.locks", { recursive: true });
  const deadline = Date.now() + 150_000;
  for (;;) {
    try {
      await mkdir(lock);
      break;
    } catch {
      if (Date.now() > deadline) throw new Error("Timed out waiting for the payment settings lock");
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
  try {
    await run();
  } finally {
    await rm(lock, { recursive: true, force: true });
  }
}

interface Received {
  headers: IncomingHttpHeaders;
  /** The raw body, exactly as it arrived. */
  body: string;
}

/**
 * A local receiver on 127.0.0.1 (port 0) for webhooks and app callbacks: answers 200 and keeps
 * every request.
 */
export class Receiver {
  private constructor(
    private readonly server: Server,
    readonly requests: Received[],
  ) {}

  static async start(): Promise<Receiver> {
    const requests: Received[] = [];
    const server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on("data", (chunk: Buffer) => chunks.push(chunk));
      req.on("end", () => {
        requests.push({ headers: req.headers, body: Buffer.concat(chunks).toString("utf8") });
        res.writeHead(200, { "Content-Type": "text/plain" }).end("ok from the e2e receiver");
      });
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    return new Receiver(server, requests);
  }

  get url(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/hooks`;
  }

  ofEvent(event: string): Received[] {
    return this.requests.filter((r) => r.headers["x-webhook-event"] === event);
  }

  close(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}
