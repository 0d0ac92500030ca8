import { DEMO, expect, expectDocumentLocale, MESSAGES, test, type AppLocale } from "./fixtures";

test("the language switcher keeps the page and mirrors the layout", async ({ page, appLocale }) => {
  const other: AppLocale = appLocale === "en" ? "ar" : "en";
  await page.goto(`/${appLocale}`);
  await expectDocumentLocale(page, appLocale);

  await page.getByRole("link", { name: MESSAGES[appLocale].LocaleNames[other] }).click();

  await expect(page).toHaveURL(new RegExp(`/${other}$`));
  await expectDocumentLocale(page, other);
  await expect(page.getByRole("heading", { name: MESSAGES[other].Home.store.title })).toBeVisible();
  await expect(
    page.getByRole("banner").getByText(DEMO.storeName[other], { exact: true }),
  ).toBeVisible();
  if (other === "ar") {
    // Arabic text in the navigation, and the sidebar on the right-hand side.
    const nav = page.getByRole("navigation", { name: MESSAGES.ar.Nav.label });
    await expect(nav.getByRole("link", { name: "الرئيسية" })).toBeVisible();
    const box = await nav.boundingBox();
    const width = page.viewportSize()?.width ?? 0;
    expect(box && box.x > width / 2).toBe(true);
  }
});

test("the sign-in page switches language too", async ({ browser, appLocale }) => {
  const context = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  const page = await context.newPage();
  const other: AppLocale = appLocale === "en" ? "ar" : "en";
  await page.goto(`/${appLocale}/login`);
  await page.getByRole("link", { name: MESSAGES[appLocale].LocaleNames[other] }).click();
  await expect(page).toHaveURL(new RegExp(`/${other}/login$`));
  await expectDocumentLocale(page, other);
  await expect(page.getByRole("heading", { name: MESSAGES[other].Login.title })).toBeVisible();
  await context.close();
});
