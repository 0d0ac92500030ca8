import type { Page } from "@playwright/test";
import {
  escapeRegExp,
  expect,
  format,
  openPage,
  seriousViolations,
  test,
  uniqueId,
  type AppLocale,
  type Messages,
} from "./fixtures";
import {
  apiToken,
  browserNumber,
  createProduct,
  csvFile,
  listProducts,
  plain,
} from "./products-helpers";

/**
 * The list, filtered by a search, as a user would reach it. Enter submits the search whether or
 * not the page has hydrated yet (the form also works as a plain GET form).
 */
async function searchList(page: Page, locale: AppLocale, t: Messages, query: string) {
  await page.goto(`/${locale}/products`);
  const search = page.getByRole("searchbox", { name: t.products.filters.search });
  await search.fill(query);
  await search.press("Enter");
  await expect.poll(() => new URL(page.url()).searchParams.get("q")).toBe(query);
}

/** The submit button turns on once React runs; typing before that would not reach the form. */
async function formReady(page: Page, submit: string) {
  await expect(page.getByRole("button", { name: submit })).toBeEnabled();
}

function priceText(locale: AppLocale, amount: number, currency = "SAR") {
  // The list formats prices on the server, with Node's Intl, like this.
  return new Intl.NumberFormat(locale, { style: "currency", currency }).format(amount);
}

test("create a product with an Arabic name and a price in Arabic digits, find it without diacritics, edit its price", async ({
  page,
  appLocale,
  t,
}) => {
  test.slow(); // a journey of several pages and writes
  const id = uniqueId();
  const arabicName = `قَهْوَة عَرَبِيَّة ${id}`;
  await page.goto(`/${appLocale}/products/new`);
  await expect(
    page.getByRole("heading", { level: 1, name: t.products.metadata.new }),
  ).toBeVisible();

  await formReady(page, t.products.form.create);
  const arabicInput = page.getByLabel(t.products.form.name.ar);
  await expect(arabicInput).toHaveAttribute("dir", "rtl");
  await expect(arabicInput).toHaveAttribute("lang", "ar");
  await expect(page.getByLabel(t.products.form.name.en)).toHaveAttribute("dir", "ltr");
  await arabicInput.fill(arabicName);
  // Typed on an Arabic keyboard: Arabic-Indic digits and the Arabic decimal sign.
  await page.getByLabel(t.products.form.price, { exact: true }).fill("٢٥٫٥٠");
  await page.getByLabel(t.products.form.sku).fill(`E2E-${id}`);
  await page.getByRole("button", { name: t.products.form.create }).click();

  await expect(page.getByRole("status").filter({ hasText: t.products.form.created })).toBeVisible();
  // The notice stays on screen, but the address forgets it: a reload would not announce it again.
  await expect(page).toHaveURL(new RegExp(`/${appLocale}/products/[0-9a-f-]{36}$`));

  // No tashkeel, and ه for ة: Arabic-aware search still finds it.
  await searchList(page, appLocale, t, `قهوه عربيه ${id}`);
  const rows = page.getByRole("table").getByRole("row").filter({ hasText: id });
  await expect(rows).toHaveCount(1);
  const row = rows.first();
  await expect(row).toContainText(arabicName);
  await expect(row).toContainText(priceText(appLocale, 25.5));
  // No stock entered: the row says so in words.
  await expect(row).toContainText(t.products.table.outOfStock);
  if (appLocale === "en") {
    // No English name yet: the Arabic one stands in, and says so.
    await expect(row.getByText(t.products.fallback.badge)).toBeVisible();
  }

  // The name is the first link; the edit icon's label ("Edit …") also holds the name.
  await row.getByRole("link", { name: new RegExp(`^${escapeRegExp(arabicName)}`) }).click();
  await formReady(page, t.products.form.save);
  const price = page.getByLabel(t.products.form.price, { exact: true });
  await expect(price).toHaveValue("25.50");
  await price.fill("۳۴۹٫۵"); // Persian digits
  await page.getByRole("button", { name: t.products.form.save }).click();
  await expect(page.getByRole("status").filter({ hasText: t.products.form.saved })).toBeVisible();

  await searchList(page, appLocale, t, `قهوه عربيه ${id}`);
  await expect(page.getByRole("row").filter({ hasText: id })).toContainText(
    priceText(appLocale, 349.5),
  );
});

