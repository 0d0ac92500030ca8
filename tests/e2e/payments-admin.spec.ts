import type { BrainSAITStore } from "@/lib/sdk";
import {
  expect,
  format,
  hydrated,
  seriousViolations,
  test,
  uniqueId,
  withPaymentSettingsLock,
  type AppLocale,
} from "./fixtures";
import { screenshot } from "./screenshots";

// The admin's payments pages: the list, a payment and its refund, the Stripe settings. Payments
// are recorded by hand through the API (bank transfers), so no provider is needed for them.
test.describe.configure({ timeout: 90_000 });
/** A server action's reply carries the refreshed page; on a busy test server that takes a while. */
const AFTER_SAVE = { timeout: 30_000 };

/** As the pages show money: Intl in the page's language, a Latin symbol kept whole in Arabic. */
const money = (locale: AppLocale, amount: number, currency = "SAR") => {
  const text = new Intl.NumberFormat(locale, { style: "currency", currency }).format(amount);
  return locale === "ar" ? text.replace(/([A-Za-z]+\$?)/, "\u2066$1\u2069") : text;
};

/** A pending order for one product at `price` (VAT included), unique to the calling test. */
async function pendingOrder(owner: BrainSAITStore, id: string, price: string) {
  const product = await owner.products.create({
    name: { en: `Saffron ${id}`, ar: `زعفران ${id}` },
    price,
    currency: "SAR",
    sku: `PAYADM-${id}`,
    status: "active",
    inventory: 10,
  });
  return owner.orders.create({
    items: [{ productId: product.id, quantity: 1 }],
    customerEmail: `payments-${id}@example.com`,
  });
}

/** A bank transfer received for a new order of `price`: a completed manual payment. */
async function bankTransfer(owner: BrainSAITStore, id: string, price: string) {
  const order = await pendingOrder(owner, id, price);
  const reference = `TRX-${id}`.toUpperCase();
  const payment = await owner.payments.recordManual({
    orderId: order.id,
    method: "bank_transfer",
    reference,
  });
  return { order, payment, reference };
}

test("the payments list filters by status in the URL", async ({ page, owner, appLocale, t }) => {
  const p = t.Payments;
  const id = uniqueId();
  const kept = await bankTransfer(owner, `${id}a`, "30.00");
  const refunded = await bankTransfer(owner, `${id}b`, "40.00");
  await owner.payments.refund(refunded.payment.id, { reason: "Duplicate transfer" });

  await page.goto(`/${appLocale}/payments?q=${refunded.reference}`);
  await expect(page.getByRole("heading", { level: 1, name: p.list.title })).toBeVisible();
  const status = page.getByLabel(p.filters.status, { exact: true });
  await hydrated(status);
  await expect(status).toHaveValue("");

  await status.selectOption("refunded");
  await expect(page).toHaveURL(/[?&]status=refunded(&|$)/, AFTER_SAVE);
  await expect(page).toHaveURL(new RegExp(`[?&]q=${refunded.reference}(&|$)`));
  const row = page.getByRole("row").filter({ hasText: refunded.reference });
  await expect(row).toHaveCount(1);
  await expect(row).toContainText(p.status.refunded);
  await expect(row).toContainText(money(appLocale, 40));

  // The same search under another status finds nothing, and says how to get back.
  await status.selectOption("completed");
  await expect(page).toHaveURL(/[?&]status=completed(&|$)/, AFTER_SAVE);
  await expect(page.getByRole("heading", { name: p.noResults.title })).toBeVisible();

  // A shared URL opens filtered, and the filter shows what it holds.
  await page.goto(`/${appLocale}/payments?status=completed&q=${kept.reference}`);
  await expect(page.getByLabel(p.filters.status, { exact: true })).toHaveValue("completed");
  await expect(page.getByRole("row").filter({ hasText: kept.reference })).toContainText(
    p.status.completed,
  );
  await screenshot(page, `payments-list-${appLocale}`);
  expect(await seriousViolations(page)).toEqual([]);
});

