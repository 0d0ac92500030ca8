import type { Page } from "@playwright/test";
import { BrainSAITStore } from "@/lib/sdk";
import {
  DEMO,
  escapeRegExp,
  expect,
  format,
  hydrated,
  icu,
  seriousViolations,
  test,
  uniqueId,
  type AppLocale,
  type Messages,
} from "./fixtures";

// Journeys of several saves each, beside other specs writing to the same embedded database.
test.describe.configure({ timeout: 90_000 });
/** A server action's reply carries the refreshed page; on a busy test server that takes a while. */
const AFTER_SAVE = { timeout: 20_000 };

/** An active product with both names and stock, unique to the calling test. */
async function activeProduct(owner: BrainSAITStore, id: string, inventory: number) {
  return owner.products.create({
    name: { en: `Cardamom coffee ${id}`, ar: `قهوة بالهيل ${id}` },
    price: "45.00",
    currency: "SAR",
    sku: `ORD-${id}`,
    status: "active",
    inventory,
  });
}

/** A new product with `inventory` in stock and an order of `quantity` of it (pending). */
async function orderOfNewProduct(
  owner: BrainSAITStore,
  id: string,
  { inventory, quantity, ...fields }: { inventory: number; quantity: number } & OrderFields,
) {
  const product = await activeProduct(owner, id, inventory);
  const order = await owner.orders.create({
    items: [{ productId: product.id, quantity }],
    ...fields,
  });
  return { product, order };
}
type OrderFields = { customerEmail?: string; notes?: string };

function timelineEntry(page: Page, t: Messages, text: string) {
  return page
    .getByRole("list", { name: t.orders.timeline.title })
    .getByRole("listitem")
    .filter({ hasText: text });
}

function statusChange(t: Messages, from: string, to: string) {
  const s = t.orders.status as Record<string, string>;
  return format(t.orders.timeline.statusChanged, { from: s[from]!, to: s[to]! });
}

test("create an order by hand and move it from pending to completed", async ({
  page,
  owner,
  appLocale,
  t,
}) => {
  const id = uniqueId();
  const product = await activeProduct(owner, id, 10);
  const name = product.name[appLocale];
  const email = `buyer-${id}@example.com`;

  await page.goto(`/${appLocale}/orders/new`);
  await expect(page.getByRole("heading", { level: 1, name: t.orders.metadata.new })).toBeVisible();
  const search = page.getByRole("searchbox", { name: t.orders.new.picker.search });
  await hydrated(search);
  // The search runs on the server; the SKU finds exactly this product.
  await search.fill(product.sku!);
  const results = page.getByRole("list", { name: t.orders.new.picker.results });
  await expect(results.getByRole("listitem")).toHaveCount(1);
  await results.getByRole("button", { name: format(t.orders.new.picker.add, { name }) }).click();

  const quantity = page.getByLabel(format(t.orders.new.lines.quantityFor, { name }));
  await expect(quantity).toHaveValue("1");
  await quantity.fill("2");
  await page.getByLabel(t.orders.new.customer.email).fill(email);
  await page.getByLabel(t.orders.new.customer.name).fill("ليلى الحربي");
  await page.getByRole("button", { name: t.orders.new.create }).click();

  await expect(page.getByRole("status").filter({ hasText: t.orders.detail.created })).toBeVisible(
    AFTER_SAVE,
  );
  // Shown once: the address drops ?created=1, so a reload does not announce it again.
  await expect(page).toHaveURL(new RegExp(`/${appLocale}/orders/[0-9a-f-]{36}$`));
  await page.reload();
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await expect(page.getByRole("status").filter({ hasText: t.orders.detail.created })).toHaveCount(
    0,
  );
  const [order] = (await owner.orders.list({ q: email })).data;
  expect(order?.status).toBe("pending");
  expect(order?.total).toBe(90);
  await expect(page.getByRole("heading", { level: 1 })).toContainText(order!.number);
  await expect(page.getByRole("main")).toContainText(name);
  await expect(timelineEntry(page, t, t.orders.timeline.created)).toHaveCount(1);

  // Each step by its button; the timeline records it, oldest first.
  const steps = [
    ["pending", "paid"],
    ["paid", "fulfilled"],
    ["fulfilled", "completed"],
  ] as const;
  for (const [from, to] of steps) {
    const button = page.getByRole("button", { name: t.orders.actions.to[to], exact: true });
    await hydrated(button);
    await button.click();
    if (to === "fulfilled") {
      // Fulfilling asks for the shipment (optional): carrier and tracking number.
      const dialog = page.getByRole("dialog");
      await dialog.getByLabel(t.orders.actions.fulfil.carrier).fill("SMSA");
      await dialog.getByLabel(t.orders.actions.fulfil.trackingNumber).fill(`TRK${id}`);
      await dialog.getByRole("button", { name: t.orders.actions.fulfil.confirm }).click();
      await expect(timelineEntry(page, t, statusChange(t, from, to))).toContainText(
        `TRK${id}`,
        AFTER_SAVE,
      );
      await expect(page.getByTestId("tracking-number")).toHaveText(`TRK${id}`);
    }
    await expect(timelineEntry(page, t, statusChange(t, from, to))).toHaveCount(1, AFTER_SAVE);
    await expect(
      page.getByRole("status").filter({
        hasText: format(t.orders.actions.done, { status: t.orders.status[to] }),
      }),
    ).toBeVisible();
  }
  const entries = page.getByRole("list", { name: t.orders.timeline.title }).getByRole("listitem");
  await expect(entries).toHaveCount(4);
  await expect(entries.last()).toContainText(statusChange(t, "fulfilled", "completed"));
  await expect(entries.last()).toContainText(DEMO.userName);
  await expect(page.getByText(t.orders.payment.states.paid, { exact: true })).toBeVisible();
  // Completed: only refunds are left, for an owner.
  await expect(
    page.getByRole("button", { name: t.orders.actions.to.paid, exact: true }),
  ).toHaveCount(0);
  await expect(page.getByRole("button", { name: t.orders.actions.to.refunded })).toBeVisible();
  expect((await owner.orders.get(order!.id)).status).toBe("completed");
});

