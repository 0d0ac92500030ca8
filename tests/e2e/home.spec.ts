import { DEMO, expect, expectDocumentLocale, greetingPattern, test } from "./fixtures";

test("the home page greets the owner and shows the store", async ({ page, appLocale, t }) => {
  await page.goto(`/${appLocale}`);
  await expectDocumentLocale(page, appLocale);

  await expect(page.getByRole("heading", { level: 1 })).toHaveText(
    greetingPattern(t, DEMO.userName),
  );

  // Top bar: the store's name in this language, the user's name and role.
  const banner = page.getByRole("banner");
  await expect(banner.getByText(DEMO.storeName[appLocale], { exact: true })).toBeVisible();
  const account = page.getByRole("group", { name: t.Account.label });
  await expect(account.getByText(DEMO.userName)).toBeVisible();
  await expect(account.getByText(t.Roles.owner)).toBeVisible();

  // The store card: both names, slug, VAT.
  const main = page.getByRole("main");
  await expect(main.getByRole("heading", { name: t.Home.store.title })).toBeVisible();
  await expect(main.getByText(DEMO.storeName.en, { exact: true })).toBeVisible();
  await expect(main.getByText(DEMO.storeName.ar, { exact: true })).toBeVisible();
  await expect(main.getByText(t.Home.store.pricesIncludeVat)).toBeVisible();

  // Navigation lives in a landmark and marks the current page.
  const nav = page.getByRole("navigation", { name: t.Nav.label });
  await expect(nav.getByRole("link", { name: t.Nav.items.home })).toHaveAttribute(
    "aria-current",
    "page",
  );
});

test("a page that does not exist shows the localized not-found page", async ({
  page,
  appLocale,
  t,
}) => {
  const response = await page.goto(`/${appLocale}/no-such-page`);
  expect(response?.status()).toBe(404);
  await expectDocumentLocale(page, appLocale);
  await expect(page.getByRole("heading", { name: t.NotFound.title })).toBeVisible();
});