test("the form shows the API's rules next to the fields", async ({
  page,
  request,
  appLocale,
  t,
}) => {
  const id = uniqueId();
  const token = await apiToken(request);
  await createProduct(request, token, {
    name: { en: `Taken ${id}` },
    price: 1,
    sku: `TAKEN-${id}`,
  });

  await page.goto(`/${appLocale}/products/new`);
  await formReady(page, t.products.form.create);
  // Active needs both names; SAR has two decimals.
  await page.getByLabel(t.products.form.name.en).fill(`Form ${id}`);
  await page.getByLabel(t.products.form.status, { exact: true }).selectOption("active");
  await page.getByLabel(t.products.form.price, { exact: true }).fill("10.005");
  await page.getByRole("button", { name: t.products.form.create }).click();
  await expect(page.getByText(t.products.form.errors.nameArForActive)).toBeVisible();
  await expect(page.getByLabel(t.products.form.name.ar)).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByLabel(t.products.form.price, { exact: true })).toHaveAttribute(
    "aria-invalid",
    "true",
  );

  // A taken SKU only the API can know about.
  await page.getByLabel(t.products.form.name.ar).fill(`نموذج ${id}`);
  await page.getByLabel(t.products.form.price, { exact: true }).fill("10.50");
  await page.getByLabel(t.products.form.sku).fill(`TAKEN-${id}`);
  await page.getByRole("button", { name: t.products.form.create }).click();
  await expect(page.getByText(t.products.form.errors.skuTaken)).toBeVisible();
  await expect(
    page.getByRole("alert").filter({ hasText: t.products.form.errorTitle }),
  ).toBeVisible();
  await expect(page).toHaveURL(new RegExp(`/${appLocale}/products/new$`));
});

test("import 200 products from a CSV with a progress bar", async ({
  page,
  request,
  appLocale,
  t,
}) => {
  // Several server round trips that write; give them room when the machine is busy.
  test.slow();
  const id = uniqueId();
  const records = Array.from({ length: 200 }, (_, i) => ({
    sku: `IMP-${id}-${i + 1}`,
    name_en: `Imported ${id} ${i + 1}`,
    name_ar: `منتج مستورد ${i + 1}`,
    price: `${10 + i}.${String(i % 100).padStart(2, "0")}`,
    category: `import-${id}`,
    tags: "imported|e2e",
    status: i % 2 ? "active" : "draft",
    inventory: String(i),
  }));

  await page.goto(`/${appLocale}/products/import`);
  await expect(
    page.getByRole("heading", { level: 1, name: t.products.import.title }),
  ).toBeVisible();
  await page.getByLabel(t.products.import.file).setInputFiles(csvFile(records));
  await page.getByRole("button", { name: t.products.import.submit, exact: true }).click();

  const bar = page.getByRole("progressbar", { name: t.products.import.progress.label });
  await expect(bar).toBeVisible();
  const summary = format(t.products.import.success.summary, {
    created: await browserNumber(page, appLocale, 200),
    updated: await browserNumber(page, appLocale, 0),
  });
  // 200 writes: on a busy machine this can take a while.
  await expect(
    page.getByRole("status").filter({ hasText: t.products.import.success.title }),
  ).toContainText(summary, { timeout: 45_000 });
  await expect(bar).toHaveAttribute("aria-valuenow", "100");

  const token = await apiToken(request);
  const imported = await listProducts(request, token, { category: `import-${id}`, limit: "1" });
  expect(imported.pagination.total).toBe(200);
});

test("an import with a bad row lists the row and imports nothing", async ({
  page,
  request,
  appLocale,
  t,
}) => {
  const id = uniqueId();
  await page.goto(`/${appLocale}/products/import`);
  await page.getByLabel(t.products.import.file).setInputFiles(
    csvFile([
      { sku: `GOOD-${id}`, name_en: `Good ${id}`, name_ar: "جيد", price: "12.00" },
      { sku: `BAD-${id}`, name_en: `Bad ${id}`, name_ar: "سيئ", price: "twelve" },
    ]),
  );
  await page.getByRole("button", { name: t.products.import.submit, exact: true }).click();

  await expect(
    page.getByRole("alert").filter({ hasText: t.products.import.failed.title }),
  ).toBeVisible();
  const errors = page.getByRole("table", { name: t.products.import.failed.caption });
  // The header is row 1, so the second record is row 3, as a spreadsheet numbers it.
  const row = errors.getByRole("row").filter({
    has: page.getByRole("rowheader", { name: await browserNumber(page, appLocale, 3) }),
  });
  await expect(row).toHaveCount(1);
  await expect(row.getByRole("cell").first()).toHaveText("price");
  // The problem is worded in the page's language, not the API's English.
  await expect(row.getByRole("cell").nth(1)).toHaveText(t.products.form.errors.priceInvalid);

  const token = await apiToken(request);
  expect((await listProducts(request, token, { q: `GOOD-${id}` })).pagination.total).toBe(0);
});