test("cancelling an order asks first and returns its stock", async ({
  page,
  owner,
  appLocale,
  t,
}) => {
  const id = uniqueId();
  const { product, order } = await orderOfNewProduct(owner, id, {
    inventory: 5,
    quantity: 3,
    customerEmail: `cancel-${id}@example.com`,
  });
  expect((await owner.products.get(product.id)).inventory).toBe(2);

  await page.goto(`/${appLocale}/orders/${order.id}`);
  const cancel = page.getByRole("button", { name: t.orders.actions.to.cancelled, exact: true });
  await hydrated(cancel);
  await cancel.click();
  const dialog = page.getByRole("alertdialog", {
    name: format(t.orders.actions.confirm.cancel.title.replace(/<\/?n>/g, ""), {
      number: order.number,
    }),
  });
  await expect(dialog).toBeVisible();
  // The safe choice has the focus; backing out changes nothing.
  await expect(
    dialog.getByRole("button", { name: t.orders.actions.confirm.cancel.keep }),
  ).toBeFocused();
  await dialog.getByRole("button", { name: t.orders.actions.confirm.cancel.keep }).click();
  await expect(dialog).toBeHidden();
  expect((await owner.orders.get(order.id)).status).toBe("pending");

  await cancel.click();
  await dialog.getByRole("button", { name: t.orders.actions.confirm.cancel.confirm }).click();
  await expect(dialog).toBeHidden(AFTER_SAVE);
  await expect(timelineEntry(page, t, statusChange(t, "pending", "cancelled"))).toHaveCount(1);
  await expect(page.getByText(t.orders.payment.states.void, { exact: true })).toBeVisible();
  await expect(
    page.getByText(format(t.orders.actions.final, { status: t.orders.status.cancelled })),
  ).toBeVisible();

  // The three units are back: the order form's picker shows the product's stock again.
  expect((await owner.products.get(product.id)).inventory).toBe(5);
  await page.goto(`/${appLocale}/orders/new`);
  const search = page.getByRole("searchbox", { name: t.orders.new.picker.search });
  await hydrated(search);
  await search.fill(product.sku!);
  const result = page
    .getByRole("list", { name: t.orders.new.picker.results })
    .getByRole("listitem");
  await expect(result).toHaveCount(1);
  await expect(result).toContainText(await browserPlural(page, t.orders.new.picker.stock, 5));
});

