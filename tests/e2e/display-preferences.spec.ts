import type { Browser, Page } from "@playwright/test";
import { createTranslator } from "next-intl";
import { BrainSAITStore } from "@/lib/sdk";
import {
  DEMO,
  expect,
  hydrated,
  MESSAGES,
  seriousViolations,
  test,
  uniqueId,
  type AppLocale,
} from "./fixtures";
import { screenshot } from "./screenshots";

// An invitation, a sign-in in a fresh browser, two saves and four pages on a shared test server.
test.describe.configure({ timeout: 120_000 });
const AFTER_SAVE = { timeout: 20_000 };

/** Latin digits anywhere in a string. */
const LATIN_DIGIT = /[0-9]/;

/**
 * A staff member of their own, invited and signed in through the SDK and the sign-in page in a
 * fresh browser: their display preferences never touch the owner the other specs share.
 */
async function signedInMember(browser: Browser, owner: BrainSAITStore, locale: AppLocale) {
  const id = uniqueId();
  const email = `display-${id}@example.test`;
  const password = `display-member-${id}`;
  const { acceptUrl } = await owner.team.invite({ email, role: "staff", name: `Noura ${id}` });
  const token = new URL(acceptUrl).searchParams.get("token")!;
  await owner.team.acceptInvitation({ token, name: `Noura ${id}`, password });

  const context = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  const page = await context.newPage();
  const t = MESSAGES[locale];
  await page.goto(`/${locale}/login`);
  await page.getByLabel(t.Login.tenantLabel).fill(DEMO.tenant);
  await page.getByLabel(t.Login.emailLabel).fill(email);
  await page.getByLabel(t.Login.passwordLabel).fill(password);
  await page.getByRole("button", { name: t.Login.submit }).click();
  await expect(page).toHaveURL(new RegExp(`/${locale}$`), AFTER_SAVE);
  return { context, page };
}

/** Opens the profile menu's dialog, picks the digits and calendar, and saves. */
async function choose(
  page: Page,
  locale: AppLocale,
  choice: { digits: "latn" | "arab"; calendar: "gregory" | "islamic-umalqura" },
  shoot?: string,
) {
  const d = MESSAGES[locale].DisplayPreferences;
  const open = page.getByRole("button", { name: d.openLabel });
  await hydrated(open);
  await open.click();
  const dialog = page.getByRole("dialog", { name: d.title });
  await expect(dialog).toBeVisible();
  const digits = dialog.getByRole("group", { name: d.digits });
  const calendar = dialog.getByRole("group", { name: d.calendar });
  // Keyboard: the radios are native, so a label click and arrow keys both work.
  await digits
    .getByRole("radio", { name: choice.digits === "arab" ? d.digitsArab : d.digitsLatn })
    .check();
  await calendar
    .getByRole("radio", {
      name: choice.calendar === "islamic-umalqura" ? d.calendarIslamicUmalqura : d.calendarGregory,
    })
    .focus();
  await page.keyboard.press("Space");
  if (shoot) {
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, shoot);
  }
  await dialog.getByRole("button", { name: d.save }).click();
  await expect(dialog).toBeHidden(AFTER_SAVE);
}

test("Hijri dates and Arabic-Indic digits, switched on in the profile menu, reach lists and detail pages", async ({
  browser,
  owner,
  appLocale,
}) => {
  const t = MESSAGES[appLocale];
  const me = await owner.auth.me();
  const timeZone = me.tenant.timeZone;
  // An order of its own, so the list can be filtered down to it.
  const id = uniqueId();
  const product = await owner.products.create({
    name: { en: `Saffron ${id}`, ar: `زعفران ${id}` },
    price: "1234.50",
    currency: "SAR",
    sku: `DSP-${id}`,
    status: "active",
    inventory: 5,
  });
  const order = await owner.orders.create({ items: [{ productId: product.id, quantity: 1 }] });
  const created = new Date(order.createdAt);

  // What the pages must show, by Intl itself (the server uses the same ICU).
  const hijri = (options: Intl.DateTimeFormatOptions) =>
    new Intl.DateTimeFormat(appLocale, {
      ...options,
      timeZone,
      numberingSystem: "arab",
      calendar: "islamic-umalqura",
    }).format(created);
  const listDate = hijri({ dateStyle: "medium", timeStyle: "short" });
  const money = new Intl.NumberFormat(appLocale, {
    style: "currency",
    currency: order.currency,
    numberingSystem: "arab",
  }).format(order.total);
  const gregorianLatin = new Intl.DateTimeFormat(appLocale, {
    dateStyle: "medium",
    timeStyle: "short",
    timeZone,
    numberingSystem: "latn",
    calendar: "gregory",
  }).format(created);
  expect(LATIN_DIGIT.test(listDate)).toBe(false);
  expect(listDate).not.toBe(gregorianLatin);

  const { context, page } = await signedInMember(browser, owner, appLocale);
  try {
    await choose(
      page,
      appLocale,
      { digits: "arab", calendar: "islamic-umalqura" },
      `display-preferences-dialog-${appLocale}`,
    );

    // The orders list: the order's row shows its date in Hijri and its total in ١٢٣.
    await page.goto(`/${appLocale}/orders?q=${encodeURIComponent(order.number)}`);
    await expect(page.getByRole("heading", { level: 1, name: t.orders.list.title })).toBeVisible();
    const row = page.getByRole("row").filter({ hasText: order.number });
    await expect(row).toContainText(listDate);
    await expect(row).toContainText(money);
    await screenshot(page, `display-preferences-orders-${appLocale}`);

    // The order's own page: its date and money, the same way.
    await page.goto(`/${appLocale}/orders/${order.id}`);
    await expect(page.getByRole("heading", { level: 1 })).toContainText(order.number);
    await expect(page.getByText(listDate).filter({ visible: true }).first()).toBeVisible();
    await expect(page.getByText(money).filter({ visible: true }).first()).toBeVisible();
    await screenshot(page, `display-preferences-order-${appLocale}`);

    // Counts inside sentences too: the units of the dashboard's top product.
    await page.goto(`/${appLocale}/analytics`);
    await expect(page.getByRole("heading", { level: 1, name: t.Analytics.title })).toBeVisible();
    const units = createTranslator({
      locale: appLocale,
      messages: t,
      namespace: "Analytics.topProducts",
      formats: { number: { digits: { numberingSystem: "arab" } } },
    });
    await expect(async () => {
      const [top] = (await owner.analytics.getOverview()).topProducts;
      expect(top).toBeDefined();
      const shown = units("unitsValue", { count: top!.unitsSold });
      expect(LATIN_DIGIT.test(shown)).toBe(false);
      await page.reload();
      await expect(page.getByText(shown, { exact: true }).first()).toBeVisible({ timeout: 2_000 });
    }).toPass(AFTER_SAVE);
    await screenshot(page, `display-preferences-analytics-${appLocale}`);

    // Back to Latin digits and the Gregorian calendar: the list reads as before.
    await choose(page, appLocale, { digits: "latn", calendar: "gregory" });
    await page.goto(`/${appLocale}/orders?q=${encodeURIComponent(order.number)}`);
    await expect(page.getByRole("row").filter({ hasText: order.number })).toContainText(
      gregorianLatin,
    );
  } finally {
    await context.close();
  }
  // The owner everyone else signs in as never changed.
  expect((await owner.auth.me()).preferences).toEqual({ digits: "latn", calendar: "gregory" });
});
