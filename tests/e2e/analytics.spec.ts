import type { Page } from "@playwright/test";
import type { BrainSAITStore } from "@/lib/sdk";
import { addDays } from "@/components/settings/format";
import { expect, hydrated, openPage, seriousViolations, test, uniqueId } from "./fixtures";
import { screenshot } from "./screenshots";

// Each test reads the dashboard after its own paid order is in; the pages aggregate on request.
test.describe.configure({ timeout: 90_000 });

/** A paid order placed now, so the last days have sales whatever else the run has done. */
async function paidOrder(owner: BrainSAITStore) {
  const id = uniqueId();
  const product = await owner.products.create({
    name: { en: `Saffron tea ${id}`, ar: `شاي بالزعفران ${id}` },
    price: "60.00",
    currency: "SAR",
    sku: `ANA-${id}`,
    status: "active",
    inventory: 10,
  });
  const order = await owner.orders.create({ items: [{ productId: product.id, quantity: 2 }] });
  await owner.payments.recordManual({ orderId: order.id, method: "bank_transfer" });
  return { product, order };
}

/** Digits as ASCII, so a figure reads the same whichever digits the locale writes. */
function latin(text: string): string {
  return text.replace(/[٠-٩]/g, (d) => String(d.charCodeAt(0) - 0x0660));
}

/** The KPI card's figure (the first line of its value), digits as ASCII. */
async function figure(page: Page, label: string): Promise<string> {
  const value = page
    .getByRole("main")
    .locator("dt", { hasText: new RegExp(`^${label}$`) })
    .locator("xpath=following-sibling::dd/span[1]");
  return latin((await value.textContent()) ?? "");
}

/** A count as the KPI shows it: just the digits. */
function count(text: string): number {
  return Number(text.replace(/[^0-9]/g, ""));
}

test.beforeEach(async ({ owner }) => {
  await paidOrder(owner);
});

test("the dashboard shows the store's sales for the last 30 days", async ({
  page,
  appLocale: locale,
  t,
  owner,
}) => {
  const overview = await owner.analytics.getOverview();
  expect(overview.summary.totalOrders).toBeGreaterThan(0);
  expect(overview.summary.totalRevenue).toBeGreaterThan(0);

  await openPage(page, `/${locale}/analytics`, t.Analytics.title);
  const nav = page.getByRole("navigation", { name: t.Nav.label });
  await expect(nav.getByRole("link", { name: t.Nav.items.analytics })).toHaveAttribute(
    "aria-current",
    "page",
  );
  await expect(
    page.getByRole("link", { name: t.Analytics.range.presets["30d"], exact: true }),
  ).toHaveAttribute("aria-current", "true");
  expect(await figure(page, t.Analytics.kpis.revenue)).toMatch(/[1-9]/);
  expect(count(await figure(page, t.Analytics.kpis.orders))).toBeGreaterThanOrEqual(
    overview.summary.totalOrders,
  );

  // The chart, its table for screen readers, the top products named in this language.
  await expect(page.getByRole("heading", { name: t.Analytics.chart.title })).toBeVisible();
  await expect(page.getByTestId("trend-chart").locator(".recharts-line")).toBeVisible();
  await expect(page.getByRole("table", { name: t.Analytics.chart.tableCaption })).toBeAttached();
  const top = page
    .getByRole("list")
    .filter({ hasText: locale === "ar" ? "شاي بالزعفران" : "Saffron tea" });
  await expect(top.first()).toBeVisible();
  await expect(
    page.getByRole("heading", { name: t.Analytics.breakdowns.byStatus.title }),
  ).toBeVisible();
  await expect(
    page.getByRole("heading", { name: t.Analytics.breakdowns.bySource.title }),
  ).toBeVisible();
  await expect(
    page.getByRole("heading", { name: t.Analytics.breakdowns.byProvider.title }),
  ).toBeVisible();

  expect(await seriousViolations(page)).toEqual([]);
  await screenshot(page, `analytics-${locale}`);
});