test("more than the stock is refused, with the short line named", async ({
  page,
  owner,
  appLocale,
  t,
}) => {
  const id = uniqueId();
  const product = await activeProduct(owner, id, 1);
  const name = product.name[appLocale];

  await page.goto(`/${appLocale}/orders/new`);
  const search = page.getByRole("searchbox", { name: t.orders.new.picker.search });
  await hydrated(search);
  await search.fill(product.sku!);
  await page
    .getByRole("list", { name: t.orders.new.picker.results })
    .getByRole("button", { name: format(t.orders.new.picker.add, { name }) })
    .click();
  const quantity = page.getByLabel(format(t.orders.new.lines.quantityFor, { name }));
  await quantity.fill("3");
  await page.getByRole("button", { name: t.orders.new.create }).click();

  await expect(
    page.getByRole("alert").filter({ hasText: t.orders.new.errors.stockTitle }),
  ).toBeVisible(AFTER_SAVE);
  await expect(quantity).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByRole("main")).toContainText(
    format(t.orders.new.errors.insufficientStockLine, { available: "1" }),
  );
  await expect(page).toHaveURL(new RegExp(`/${appLocale}/orders/new$`));
  expect((await owner.products.get(product.id)).inventory).toBe(1);
});

test("edit the customer and notes in place", async ({ page, owner, appLocale, t }) => {
  const id = uniqueId();
  const { order } = await orderOfNewProduct(owner, id, { inventory: 10, quantity: 1 });

  await page.goto(`/${appLocale}/orders/${order.id}`);
  const details = page.getByRole("main");
  await expect(details.getByText(t.orders.details.noNotes)).toBeVisible();
  const edit = page.getByRole("button", { name: t.orders.details.edit });
  await hydrated(edit);
  await edit.click();
  const form = page.getByRole("form", { name: t.orders.details.formLabel });
  await expect(form.getByLabel(t.orders.details.name)).toBeFocused();
  await form.getByLabel(t.orders.details.email).fill("not-an-email");
  await form.getByRole("button", { name: t.orders.details.save }).click();
  await expect(form.getByText(t.orders.details.errors.emailInvalid)).toBeVisible();
  await expect(form.getByLabel(t.orders.details.email)).toHaveAttribute("aria-invalid", "true");

  await form.getByLabel(t.orders.details.name).fill("نورة القحطاني");
  await form.getByLabel(t.orders.details.email).fill(`Edit-${id}@Example.com`);
  await form.getByLabel(t.orders.details.notes).fill(`Gift wrap ${id}`);
  await form.getByRole("button", { name: t.orders.details.save }).click();
  await expect(page.getByRole("status").filter({ hasText: t.orders.details.saved })).toBeVisible(
    AFTER_SAVE,
  );
  await expect(form).toBeHidden();
  await expect(edit).toBeFocused();
  // Emails are kept in lower case by the API.
  await expect(details.getByRole("link", { name: `edit-${id}@example.com` })).toBeVisible();
  await expect(timelineEntry(page, t, t.orders.timeline.customerUpdated)).toContainText(
    "نورة القحطاني",
  );
  await expect(timelineEntry(page, t, t.orders.timeline.noteUpdated)).toContainText(
    `Gift wrap ${id}`,
  );
  const saved = await owner.orders.get(order.id);
  expect([saved.customerName, saved.customerEmail, saved.notes]).toEqual([
    "نورة القحطاني",
    `edit-${id}@example.com`,
    `Gift wrap ${id}`,
  ]);
});

