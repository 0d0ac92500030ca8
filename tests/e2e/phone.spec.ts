import type { Locator, Page } from "@playwright/test";
import type { BrainSAITStore } from "@/lib/sdk";
import { escapeRegExp, expect, hydrated, icu, test, uniqueId, type Messages } from "./fixtures";

/** Issue 19, item 7: the admin on a phone (390 x 844), in both languages. */
const PHONE = { width: 390, height: 844 };

test.use({ viewport: PHONE });
test.describe.configure({ timeout: 90_000 });

/** Something in every list: a paid order (a payment, an invoice), a product, a key, an endpoint. */
async function fillLists(owner: BrainSAITStore) {
  const id = uniqueId();
  // Orders raise order.created for every endpoint of the store (other specs' too): make one only
  // when no order has been paid yet (a paid order has a payment and an invoice).
  if ((await owner.invoices.list({ limit: 1 })).data.length === 0) {
    const order = await owner.orders.create({
      items: [{ name: { en: `Phone dates ${id}`, ar: `تمر ${id}` }, price: "20.00", quantity: 1 }],
      customerName: "Noura Al-Harbi",
      customerEmail: `phone-${id}@example.com`,
    });
    await owner.payments.recordManual({ orderId: order.id, method: "bank_transfer" });
  }
  await owner.products.create({
    name: { en: `Medjool dates, premium gift box ${id}`, ar: `تمر مجدول، علبة هدايا فاخرة ${id}` },
    price: 149.5,
    sku: `PHONE-${id}`,
    inventory: 12,
  });
  await owner.apiKeys.create({ name: `Phone key ${id}`, scopes: ["orders:read"] });
  await owner.webhooks.create({
    url: `https://example.com/hooks/${id}`,
    description: `Phone ${id}`,
    events: ["app.uninstalled"],
  });
}

/** The page does not scroll sideways: nothing sits off-screen (past the left edge in RTL). */
async function expectNoSidewaysScroll(page: Page) {
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  expect(overflow, "the page scrolls sideways").toBeLessThanOrEqual(0);
}

/** Wholly inside the window, not only "visible" somewhere on a page that scrolls sideways. */
async function expectOnScreen(locator: Locator) {
  await expect(locator).toBeVisible();
  const box = await locator.boundingBox();
  expect(box).not.toBeNull();
  expect(box!.x).toBeGreaterThanOrEqual(0);
  expect(box!.x + box!.width).toBeLessThanOrEqual(PHONE.width);
}

interface ListCase {
  name: string;
  path: string;
  /** The first row's main action, on the phone's card (or the endpoint's card). */
  action: (page: Page, t: Messages) => Locator;
}

/** A message with a {placeholder} as a pattern of the words before it ("Edit {name}": /^Edit /). */
function before(template: string) {
  return new RegExp(`^${escapeRegExp(template.slice(0, template.indexOf("{")))}`);
}

const main = (page: Page) => page.getByRole("main");
const firstCardLink = (page: Page) =>
  main(page).getByRole("list").first().getByRole("listitem").first().getByRole("link").first();

const LISTS: ListCase[] = [
  { name: "orders", path: "/orders", action: firstCardLink },
  {
    name: "products",
    path: "/products",
    action: (page, t) =>
      main(page)
        .getByRole("link", { name: before(t.products.table.edit) })
        .first(),
  },
  { name: "invoices", path: "/invoices", action: firstCardLink },
  { name: "payments", path: "/payments", action: firstCardLink },
  {
    name: "api-keys",
    path: "/settings/api-keys",
    action: (page, t) =>
      main(page)
        .getByRole("button", { name: before(t.settings.apiKeys.revoke.buttonFor) })
        .first(),
  },
  {
    name: "webhooks",
    path: "/settings/webhooks",
    action: (page, t) => main(page).getByRole("button", { name: t.webhooks.actions.edit }).first(),
  },
  {
    name: "audit",
    path: "/settings/audit",
    action: (page, t) => main(page).getByText(t.settings.audit.table.showDetails).first(),
  },
  {
    // Another change reworks the team page; it is checked for overflow here all the same.
    name: "team",
    path: "/settings/team",
    action: (page, t) => main(page).getByRole("button", { name: t.settings.team.invite.button }),
  },
];