test("the refund dialog refuses more than is left, then refunds part and names the amount", async ({
  page,
  owner,
  appLocale,
  t,
}) => {
  const r = t.Payments.refund;
  const { payment } = await bankTransfer(owner, uniqueId(), "45.00");
  expect(payment.amountCaptured).toBe(45);

  await page.goto(`/${appLocale}/payments/${payment.id}`);
  await expect(page.getByRole("heading", { level: 1 })).toContainText(money(appLocale, 45));
  const open = page.getByRole("button", { name: r.button, exact: true });
  await hydrated(open);
  await open.click();

  const dialog = page.getByRole("dialog", { name: r.title });
  const amount = dialog.getByLabel(format(r.amount, { currency: "SAR" }));
  // All that is left, by default.
  await expect(amount).toHaveValue("45.00");
  await amount.fill("45.01");
  await dialog.getByRole("button", { name: r.continue }).click();
  await expect(amount).toHaveAttribute("aria-invalid", "true");
  await expect(dialog).toContainText(format(r.amountTooHigh, { max: money(appLocale, 45) }));
  await expect(
    dialog.getByText(format(r.confirm, { amount: money(appLocale, 45.01) })),
  ).toHaveCount(0);
  await screenshot(page, `payments-refund-too-much-${appLocale}`);
  expect((await owner.payments.get(payment.id)).refunds).toEqual([]);

  // Arabic-Indic digits are read as the number they are.
  await amount.fill(appLocale === "ar" ? "١٠٫٥" : "10.50");
  await dialog.getByLabel(r.reason).fill("Damaged in delivery");
  await dialog.getByRole("button", { name: r.continue }).click();
  const confirm = page.getByRole("alertdialog", { name: r.confirmTitle });
  await expect(confirm).toContainText(format(r.confirm, { amount: money(appLocale, 10.5) }));
  expect(await seriousViolations(page)).toEqual([]);
  await confirm
    .getByRole("button", { name: format(r.confirmButton, { amount: money(appLocale, 10.5) }) })
    .click();

  await expect(
    page
      .getByRole("status")
      .filter({ hasText: format(r.done, { amount: money(appLocale, 10.5) }) }),
  ).toBeVisible(AFTER_SAVE);
  await expect(page.getByText(format(r.left, { amount: money(appLocale, 34.5) }))).toBeVisible(
    AFTER_SAVE,
  );
  const after = await owner.payments.get(payment.id);
  expect(after.status).toBe("partially_refunded");
  expect(after.refunds.map((refund) => [refund.amount, refund.reason])).toEqual([
    [10.5, "Damaged in delivery"],
  ]);
  await expect(page.getByRole("cell", { name: "Damaged in delivery" })).toBeVisible();
});

test("a Stripe key the provider rejects is saved, and Test connection says so in the page's language", async ({
  page,
  appLocale,
  t,
}) => {
  // It may wait for the checkout tests, which hold the same lock while they pay.
  test.setTimeout(180_000);
  const s = t.PaymentSettings;
  const id = uniqueId();
  await withPaymentSettingsLock(async () => {
    await page.goto(`/${appLocale}/settings/payments`);
    const stripe = page.getByRole("region", { name: "Stripe" });
    const secret = stripe.getByLabel(s.stripe.secretKey, { exact: true });
    await hydrated(secret);
    // The fake Stripe turns away any key with "bad" in it, as Stripe does an unknown one.
    await secret.fill(`sk_test_bad${id}`);
    await stripe.getByLabel(s.stripe.publishableKey, { exact: true }).fill(`pk_test_${id}0000`);
    await stripe.getByRole("button", { name: s.save, exact: true }).click();
    await expect(stripe.getByText(s.saved, { exact: true })).toBeVisible(AFTER_SAVE);
    // Saved write-only: the field is empty again, the mask shows the key's end.
    await expect(secret).toHaveValue("");
    await expect(secret).toHaveAttribute("placeholder", new RegExp(`^sk_test_.*${id.slice(-4)}$`));
    await expect(stripe.getByText(s.connected, { exact: true })).toBeVisible();

    await stripe.getByRole("button", { name: s.test.button }).click();
    const result = stripe.getByRole("alert");
    await expect(result).toContainText(
      format(s.test.codes.PROVIDER_AUTHENTICATION_FAILED, { provider: "Stripe" }),
      AFTER_SAVE,
    );
    await expect(result).toContainText(s.test.failedTitle);
    // The API's own words stay as a secondary English line.
    await expect(result.locator('[lang="en"]')).toContainText("Stripe rejected");
    await screenshot(page, `payments-settings-rejected-${appLocale}`);
    expect(await seriousViolations(page)).toEqual([]);
  });
});