test("filter the list by status and find an order by its number", async ({
  page,
  owner,
  appLocale,
  t,
}) => {
  const id = uniqueId();
  const product = await activeProduct(owner, id, 10);
  const email = `list-${id}@example.com`;
  const paid = await owner.orders.create({
    items: [{ productId: product.id, quantity: 1 }],
    customerEmail: email,
  });
  await owner.orders.update(paid.id, { status: "paid" });
  const pending = await owner.orders.create({
    items: [{ productId: product.id, quantity: 2 }],
    customerEmail: email,
  });

  await page.goto(`/${appLocale}/orders`);
  await expect(page.getByRole("heading", { level: 1, name: t.orders.list.title })).toBeVisible();
  const status = page.getByLabel(t.orders.filters.status, { exact: true });
  await hydrated(status);
  await status.selectOption("paid");
  await expect(page).toHaveURL(/[?&]status=paid(&|$)/);
  const table = page.getByRole("table");
  const badges = table.locator("[data-status]");
  await expect(badges.first()).toBeVisible();
  for (const text of await badges.allInnerTexts()) expect(text).toBe(t.orders.status.paid);
  await expect(table.getByRole("link", { name: paid.number })).toBeVisible();
  await expect(table.getByRole("link", { name: pending.number })).toHaveCount(0);

  // The number alone, with no status filter: exactly that order.
  await status.selectOption("");
  await page
    .getByRole("searchbox", { name: t.orders.filters.search, exact: true })
    .fill(pending.number);
  await expect(page).toHaveURL(new RegExp(`[?&]q=${escapeRegExp(pending.number)}`));
  await expect(page).not.toHaveURL(/status=/);
  const rows = table.getByRole("row").filter({ hasText: pending.number });
  await expect(rows).toHaveCount(1);
  await expect(table.getByRole("rowgroup").last().getByRole("row")).toHaveCount(1);
  await expect(rows).toContainText(t.orders.status.pending);
  await expect(rows).toContainText(email);
  await rows.getByRole("link", { name: pending.number }).click();
  await expect(page).toHaveURL(new RegExp(`/${appLocale}/orders/${pending.id}$`));

  // The export takes the same filters.
  const csv = await page.request.get(`/${appLocale}/orders/export?q=${pending.number}`);
  expect(csv.status()).toBe(200);
  expect(csv.headers()["content-type"]).toContain("text/csv");
  const body = await csv.text();
  expect(body.split("\r\n").filter(Boolean)).toHaveLength(2);
  expect(body).toContain(pending.number);
});

test("no serious or critical accessibility violations on the orders pages", async ({
  page,
  owner,
  appLocale,
  t,
}) => {
  const id = uniqueId();
  const { product, order } = await orderOfNewProduct(owner, id, {
    inventory: 10,
    quantity: 1,
    customerEmail: `a11y-${id}@example.com`,
    notes: "Leave at the door",
  });

  await page.goto(`/${appLocale}/orders`);
  await expect(page.getByRole("table")).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);

  await page.goto(`/${appLocale}/orders/${order.id}`);
  await expect(page.getByRole("heading", { level: 1 })).toContainText(order.number);
  expect(await seriousViolations(page)).toEqual([]);
  // With the confirmation dialog open, too.
  const cancel = page.getByRole("button", { name: t.orders.actions.to.cancelled, exact: true });
  await hydrated(cancel);
  await cancel.click();
  await expect(page.getByRole("alertdialog")).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
  await page.keyboard.press("Escape");
  await expect(page.getByRole("alertdialog")).toBeHidden();

  await page.goto(`/${appLocale}/orders/new`);
  const search = page.getByRole("searchbox", { name: t.orders.new.picker.search });
  await hydrated(search);
  await search.fill(product.sku!);
  await page
    .getByRole("list", { name: t.orders.new.picker.results })
    .getByRole("button", {
      name: format(t.orders.new.picker.add, { name: product.name[appLocale] }),
    })
    .click();
  await expect(
    page.getByLabel(format(t.orders.new.lines.quantityFor, { name: product.name[appLocale] })),
  ).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
});

/** A `{count, plural, …}` message as the page words it for a person with the default digits. */
async function browserPlural(page: Page, message: string, count: number): Promise<string> {
  const locale = (await page.evaluate(() => document.documentElement.lang)) as AppLocale;
  return icu(locale, message, { count });
}