test("every admin list fits a phone: no sideways scroll, each row's main action on screen", async ({
  page,
  appLocale,
  t,
  owner,
}) => {
  await fillLists(owner);
  for (const list of LISTS) {
    await test.step(list.name, async () => {
      await page.goto(`/${appLocale}${list.path}`);
      await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
      await expectNoSidewaysScroll(page);
      await expectOnScreen(list.action(page, t));
      await page.screenshot({
        path: `test-results/screenshots/phone-${list.name}-${appLocale}.png`,
        fullPage: true,
      });
    });
  }
});

test("the settings tabs scroll on a phone: the current tab in view, a fade where more hide", async ({
  page,
  appLocale,
  t,
}) => {
  // The audit log is the last tab: on a phone the row must have scrolled to show it.
  await page.goto(`/${appLocale}/settings/audit`);
  const nav = page.getByRole("navigation", { name: t.settings.nav.label });
  const current = nav.locator('[aria-current="page"]');
  await expect(current).toHaveText(t.settings.nav.items.audit);
  await expect.poll(async () => (await current.boundingBox())?.x ?? -1).toBeGreaterThanOrEqual(0);
  const box = (await current.boundingBox())!;
  expect(box.x + box.width).toBeLessThanOrEqual(PHONE.width);
  await expectNoSidewaysScroll(page);
  // Tabs hide before it (towards the start edge, left in English, right in Arabic), none after.
  const cue = (edge: "start" | "end") => nav.locator(`[data-scroll-cue="${edge}"]`);
  await expect(cue("start")).toHaveCSS("opacity", "1");
  await expect(cue("end")).toHaveCSS("opacity", "0");
  const cueBox = (await cue("start").boundingBox())!;
  if (appLocale === "ar") expect(cueBox.x + cueBox.width).toBeGreaterThan(PHONE.width - 60);
  else expect(cueBox.x).toBeLessThan(60);
});

const PNG = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=",
  "base64",
);

test("product images: removing waits for Save (with undo), the arrows reorder, the first is the thumbnail", async ({
  page,
  appLocale,
  t,
  owner,
}) => {
  const id = uniqueId();
  const product = await owner.products.create({ name: { en: `Lamp ${id}` }, price: 10 });
  for (const name of ["a.png", "b.png", "c.png"])
    await owner.products.uploadImage(product.id, new Blob([PNG]), name);
  const [a, b, c] = (await owner.products.get(product.id)).images as [string, string, string];
  const f = t.products.form;

  await page.goto(`/${appLocale}/products/${product.id}`);
  const save = page.getByRole("button", { name: f.save, exact: true });
  await expect(save).toBeEnabled();
  // The sticky bar keeps Save on screen at the top of a long form.
  const saveBox = (await save.boundingBox())!;
  expect(saveBox.y + saveBox.height).toBeLessThanOrEqual(PHONE.height);

  const remove1 = page.getByRole("button", { name: icu(appLocale, f.removeImage, { index: 1 }) });
  await remove1.scrollIntoViewIfNeeded();
  await remove1.click();
  const keep1 = page.getByRole("button", { name: icu(appLocale, f.keepImage, { index: 1 }) });
  await expect(keep1).toBeFocused();
  await expect(page.getByText(f.imageRemovedOnSave, { exact: true })).toBeVisible();
  // Nothing has been removed yet.
  expect((await owner.products.get(product.id)).images).toEqual([a, b, c]);
  // Undo, and remove again.
  await keep1.click();
  await expect(remove1).toBeFocused();
  await remove1.click();

  // The third image one place earlier: focus stays on the same image's button, now its second.
  await page
    .getByRole("button", { name: icu(appLocale, f.moveImageEarlier, { index: 3 }) })
    .click();
  await expect(
    page.getByRole("button", { name: icu(appLocale, f.moveImageEarlier, { index: 2 }) }),
  ).toBeFocused();
  await expect(page.getByText(icu(appLocale, f.imageMoved, { index: 2 }))).toBeAttached();
  expect((await owner.products.get(product.id)).images).toEqual([a, b, c]);
  await page.screenshot({ path: `test-results/screenshots/phone-product-images-${appLocale}.png` });

  await save.click();
  await expect(page.getByRole("status").filter({ hasText: f.saved })).toBeVisible();
  await expect.poll(async () => (await owner.products.get(product.id)).images).toEqual([c, b]);
  // The first image is the list's thumbnail.
  await page.goto(`/${appLocale}/products?q=${id}`);
  await expect(
    page.getByRole("main").getByRole("listitem").filter({ hasText: id }).locator("img"),
  ).toHaveAttribute("src", c);
});

