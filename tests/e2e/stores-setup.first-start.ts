import { readFile } from "node:fs/promises";
import type { Page } from "@playwright/test";
import {
  expect,
  expectDocumentLocale,
  MESSAGES,
  seriousViolations,
  test,
  uniqueId,
  type AppLocale,
} from "./fixtures";
import { firstStartServers } from "./paths";
import { screenshot } from "./screenshots";

/*
 * The first start of an installation (issue 18), on a server of its own per locale: an empty
 * data directory, no demo, sign-up open (playwright.config.ts). The tests run in order: the
 * first visitor is sent to the setup page, creates the store with the code from the server's
 * log, and is signed in as its owner; sign-up then makes a second store.
 */
// A retry cannot help: the setup is once per installation, so a retried group would find the
// store made by the first try. No retries, then, and room for a slow machine instead.
test.describe.configure({ mode: "serial", retries: 0, timeout: 120_000 });

const PASSWORD = "first-owner-pass";

async function setupCode(locale: AppLocale): Promise<string> {
  const server = firstStartServers(Number(process.env.E2E_PORT ?? 3100)).find(
    (s) => s.locale === locale,
  );
  const log = await readFile(server!.log, "utf8");
  const codes = [...log.matchAll(/Setup code: (\S+)/g)].map((m) => m[1]!);
  expect(codes, "the server prints a setup code on first start").not.toHaveLength(0);
  return codes.at(-1)!;
}

async function fillStore(page: Page, locale: AppLocale, slug: string, email: string) {
  const t = MESSAGES[locale].storeForm;
  await page.getByLabel(t.nameEn).fill(`First Store ${slug}`);
  await page.getByLabel(t.nameAr).fill(`المتجر الأول ${slug}`);
  await page.getByLabel(t.slug.label).fill(slug);
  await page.getByLabel(t.ownerName).fill("Huda Al-Harbi");
  await page.getByLabel(t.email, { exact: true }).fill(email);
  await page.getByLabel(t.password, { exact: true }).fill(PASSWORD);
}

test("a new installation sends the first visitor to the setup page", async ({
  page,
  appLocale,
  t,
}) => {
  // The locale root and the sign-in page both lead there while no store exists.
  await page.goto(`/${appLocale}`);
  await expect(page).toHaveURL(new RegExp(`/${appLocale}/setup$`));
  await page.goto(`/${appLocale}/login`);
  await expect(page).toHaveURL(new RegExp(`/${appLocale}/setup$`));
  await expectDocumentLocale(page, appLocale);
  await expect(page.getByRole("heading", { level: 1, name: t.setup.title })).toBeVisible();
  await expect(page.getByText(t.storeForm.setupCodeHint)).toBeVisible();
  await expect(page.getByLabel(t.storeForm.nameAr)).toHaveAttribute("dir", "rtl");
  await expect(page.getByLabel(t.storeForm.slug.label)).toHaveAttribute("dir", "ltr");
  await expect(page.getByRole("button", { name: t.storeForm.setup.submit })).toBeEnabled();
  await screenshot(page, `setup-${appLocale}`);
  expect(await seriousViolations(page)).toEqual([]);

  // The store ID is checked as it is typed: its form at once, and whether it is free.
  const slug = page.getByLabel(t.storeForm.slug.label);
  await slug.fill("Bad ID!");
  await expect(page.getByText(t.storeForm.slug.invalid)).toBeVisible();
  await slug.fill("admin");
  await expect(page.getByText(t.storeForm.slug.reserved)).toBeVisible();
  const free = `shop-${uniqueId()}`;
  await slug.fill(free);
  await expect(page.locator('[data-slug-status="available"]')).toContainText(free);

  // With the form's errors showing, too.
  await page.getByRole("button", { name: t.storeForm.setup.submit }).click();
  await expect(page.getByText(t.storeForm.errors.setupCode)).toBeVisible();
  await expect(page.getByLabel(t.storeForm.nameEn)).toHaveAttribute("aria-invalid", "true");
  expect(await seriousViolations(page)).toEqual([]);
});

