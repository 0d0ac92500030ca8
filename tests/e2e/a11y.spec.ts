import { expect, seriousViolations, test } from "./fixtures";

test.describe("no serious or critical accessibility violations", () => {
  test("sign-in page", async ({ browser, appLocale, t }) => {
    const context = await browser.newContext({ storageState: { cookies: [], origins: [] } });
    const page = await context.newPage();
    await page.goto(`/${appLocale}/login`);
    await expect(page.getByRole("heading", { name: t.Login.title })).toBeVisible();
    expect(await seriousViolations(page)).toEqual([]);

    // Also with the error alert and field errors showing.
    await page.getByLabel(t.Login.emailLabel).fill("not-an-email");
    await page.getByRole("button", { name: t.Login.submit }).click();
    await expect(page.getByText(t.Login.validation.emailInvalid)).toBeVisible();
    expect(await seriousViolations(page)).toEqual([]);
    await context.close();
  });

  test("forgot-password and reset-password pages", async ({ browser, appLocale, t }) => {
    const context = await browser.newContext({ storageState: { cookies: [], origins: [] } });
    const page = await context.newPage();
    await page.goto(`/${appLocale}/forgot-password`);
    await expect(page.getByRole("heading", { name: t.forgotPassword.title })).toBeVisible();
    expect(await seriousViolations(page)).toEqual([]);
    await page.goto(`/${appLocale}/reset-password?store=demo&token=bsr_unknown`);
    await expect(page.getByRole("heading", { name: t.resetPassword.title })).toBeVisible();
    expect(await seriousViolations(page)).toEqual([]);
    await context.close();
  });

  test("home page", async ({ page, appLocale, t }) => {
    await page.goto(`/${appLocale}`);
    await expect(page.getByRole("heading", { name: t.Home.store.title })).toBeVisible();
    expect(await seriousViolations(page)).toEqual([]);
  });

  test("home page on a phone, with the menu open", async ({ page, appLocale, t }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`/${appLocale}`);
    await page.getByRole("button", { name: t.Nav.openMenu }).click();
    await expect(page.getByRole("dialog")).toBeVisible();
    expect(await seriousViolations(page)).toEqual([]);
    await page.keyboard.press("Escape");
    await expect(page.getByRole("dialog")).toBeHidden();
  });
});