test("bulk actions change the selected rows and report what could not change", async ({
  page,
  request,
  appLocale,
  t,
}) => {
  // Several server round trips that write; give them room when the machine is busy.
  test.slow();
  const id = uniqueId();
  const token = await apiToken(request);
  const both = (letter: string) => ({ en: `Bulk ${id} ${letter}`, ar: `جملة ${id} ${letter}` });
  const a = await createProduct(request, token, { name: both("A"), price: 5, status: "active" });
  const b = await createProduct(request, token, { name: both("B"), price: 6, status: "active" });
  // Only an English name: it cannot become active.
  const c = await createProduct(request, token, { name: { en: `Bulk ${id} C` }, price: 7 });
  const shown = (product: typeof a) => product.name[appLocale] || product.name.en;

  await searchList(page, appLocale, t, `Bulk ${id}`);
  const select = (product: typeof a) =>
    page.getByRole("checkbox", { name: format(t.products.table.select, { name: shown(product) }) });
  const rowOf = (product: typeof a) => page.getByRole("row").filter({ hasText: shown(product) });
  const toolbar = page.getByRole("toolbar", { name: t.products.bulk.label });

  await select(a).check();
  await select(b).check();
  await toolbar.getByRole("button", { name: t.products.bulk.archive }).click();
  await expect(rowOf(a)).toContainText(t.products.status.archived);
  await expect(rowOf(b)).toContainText(t.products.status.archived);
  await expect(rowOf(c)).toContainText(t.products.status.draft);
  // What changed is no longer selected.
  await expect(select(a)).not.toBeChecked();

  await page.getByRole("checkbox", { name: t.products.table.selectAll }).check();
  await toolbar.getByRole("button", { name: t.products.bulk.activate }).click();
  await expect(page.getByRole("status")).toContainText(
    plain(t.products.bulk.reasons.needsNames, { name: shown(c) }),
    { timeout: 20_000 },
  );
  await expect(rowOf(a)).toContainText(t.products.status.active);
  await expect(rowOf(c)).toContainText(t.products.status.draft);
  // The one that failed stays selected for another try.
  await expect(select(c)).toBeChecked();
});

test("leaving the form with unsaved edits asks first", async ({ page, request, appLocale, t }) => {
  const id = uniqueId();
  const token = await apiToken(request);
  const product = await createProduct(request, token, {
    name: { en: `Unsaved ${id}`, ar: `غير محفوظ ${id}` },
    price: 4,
  });
  await page.goto(`/${appLocale}/products/${product.id}`);
  await formReady(page, t.products.form.save);
  const name = page.getByLabel(t.products.form.name.en);
  await name.fill(`Renamed ${id}`);
  const other = appLocale === "en" ? "ar" : "en";
  const switcher = page.getByRole("link", { name: new RegExp(t.LocaleSwitcher.label) });

  // Backing out keeps the page and the edit.
  const asked: string[] = [];
  page.once("dialog", (dialog) => {
    asked.push(dialog.message());
    void dialog.dismiss();
  });
  await switcher.click();
  await expect.poll(() => asked).toEqual([t.Common.unsavedChanges]);
  await expect(page).toHaveURL(new RegExp(`/${appLocale}/products/${product.id}$`));
  await expect(name).toHaveValue(`Renamed ${id}`);

  // Agreeing leaves (to the same product in the other language).
  page.once("dialog", (dialog) => void dialog.accept());
  await switcher.click();
  await expect(page).toHaveURL(new RegExp(`/${other}/products/${product.id}$`));
});