test("on a pending order: a checkout link is created and revoked, then a bank transfer is recorded", async ({
  page,
  context,
  owner,
  appLocale,
  t,
}) => {
  const p = t.Payments;
  const id = uniqueId();
  const order = await pendingOrder(owner, id, "60.00");
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  await page.goto(`/${appLocale}/orders/${order.id}`);

  const create = page.getByRole("button", { name: p.checkoutLink.create });
  await hydrated(create);
  await create.click();
  await expect(
    page.getByRole("status").filter({ hasText: p.checkoutLink.notices.created }),
  ).toBeVisible(AFTER_SAVE);
  const url = page.getByLabel(p.checkoutLink.url);
  await expect(url).toHaveValue(/\/pay\/bsp_/, AFTER_SAVE);
  const link = await owner.payments.checkoutLink(order.id);
  await expect(url).toHaveValue(link.url);

  await page.getByRole("button", { name: p.checkoutLink.revoke, exact: true }).click();
  const revoke = page.getByRole("alertdialog", { name: p.checkoutLink.revokeDialog.title });
  await revoke.getByRole("button", { name: p.checkoutLink.revokeDialog.confirm }).click();
  await expect(
    page.getByRole("status").filter({ hasText: p.checkoutLink.notices.revoked }),
  ).toBeVisible(AFTER_SAVE);
  await expect(url).toHaveCount(0, AFTER_SAVE);
  await expect(owner.payments.checkoutLink(order.id)).rejects.toMatchObject({ status: 404 });

  await page.getByRole("button", { name: p.record.button }).click();
  const dialog = page.getByRole("dialog", { name: p.record.title });
  await expect(dialog.getByRole("radio", { name: p.methods.bank_transfer })).toBeChecked();
  const amount = dialog.getByLabel(format(p.record.amount, { currency: "SAR" }));
  await expect(amount).toHaveValue("60.00");
  await amount.fill("70");
  await dialog.getByRole("button", { name: p.record.submit }).click();
  await expect(dialog).toContainText(format(p.record.amountTooHigh, { due: money(appLocale, 60) }));
  await amount.fill("60");
  await dialog.getByLabel(p.record.reference).fill(`TRX-${id}`);
  await dialog.getByRole("button", { name: p.record.submit }).click();

  await expect(
    page
      .getByRole("status")
      .filter({ hasText: format(p.record.done, { amount: money(appLocale, 60) }) }),
  ).toBeVisible(AFTER_SAVE);
  await expect.poll(async () => (await owner.orders.get(order.id)).status).toBe("paid");
  const payments = page.getByRole("list", { name: p.orderCard.listLabel });
  await expect(payments.getByRole("listitem")).toHaveCount(1);
  await expect(payments).toContainText(
    format(p.providers.manualWithMethod, { method: p.methods.bank_transfer }),
  );
  const [payment] = (await owner.payments.list({ orderId: order.id })).data;
  expect(payment).toMatchObject({
    provider: "manual",
    status: "completed",
    reference: `TRX-${id}`,
  });
  await payments
    .getByRole("link", { name: format(p.orderCard.open, { amount: money(appLocale, 60) }) })
    .click();
  await expect(page).toHaveURL(new RegExp(`/${appLocale}/payments/${payment!.id}$`), AFTER_SAVE);
  await screenshot(page, `payments-manual-${appLocale}`);
});