test("a preset and a custom range change the URL and the figures", async ({
  page,
  appLocale: locale,
  t,
  owner,
}) => {
  const today = (await owner.analytics.getOverview()).endDate;
  await openPage(page, `/${locale}/analytics`, t.Analytics.title);
  const period = page.getByTestId("analytics-period");
  const before = await period.textContent();

  // Read before the page: the other locale's tests add orders meanwhile, never take any away.
  const week = await owner.analytics.getOverview({ startDate: addDays(today, -6), endDate: today });
  await page.getByRole("link", { name: t.Analytics.range.presets["7d"], exact: true }).click();
  await expect(page).toHaveURL(/\/analytics\?range=7d$/);
  await expect(
    page.getByRole("link", { name: t.Analytics.range.presets["7d"], exact: true }),
  ).toHaveAttribute("aria-current", "true");
  await expect(period).not.toHaveText(before ?? "");
  await expect
    .poll(async () => count(await figure(page, t.Analytics.kpis.orders)))
    .toBeGreaterThanOrEqual(week.summary.totalOrders);

  // A custom range a fortnight back, without today's orders: the figures are that range's.
  const start = addDays(today, -20);
  const end = addDays(today, -14);
  const form = page.getByRole("form", { name: t.Analytics.range.custom });
  await hydrated(form.getByRole("button", { name: t.Analytics.range.apply }));
  await form.getByLabel(t.Analytics.range.start).fill(start);
  await form.getByLabel(t.Analytics.range.end).fill(end);
  await form.getByRole("button", { name: t.Analytics.range.apply }).click();
  await expect(page).toHaveURL(new RegExp(`\\?start=${start}&end=${end}$`));
  const past = await owner.analytics.getOverview({ startDate: start, endDate: end });
  if (past.summary.totalOrders > 0) {
    expect(count(await figure(page, t.Analytics.kpis.orders))).toBe(past.summary.totalOrders);
  } else {
    await expect(
      page.getByRole("heading", { name: t.Analytics.noOrdersInRange.title }),
    ).toBeVisible();
  }
  for (const preset of ["7d", "30d", "today"] as const) {
    await expect(
      page.getByRole("link", { name: t.Analytics.range.presets[preset], exact: true }),
    ).not.toHaveAttribute("aria-current", "true");
  }

  // A reversed range is refused with a note, and the last 30 days are shown.
  await page.goto(`/${locale}/analytics?start=${end}&end=${start}`);
  await expect(page.getByText(t.Analytics.invalidRange)).toBeVisible();
});

test("the chart's time runs right to left in Arabic", async ({ page, appLocale: locale, t }) => {
  await openPage(page, `/${locale}/analytics?range=7d`, t.Analytics.title);
  const chart = page.getByTestId("trend-chart");
  // Recharts draws tick labels in a layer of their own, apart from the axis line.
  const ticks = chart.locator(".recharts-xAxis-tick-labels text");
  await expect(ticks.first()).toBeVisible();
  // The chart sizes itself to its box after the first paint: read the axes once they settle.
  // The first day (the oldest) starts the axis: on the left in English, on the right in Arabic.
  const timeRuns = async () => {
    const xs = await ticks.evaluateAll((nodes) => nodes.map((n) => n.getBoundingClientRect().x));
    if (xs.length < 2) return "not drawn yet";
    return xs[0]! > xs[xs.length - 1]! ? "right to left" : "left to right";
  };
  await expect.poll(timeRuns).toBe(locale === "ar" ? "right to left" : "left to right");

  // The money axis (labels with a currency, not bare counts) sits at the start side.
  const moneyAxisSide = async () => {
    const yAxes = await chart.locator(".recharts-yAxis-tick-labels").evaluateAll((groups) =>
      groups.map((g) => ({
        x: g.getBoundingClientRect().x,
        money: /[^\d\s٠-٩.,]/.test(g.textContent ?? ""),
      })),
    );
    const money = yAxes.find((axis) => axis.money);
    const counts = yAxes.find((axis) => !axis.money);
    if (!money || !counts) return "not drawn yet";
    return money.x > counts.x ? "right" : "left";
  };
  await expect.poll(moneyAxisSide).toBe(locale === "ar" ? "right" : "left");
  await screenshot(page, `analytics-7d-${locale}`);
});

test("the trend exports as CSV, one line a day", async ({ page, appLocale: locale, t }) => {
  await openPage(page, `/${locale}/analytics?range=7d`, t.Analytics.title);
  const download = page.waitForEvent("download");
  await page.getByRole("link", { name: t.Analytics.export }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(
    /^revenue-trend-\d{4}-\d{2}-\d{2}-to-\d{4}-\d{2}-\d{2}\.csv$/,
  );
  const chunks: Buffer[] = [];
  for await (const chunk of await file.createReadStream()) chunks.push(chunk as Buffer);
  const lines = Buffer.concat(chunks).toString("utf8").trim().split("\r\n");
  expect(lines[0]).toBe("date,orders,revenue,currency");
  expect(lines).toHaveLength(8);
  expect(
    lines.slice(1).every((line) => /^\d{4}-\d{2}-\d{2},\d+,\d+(\.\d+)?,[A-Z]{3}$/.test(line)),
  ).toBe(true);
  expect(lines.slice(1).some((line) => !/,0,0(\.0+)?,/.test(line))).toBe(true);
});

test("the home page's last 30 days lead to the dashboard", async ({
  page,
  appLocale: locale,
  t,
}) => {
  await page.goto(`/${locale}`);
  const section = page.getByRole("region", { name: t.Home.kpis.title });
  await expect(section).toBeVisible();
  await expect(section.getByText(t.Analytics.kpis.revenue, { exact: true })).toBeVisible();
  await expect(section.getByText(t.Analytics.kpis.orders, { exact: true })).toBeVisible();
  await expect(
    section.getByText(t.Analytics.kpis.averageOrderValue, { exact: true }),
  ).toBeVisible();
  await screenshot(page, `home-kpis-${locale}`);
  await section.getByRole("link", { name: t.Home.kpis.viewAll }).click();
  await expect(page).toHaveURL(new RegExp(`/${locale}/analytics$`));
  await expect(page.getByRole("heading", { level: 1, name: t.Analytics.title })).toBeVisible();
});