test("delete asks for confirmation", async ({ page, request, appLocale, t }) => {
  test.slow(); // a journey of several pages and writes
  const id = uniqueId();
  const token = await apiToken(request);
  const product = await createProduct(request, token, {
    name: { en: `Delete ${id}`, ar: `حذف ${id}` },
    price: 3,
  });
  const name = product.name[appLocale];

  await searchList(page, appLocale, t, id);
  const deleteButton = page.getByRole("button", {
    name: format(t.products.table.delete, { name }),
  });
  await deleteButton.click();
  const dialog = page.getByRole("alertdialog", { name: t.products.delete.title });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole("button", { name: t.products.delete.cancel })).toBeFocused();

  // Escape cancels and gives focus back.
  await page.keyboard.press("Escape");
  await expect(dialog).toBeHidden();
  await expect(deleteButton).toBeFocused();
  await expect(page.getByRole("row").filter({ hasText: name })).toHaveCount(1);

  await deleteButton.click();
  await dialog.getByRole("button", { name: t.products.delete.confirm, exact: true }).click();
  await expect(page.getByRole("status")).toContainText(plain(t.products.delete.deleted, { name }));
  await expect(page.getByRole("heading", { name: t.products.noResults.title })).toBeVisible();
  expect((await listProducts(request, token, { q: id })).pagination.total).toBe(0);
});

test("filters, sorting and the export follow the URL", async ({ page, request, appLocale, t }) => {
  test.slow(); // a journey of several pages and writes
  const id = uniqueId();
  const token = await apiToken(request);
  await createProduct(request, token, {
    name: { en: `Export ${id}`, ar: `تصدير ${id}` },
    price: 9,
    sku: `EXP-${id}`,
    status: "archived",
  });

  await searchList(page, appLocale, t, id);
  await page.getByLabel(t.products.filters.status, { exact: true }).selectOption("archived");
  await expect(page).toHaveURL(/status=archived/);
  const priceHeader = page.getByRole("columnheader", { name: new RegExp(t.products.table.price) });
  await priceHeader.getByRole("link").click();
  await expect(page).toHaveURL(/sort=price/);
  await expect(priceHeader).toHaveAttribute("aria-sort", "ascending");
  await page.reload();
  await expect(page.getByRole("searchbox", { name: t.products.filters.search })).toHaveValue(id);
  await expect(page.getByLabel(t.products.filters.status, { exact: true })).toHaveValue("archived");

  const download = page.waitForEvent("download");
  await page.getByRole("link", { name: t.products.list.exportFiltered }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/\.csv$/);
  const text = await readStream(await file.createReadStream());
  expect(text.startsWith("\uFEFFsku,name_en,name_ar,")).toBe(true);
  const lines = text.trim().split(/\r\n/);
  expect(lines).toHaveLength(2);
  expect(lines[1]).toContain(`EXP-${id}`);
});

test("an unknown product shows the not-found page", async ({ page, appLocale, t }) => {
  // The admin streams its pages (loading.tsx), so the status is already sent: check the page.
  await page.goto(`/${appLocale}/products/00000000-0000-4000-8000-000000000000`);
  await expect(page.getByRole("heading", { name: t.NotFound.title })).toBeVisible();
});

test.describe("no serious or critical accessibility violations", () => {
  test("product list", async ({ page, request, appLocale, t }) => {
    const token = await apiToken(request);
    await createProduct(request, token, { name: { ar: `فحص ${uniqueId()}` }, price: 1 });
    await openPage(page, `/${appLocale}/products`, t.products.list.title);
    await page.getByRole("checkbox", { name: t.products.table.selectAll }).check();
    await expect(page.getByRole("toolbar", { name: t.products.bulk.label })).toBeVisible();
    expect(await seriousViolations(page)).toEqual([]);
  });

  test("product form, also with errors", async ({ page, appLocale, t }) => {
    await openPage(page, `/${appLocale}/products/new`, t.products.metadata.new);
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByRole("button", { name: t.products.form.create }).click();
    await expect(page.getByText(t.products.form.errors.nameRequired)).toBeVisible();
    expect(await seriousViolations(page)).toEqual([]);
  });

  test("import page", async ({ page, appLocale, t }) => {
    await openPage(page, `/${appLocale}/products/import`, t.products.import.title);
    expect(await seriousViolations(page)).toEqual([]);
  });
});

async function readStream(stream: NodeJS.ReadableStream): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.from(chunk as Buffer));
  return Buffer.concat(chunks).toString("utf8");
}
