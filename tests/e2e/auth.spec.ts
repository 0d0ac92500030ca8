import {
  DEMO,
  expect,
  expectDocumentLocale,
  greetingPattern,
  hydrated,
  signIn,
  test,
} from "./fixtures";

// These journeys need their own session: signing out must not revoke the shared one.
test.use({ storageState: { cookies: [], origins: [] } });

test("a wrong password shows an error and keeps the user on the sign-in page", async ({
  page,
  appLocale,
  t,
}) => {
  await signIn(page, appLocale, "not-the-password");
  // Next's route announcer is also role="alert"; pick ours by its title.
  const alert = page.getByRole("alert").filter({ hasText: t.Login.errorTitle });
  await expect(alert).toContainText(t.Login.errors.invalidCredentials);
  await expect(page).toHaveURL(new RegExp(`/${appLocale}/login`));
  await expect(page.getByLabel(t.Login.passwordLabel)).toBeFocused();
});

test("the password can be shown while typing, and hidden again", async ({ page, appLocale, t }) => {
  await page.goto(`/${appLocale}/login`);
  const password = page.getByLabel(t.Login.passwordLabel);
  await password.fill("typed on a phone");
  await expect(password).toHaveAttribute("type", "password");
  const toggle = page.getByRole("button", { name: t.Common.password.show });
  await hydrated(toggle);
  await toggle.click();
  await expect(password).toHaveAttribute("type", "text");
  await expect(password).toHaveValue("typed on a phone");
  await page.getByRole("button", { name: t.Common.password.hide }).click();
  await expect(password).toHaveAttribute("type", "password");
});

test("the admin requires a session", async ({ page, appLocale, t }) => {
  await page.goto(`/${appLocale}`);
  await expect(page).toHaveURL(new RegExp(`/${appLocale}/login$`));
  await expectDocumentLocale(page, appLocale);
  await expect(page.getByRole("heading", { name: t.Login.title })).toBeVisible();
});

test("sign in, then sign out ends the session", async ({ page, appLocale, t }) => {
  await signIn(page, appLocale);
  await expect(page).toHaveURL(new RegExp(`/${appLocale}$`));
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(
    greetingPattern(t, DEMO.userName),
  );

  await page.getByRole("button", { name: t.Account.signOut }).click();
  await expect(page).toHaveURL(new RegExp(`/${appLocale}/login$`));

  await page.goto(`/${appLocale}`);
  await expect(page).toHaveURL(new RegExp(`/${appLocale}/login$`));
  await expect(page.getByRole("heading", { name: t.Login.title })).toBeVisible();
});
