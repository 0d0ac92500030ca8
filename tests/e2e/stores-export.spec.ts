import { readFile } from "node:fs/promises";
import { unzipSync } from "fflate";
import { expect, test, uniqueId } from "./fixtures";
import { apiToken, createProduct } from "./products-helpers";

test("the owner downloads the whole store as one archive, with progress", async ({
  page,
  appLocale,
  t,
}) => {
  const tx = t.settings.store.export;
  const sku = `EXPORT-${uniqueId()}`;
  await createProduct(page.request, await apiToken(page.request), {
    name: { en: `Export ${sku}`, ar: `تصدير ${sku}` },
    price: 10,
    sku,
  });
  await page.goto(`/${appLocale}/settings/store`);
  const section = page.getByRole("region", { name: tx.title });
  await expect(section).toBeVisible();

  const downloading = page.waitForEvent("download");
  await section.getByRole("button", { name: tx.download }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^demo-export-\d{4}-\d{2}-\d{2}\.zip$/);
  await expect(section.getByRole("status").filter({ hasText: tx.doneTitle })).toBeVisible();
  await expect(section.getByRole("status")).toContainText(download.suggestedFilename());

  // The archive is whole: every file the API promises, the demo's products among them.
  const files = unzipSync(new Uint8Array(await readFile(await download.path())));
  for (const name of [
    "settings.json",
    "products.json",
    "products.csv",
    "orders.csv",
    "customers.csv",
    "audit-log.json",
  ])
    expect(Object.keys(files), name).toContain(name);
  const products = JSON.parse(new TextDecoder().decode(files["products.json"])) as {
    sku: string | null;
  }[];
  expect(products.map((p) => p.sku)).toContain(sku);
});

test("the export route refuses another origin and a visitor without a session", async ({
  page,
  appLocale,
  baseURL,
  playwright,
}) => {
  const path = `/${appLocale}/settings/store/export`;
  const crossSite = await page.request.post(path, { headers: { Origin: "https://evil.example" } });
  expect(crossSite.status()).toBe(403);
  expect(((await crossSite.json()) as { code: string }).code).toBe("CROSS_ORIGIN_REQUEST");

  // No cookie: sent to sign in, never given the archive.
  // An empty storage state: a context made in a test otherwise takes the project's (the owner's).
  const anonymous = await playwright.request.newContext({
    baseURL,
    storageState: { cookies: [], origins: [] },
  });
  const response = await anonymous.post(path, { headers: { Origin: baseURL! }, maxRedirects: 0 });
  expect(response.status()).toBe(307);
  expect(response.headers()["location"]).toContain(`/${appLocale}/login`);
  expect(response.headers()["content-type"] ?? "").not.toContain("zip");
  await anonymous.dispose();
});

test("sign-up is hidden while the operator keeps it closed", async ({ page, appLocale, t }) => {
  const response = await page.goto(`/${appLocale}/signup`);
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: t.NotFound.title })).toBeVisible();
});
