import { expect, expectDocumentLocale, signIn, test } from "./fixtures";
import { screenshot } from "./screenshots";

/*
 * A store the operator suspended (`npm run stores -- suspend demo` before this server started,
 * playwright.config.ts): its owner can still sign in, every admin page says what happened, and
 * the export still works.
 */
test("a suspended store's admin says so on every page, and the owner can still export", async ({
  page,
  appLocale,
  t,
}) => {
  await signIn(page, appLocale);
  await expect(page).toHaveURL(new RegExp(`/${appLocale}$`));
  await expectDocumentLocale(page, appLocale);

  const banner = page.getByRole("region", { name: t.suspended.title });
  await expect(banner).toBeVisible();
  await expect(banner).toContainText(t.suspended.description);
  // Nothing to set up while suspended: the checklist stays away.
  await expect(page.getByRole("region", { name: t.Home.checklist.title })).toHaveCount(0);
  await screenshot(page, `suspended-${appLocale}`);

  // Another admin page: the API refuses it, the banner still explains why.
  await page.goto(`/${appLocale}/products`);
  await expect(banner).toBeVisible();

  // The owner's way out: the export, linked from the banner, still downloads.
  await page.goto(`/${appLocale}`);
  await banner.getByRole("link").click();
  await expect(page).toHaveURL(new RegExp(`/${appLocale}/settings/store#export$`));
  const tx = t.settings.store.export;
  const section = page.getByRole("region", { name: tx.title });
  const downloading = page.waitForEvent("download");
  await section.getByRole("button", { name: tx.download }).click();
  expect((await downloading).suggestedFilename()).toMatch(/^demo-export-\d{4}-\d{2}-\d{2}\.zip$/);
  await expect(section.getByRole("status").filter({ hasText: tx.doneTitle })).toBeVisible();
});
