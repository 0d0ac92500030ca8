import { expect, hydrated, test } from "./fixtures";

// Issue 19: dates are typed and picked in the page's language, not the browser's (the Arabic
// admin in an English browser used to ask for mm/dd/yyyy).
test("a date is typed in the page's own digits and order, and picked from a calendar in its language", async ({
  page,
  t,
  appLocale,
  owner,
}) => {
  // The filters show once the store has an order.
  const product = await owner.products.create({
    name: { en: "Date field tea", ar: "شاي حقل التاريخ" },
    price: "12.00",
    currency: "SAR",
    status: "active",
    inventory: 5,
  });
  await owner.orders.create({ items: [{ productId: product.id, quantity: 1 }] });
  await page.goto(`/${appLocale}/orders`);
  const filters = page.getByRole("search", { name: t.orders.filters.label });
  const from = filters.getByLabel(t.orders.filters.from, { exact: true });
  await hydrated(from);

  // Arabic: day first, in Arabic-Indic digits; English: month first.
  await from.fill(appLocale === "ar" ? "٠٣/١١/٢٠٢٦" : "11/03/2026");
  await expect(page).toHaveURL(/[?&]from=2026-11-03(&|$)/);

  // A day that does not exist is said in the page's language and filters nothing.
  const to = filters.getByLabel(t.orders.filters.to, { exact: true });
  await to.fill(appLocale === "ar" ? "٣١/٠٢/٢٠٢٦" : "02/31/2026");
  await expect(filters.getByRole("alert")).toHaveText(t.Common.dateField.date);
  await expect(page).not.toHaveURL(/[?&]to=/);

  // The calendar names its month in the page's language and fills the field in its order.
  await to.fill("");
  await filters.getByRole("button", { name: t.Common.dateField.open }).nth(1).click();
  const calendar = page.getByRole("dialog", { name: t.Common.dateField.calendar });
  await expect(calendar).toBeVisible();
  const monthName = new Intl.DateTimeFormat(appLocale, { month: "long" }).format(new Date());
  await expect(calendar).toContainText(monthName);
  await page.screenshot({ path: `test-results/screenshots/date-field-${appLocale}.png` });
  const today = new Date();
  const month = String(today.getMonth() + 1).padStart(2, "0");
  const fifteenth = `${today.getFullYear()}-${month}-15`;
  await calendar.locator(`[data-day="${fifteenth}"]:not([data-outside]) button`).click();
  await expect(calendar).toBeHidden();
  await expect(to).toBeFocused();
  await expect(to).toHaveValue(
    appLocale === "ar"
      ? `15/${month}/${today.getFullYear()}`
      : `${month}/15/${today.getFullYear()}`,
  );
  await expect(page).toHaveURL(new RegExp(`[?&]to=${fifteenth}(&|$)`));
});
