import { BrainSAITStore } from "@/lib/sdk";
import { expect, format, hydrated, test, uniqueId } from "./fixtures";

// Customers on orders (docs/orders.md): a phone typed on an Arabic keyboard is stored in E.164
// and the order is found again by that phone typed another way.
test.describe.configure({ timeout: 90_000 });
const AFTER_SAVE = { timeout: 20_000 };

const ARABIC_DIGITS = "٠١٢٣٤٥٦٧٨٩";
const arabic = (digits: string) => digits.replace(/\d/g, (d) => ARABIC_DIGITS[Number(d)]!);

async function activeProduct(owner: BrainSAITStore, id: string) {
  return owner.products.create({
    name: { en: `Saffron ${id}`, ar: `زعفران ${id}` },
    price: "50.00",
    currency: "SAR",
    sku: `CUS-${id}`,
    status: "active",
    inventory: 10,
  });
}

test("a manual order with a phone in Arabic digits is found by that phone", async ({
  page,
  owner,
  appLocale,
  t,
}) => {
  const id = uniqueId();
  const product = await activeProduct(owner, id);
  const name = product.name[appLocale];
  // A mobile number unique to this run: 05 and eight digits.
  const local = `05${String(Date.now() % 100_000_000).padStart(8, "0")}`;
  const e164 = `+966${local.slice(1)}`;

  await page.goto(`/${appLocale}/orders/new`);
  const search = page.getByRole("searchbox", { name: t.orders.new.picker.search });
  await hydrated(search);
  await search.fill(product.sku!);
  const results = page.getByRole("list", { name: t.orders.new.picker.results });
  await expect(results.getByRole("listitem")).toHaveCount(1);
  await results.getByRole("button", { name: format(t.orders.new.picker.add, { name }) }).click();

  const phone = page.getByLabel(t.orders.new.customer.phone, { exact: true });
  // A wrong number gets a clear message before anything is sent.
  await phone.fill(arabic("0501"));
  await page.getByLabel(t.orders.new.delivery.city, { exact: true }).fill("الرياض");
  await page.getByLabel(t.orders.new.delivery.postalCode, { exact: true }).fill(arabic("12211"));
  await page
    .getByLabel(t.orders.new.delivery.paymentMethod, { exact: true })
    .selectOption("cash_on_delivery");
  await page.getByLabel(format(t.orders.new.delivery.shipping, { currency: "SAR" })).fill("25");
  await page.getByRole("button", { name: t.orders.new.create }).click();
  await expect(page.getByText(t.orders.new.errors.phoneInvalid)).toBeVisible();
  await expect(phone).toHaveAttribute("aria-invalid", "true");

  await phone.fill(arabic(local));
  await page.getByRole("button", { name: t.orders.new.create }).click();
  await expect(page.getByRole("status").filter({ hasText: t.orders.detail.created })).toBeVisible(
    AFTER_SAVE,
  );
  const main = page.getByRole("main");
  await expect(main.locator(`a[href="tel:${e164}"]`)).toBeVisible();
  await expect(main).toContainText(t.orders.paymentMethods.cash_on_delivery);
  await expect(main).toContainText(t.orders.totals.shipping);

  const [order] = (await owner.orders.list({ q: local })).data;
  expect(order).toMatchObject({ customerPhone: e164, shipping: 25, total: 75 });

  // The list finds it by the phone typed the international way.
  await page.goto(`/${appLocale}/orders`);
  const box = page.getByRole("searchbox", { name: t.orders.filters.search, exact: true });
  await hydrated(box);
  await expect(box).toHaveAttribute("placeholder", t.orders.filters.searchPlaceholder);
  await box.fill(`+966 ${local.slice(1, 3)} ${local.slice(3, 6)} ${local.slice(6)}`);
  await expect(page).toHaveURL(/[?&]q=/);
  const table = page.getByRole("table");
  await expect(table.getByRole("rowgroup").last().getByRole("row")).toHaveCount(1, AFTER_SAVE);
  await expect(table.getByRole("link", { name: order!.number })).toBeVisible();
});

test("the customer's mobile is added to an order afterwards, typed in Arabic digits", async ({
  page,
  owner,
  appLocale,
  t,
}) => {
  const id = uniqueId();
  const product = await activeProduct(owner, id);
  const order = await owner.orders.create({ items: [{ productId: product.id, quantity: 1 }] });

  await page.goto(`/${appLocale}/orders/${order.id}`);
  const edit = page.getByRole("button", { name: t.orders.details.edit });
  await hydrated(edit);
  await edit.click();
  const form = page.getByRole("form", { name: t.orders.details.formLabel });
  const phone = form.getByLabel(t.orders.details.phone);
  await phone.fill("12345");
  await form.getByRole("button", { name: t.orders.details.save }).click();
  await expect(form.getByText(t.orders.details.errors.phoneInvalid)).toBeVisible();

  await phone.fill(arabic("0551234567"));
  await form.getByRole("button", { name: t.orders.details.save }).click();
  await expect(page.getByRole("status").filter({ hasText: t.orders.details.saved })).toBeVisible(
    AFTER_SAVE,
  );
  await expect(page.getByRole("link", { name: "+966 55 123 4567" }).first()).toHaveAttribute(
    "href",
    "tel:+966551234567",
  );
  expect((await owner.orders.get(order.id)).customerPhone).toBe("+966551234567");
});
