import { test as base, expect, type Page } from "@playwright/test";
import ar from "../../messages/ar.json" with { type: "json" };
import en from "../../messages/en.json" with { type: "json" };

export type AppLocale = "en" | "ar";
export type Messages = typeof en;

export interface AppLocaleOptions {
  /** The UI language the project exercises; each spec runs once per locale. */
  appLocale: AppLocale;
}

/** The demo tenant seeded by `server.ts --seed-demo` (lib/db/seed.ts). */
export const DEMO = {
  tenant: "demo",
  email: "owner@demo.test",
  password: process.env.DEMO_PASSWORD ?? "demo-owner-pass",
  userName: "Sara Al-Qahtani",
  storeName: { en: "BrainSAIT Demo Store", ar: "متجر برينسايت التجريبي" },
} as const;

export const MESSAGES: Record<AppLocale, Messages> = { en, ar };

export const test = base.extend<AppLocaleOptions & { t: Messages }>({
  appLocale: ["en", { option: true }],
  t: async ({ appLocale }, provide) => {
    await provide(MESSAGES[appLocale]);
  },
});

export { expect };

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