test("setup needs the code from the log, then signs the owner in with a checklist", async ({
  page,
  appLocale,
  t,
}) => {
  const slug = `first-${appLocale}-${uniqueId()}`;
  await page.goto(`/${appLocale}/setup`);
  await expect(page.getByRole("button", { name: t.storeForm.setup.submit })).toBeEnabled();
  await fillStore(page, appLocale, slug, `owner-${slug}@example.test`);
  await page.getByLabel(t.storeForm.vatRate).fill("15");
  await page.getByLabel(t.storeForm.vatNumber).fill("300000000000003");

  // A wrong code is refused and said so at the field; nothing is created.
  await page.getByLabel(t.storeForm.setupCode).fill("AAAA-BBBB-CCCC");
  await page.getByRole("button", { name: t.storeForm.setup.submit }).click();
  await expect(page.getByText(t.storeForm.errors.setupCodeWrong)).toBeVisible();
  await expect(page.getByLabel(t.storeForm.setupCode)).toHaveAttribute("aria-invalid", "true");

  await page.getByLabel(t.storeForm.setupCode).fill(await setupCode(appLocale));
  await page.getByRole("button", { name: t.storeForm.setup.submit }).click();

  // Signed in as the owner, on the home page, with the checklist and nothing done yet.
  await expect(page).toHaveURL(new RegExp(`/${appLocale}$`));
  const checklist = page.getByRole("region", { name: t.Home.checklist.title });
  await expect(checklist).toBeVisible();
  const storeName = appLocale === "ar" ? `المتجر الأول ${slug}` : `First Store ${slug}`;
  await expect(page.getByRole("banner").getByText(storeName)).toBeVisible();
  await expect(checklist.locator('[data-step="product"]')).toHaveAttribute("data-done", "false");
  await expect(checklist.getByText(t.Home.checklist.comingSoon)).toBeVisible();
  await screenshot(page, `home-checklist-${appLocale}`);

  // The setup page has done its job: it now leads to sign-in, and the code cannot be used again.
  const again = await page.request.get(`/api/v1/setup`);
  expect(((await again.json()) as { needed: boolean }).needed).toBe(false);

  // Add a product from the checklist; back home, the step is ticked.
  await checklist.getByRole("link", { name: t.Home.checklist.steps.product.action }).click();
  await expect(page).toHaveURL(new RegExp(`/${appLocale}/products/new$`));
  await expect(page.getByRole("button", { name: t.products.form.create })).toBeEnabled();
  await page.getByLabel(t.products.form.name.en).fill("First product");
  await page.getByLabel(t.products.form.name.ar).fill("المنتج الأول");
  await page.getByLabel(t.products.form.price, { exact: true }).fill("20");
  await page.getByRole("button", { name: t.products.form.create }).click();
  await expect(page.getByRole("status").filter({ hasText: t.products.form.created })).toBeVisible();
  await expect(page).toHaveURL(/\/products\/[0-9a-f-]{36}$/);
  await page.goto(`/${appLocale}`);
  await expect(checklist.locator('[data-step="product"]')).toHaveAttribute("data-done", "true");

  // Dismissed, it stays gone.
  await checklist.getByRole("button", { name: t.Home.checklist.dismiss }).click();
  await expect(checklist).toBeHidden();
  await page.reload();
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await expect(checklist).toBeHidden();
});

test("after setup, the setup page leads to sign-in", async ({ page, appLocale, t }) => {
  await page.goto(`/${appLocale}/setup`);
  await expect(page).toHaveURL(new RegExp(`/${appLocale}/login$`));
  await expect(page.getByRole("link", { name: t.Login.createStore })).toBeVisible();
});

test("sign-up, when open, creates another store and signs its owner in", async ({
  page,
  appLocale,
  t,
}) => {
  await page.goto(`/${appLocale}/signup`);
  await expectDocumentLocale(page, appLocale);
  await expect(page.getByRole("heading", { level: 1, name: t.signup.title })).toBeVisible();
  // Sign-up asks for less than setup: no code, no VAT.
  await expect(page.getByLabel(t.storeForm.setupCode)).toHaveCount(0);
  await expect(page.getByLabel(t.storeForm.vatRate)).toHaveCount(0);
  await expect(page.getByRole("button", { name: t.storeForm.signup.submit })).toBeEnabled();
  await screenshot(page, `signup-${appLocale}`);
  expect(await seriousViolations(page)).toEqual([]);

  const slug = `signup-${appLocale}-${uniqueId()}`;
  await fillStore(page, appLocale, slug, `owner-${slug}@example.test`);
  await expect(page.locator('[data-slug-status="available"]')).toContainText(slug);
  await page.getByRole("button", { name: t.storeForm.signup.submit }).click();
  await expect(page).toHaveURL(new RegExp(`/${appLocale}$`));
  await expect(page.getByRole("region", { name: t.Home.checklist.title })).toBeVisible();

  // Its ID is now taken, as a second visitor typing it is told.
  await page.context().clearCookies();
  await page.goto(`/${appLocale}/signup`);
  await page.getByLabel(t.storeForm.slug.label).fill(slug);
  await expect(page.getByText(t.storeForm.slug.taken)).toBeVisible();
});