test("after a status change, focus lands on the outcome, not the top of the page", async ({
  page,
  appLocale,
  t,
  owner,
}) => {
  const order = await owner.orders.create({
    items: [{ name: { en: "Focus", ar: "تركيز" }, price: "5.00", quantity: 1 }],
    customerEmail: `focus-${uniqueId()}@example.com`,
  });
  await page.goto(`/${appLocale}/orders/${order.id}`);
  const paid = page.getByRole("button", { name: t.orders.actions.to.paid, exact: true });
  await hydrated(paid);
  await paid.click();
  await expect(page.locator(":focus")).toContainText(
    icu(appLocale, t.orders.actions.done, { status: t.orders.status.paid }),
  );
});

test("creating an API key moves focus into the dialog that shows it", async ({
  page,
  appLocale,
  t,
  owner,
}) => {
  const name = `Focus key ${uniqueId()}`;
  await page.goto(`/${appLocale}/settings/api-keys`);
  const create = page.getByRole("button", { name: t.settings.apiKeys.create }).first();
  await hydrated(create);
  await create.click();
  const k = t.settings.apiKeys;
  const dialog = page.getByRole("dialog", { name: k.createDialog.title });
  await dialog.getByLabel(k.createDialog.name, { exact: true }).fill(name);
  await dialog.getByRole("checkbox", { name: k.createDialog.read }).first().check();
  await dialog.getByRole("button", { name: k.createDialog.submit }).click();
  // The dialog now shows the key: focus is on its field (or its Copy button), not left behind.
  const secret = page.getByRole("dialog", { name: k.secret.title });
  await expect(secret.getByLabel(k.secret.label)).toBeVisible();
  await expect(secret.locator(":focus")).toHaveCount(1);
  await secret.getByRole("button", { name: k.secret.done }).click();
  const [key] = (await owner.apiKeys.list()).data.filter((k) => k.name === name);
  if (key) await owner.apiKeys.revoke(key.id);
});

test("the store settings keep Save on screen on a phone, above the form's end", async ({
  page,
  appLocale,
  t,
}) => {
  await page.goto(`/${appLocale}/settings/store`);
  const save = page.getByRole("button", { name: t.settings.store.save, exact: true });
  await expect(save).toBeVisible();
  const box = (await save.boundingBox())!;
  // The form is longer than the window, yet Save shows at the bottom without scrolling.
  expect(box.y + box.height).toBeLessThanOrEqual(PHONE.height);
  expect(await page.evaluate(() => document.documentElement.scrollHeight)).toBeGreaterThan(
    PHONE.height,
  );
  await expectNoSidewaysScroll(page);
  await page.screenshot({ path: `test-results/screenshots/phone-store-settings-${appLocale}.png` });
});
