import jsQR from "jsqr";
import { PNG } from "pngjs";
import type { BrainSAITStore } from "@/lib/sdk";
import { decodeZatcaQr } from "@/lib/invoices/zatca";
import { expect, MESSAGES, seriousViolations, test, uniqueId } from "./fixtures";
import { screenshot } from "./screenshots";

test.describe.configure({ timeout: 90_000 });

/** A paid order of two lines (15% VAT included): its invoice is issued with the payment. */
async function paidOrder(owner: BrainSAITStore) {
  const id = uniqueId();
  const order = await owner.orders.create({
    items: [
      { name: { en: `Ajwa dates ${id}`, ar: `تمر عجوة ${id}` }, price: "115.00", quantity: 2 },
      { name: { en: "Gift box", ar: "علبة هدية" }, price: "10.00", quantity: 1 },
    ],
    customerName: "Noura Al-Harbi",
    customerEmail: `noura-${id}@example.com`,
  });
  await owner.payments.recordManual({ orderId: order.id, method: "bank_transfer" });
  const [invoice] = (await owner.invoices.listForOrder(order.id)).data;
  if (!invoice) throw new Error("the payment issued no invoice");
  return { order, invoice };
}

/** A PDF's pages: each page object is `/Type /Page` (the tree's root is `/Type /Pages`). */
function pdfPages(pdf: Buffer): number {
  return (pdf.toString("latin1").match(/\/Type\s*\/Page(?![a-z])/g) ?? []).length;
}

test("an invoice opens from its order, prints on one A4 page, and its QR code holds the order's figures", async ({
  page,
  appLocale: locale,
  t,
  owner,
}) => {
  const { order, invoice } = await paidOrder(owner);

  await page.goto(`/${locale}/orders/${order.id}`);
  const card = page.getByTestId("order-invoices");
  await expect(card.getByRole("link", { name: invoice.number })).toBeVisible();
  await screenshot(page, `invoice-order-card-${locale}`);
  await card.getByRole("link", { name: invoice.number }).click();
  await expect(page).toHaveURL(new RegExp(`/${locale}/invoices/${invoice.id}$`));

  // Both languages side by side in either locale; the page around it follows the locale.
  const title = page.getByRole("heading", { level: 1 });
  await expect(title).toContainText(MESSAGES.en.Invoices.document.invoiceTitle);
  await expect(title).toContainText(MESSAGES.ar.Invoices.document.invoiceTitle);
  await expect(page.locator("html")).toHaveAttribute("dir", locale === "ar" ? "rtl" : "ltr");
  await expect(page.getByRole("link", { name: t.Invoices.chrome.backToList })).toBeVisible();
  const totals = page.getByTestId("invoice-totals");
  await expect(totals).toContainText(MESSAGES.en.Invoices.document.totalInclVat);
  await expect(totals).toContainText(MESSAGES.ar.Invoices.document.totalInclVat);
  await expect(totals).toContainText("240.00");
  await expect(totals).toContainText("31.30");
  await expect(page.getByRole("main")).toContainText("تمر عجوة");
  expect(await seriousViolations(page)).toEqual([]);

  // "Save as PDF": one A4 page, without the admin around it.
  const pdf = await page.pdf({ format: "A4", preferCSSPageSize: true });
  expect(pdfPages(pdf)).toBe(1);
  // What the paper looks like, for a person to check: print styles at A4's width.
  await page.emulateMedia({ media: "print" });
  await page.screenshot({
    path: `test-results/screenshots/invoice-${locale}-print.png`,
    fullPage: true,
  });
  await page.emulateMedia({ media: "screen" });

  // The QR code as the screen shows it, read back and decoded: the order's five fields.
  const png = PNG.sync.read(await page.getByTestId("invoice-qr").screenshot({ scale: "device" }));
  const code = jsQR(Uint8ClampedArray.from(png.data), png.width, png.height);
  expect(code, "a readable QR code").not.toBeNull();
  const settings = await owner.settings.get();
  expect(decodeZatcaQr(code!.data)).toEqual({
    sellerName: settings.name.ar,
    vatNumber: settings.vatNumber ?? "",
    timestamp: invoice.issuedAt.replace(/\.\d{3}Z$/, "Z"),
    total: order.total.toFixed(2),
    vatTotal: order.tax.toFixed(2),
  });
  expect([order.total, order.tax]).toEqual([240, 31.3]);

  await screenshot(page, `invoice-${locale}`);
});

test("the customer's link shows the same document without signing in", async ({
  browser,
  appLocale: locale,
  t,
  owner,
  apiBaseURL,
}) => {
  const { invoice } = await paidOrder(owner);
  const context = await browser.newContext({
    baseURL: apiBaseURL,
    storageState: { cookies: [], origins: [] },
    locale: locale === "ar" ? "ar-SA" : "en-US",
  });
  const page = await context.newPage();
  await page.goto(`/${locale}${new URL(invoice.customerUrl).pathname}`);
  await expect(page.getByRole("heading", { level: 1 })).toContainText(
    MESSAGES.en.Invoices.document.invoiceTitle,
  );
  await expect(page.getByRole("main")).toContainText(invoice.number);
  await expect(page.getByRole("button", { name: t.Invoices.chrome.print })).toBeVisible();
  expect(pdfPages(await page.pdf({ format: "A4" }))).toBe(1);
  expect(await seriousViolations(page)).toEqual([]);
  await screenshot(page, `invoice-customer-${locale}`);

  await page.goto(`/${locale}/invoice/bsi_${"A".repeat(43)}`);
  await expect(page.getByText(t.Invoices.notFound.title)).toBeVisible();
  await context.close();
});

test("the invoices list finds a number and exports it as CSV", async ({
  page,
  appLocale: locale,
  t,
  owner,
}) => {
  const { invoice } = await paidOrder(owner);
  await page.goto(`/${locale}/invoices?q=${invoice.number}`);
  await expect(page.getByRole("heading", { level: 1, name: t.Invoices.list.title })).toBeVisible();
  const nav = page.getByRole("navigation", { name: t.Nav.label });
  await expect(nav.getByRole("link", { name: t.Nav.items.invoices })).toHaveAttribute(
    "aria-current",
    "page",
  );
  const rows = page.getByRole("table").locator("tbody tr");
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText(invoice.number);
  expect(await seriousViolations(page)).toEqual([]);

  const exportLink = page.getByRole("link", { name: t.Invoices.list.exportFiltered });
  const csv = await (await page.request.get((await exportLink.getAttribute("href"))!)).text();
  expect(csv.split("\r\n")[1]).toContain(`${invoice.number},invoice,`);
  await screenshot(page, `invoices-list-${locale}`);
});
