import { mkdir, rm } from "node:fs/promises";
import { BrainSAITStore, StoreApiError } from "@/lib/sdk";
import {
  DEMO,
  expect,
  format,
  greetingPattern,
  hydrated,
  icu,
  MESSAGES,
  seriousViolations,
  test,
  uniqueId,
  type AppLocale,
} from "./fixtures";

/** Whether a call with this key is refused as unauthenticated. */
async function refusedWith401(call: Promise<unknown>): Promise<boolean> {
  try {
    await call;
    return false;
  } catch (error) {
    return error instanceof StoreApiError && error.status === 401;
  }
}

/**
 * The store's settings are one row shared by every test (both projects run at once): a test
 * that changes them holds this lock, a directory, which mkdir creates atomically.
 */
async function withStoreSettingsLock(run: () => Promise<void>) {
  const lock = "test-results/.locks/store-settings";
  await mkdir("test-results/.locks", { recursive: true });
  const deadline = Date.now() + 60_000;
  for (;;) {
    try {
      await mkdir(lock);
      break;
    } catch {
      if (Date.now() > deadline) throw new Error("Timed out waiting for the store settings lock");
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
  try {
    await run();
  } finally {
    await rm(lock, { recursive: true, force: true });
  }
}

test("an API key is shown once, works with the SDK, rolls and stops working when revoked", async ({
  page,
  context,
  appLocale,
  t,
  apiBaseURL,
}) => {
  const k = t.settings.apiKeys;
  const name = `Storefront sync ${uniqueId()}`;
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);

  await page.goto(`/${appLocale}/settings/api-keys`);
  await expect(page.getByRole("heading", { level: 2, name: k.title })).toBeVisible();
  const create = page.getByRole("button", { name: k.create }).first();
  await hydrated(create);
  await create.click();

  const dialog = page.getByRole("dialog", { name: k.createDialog.title });
  await dialog.getByLabel(k.createDialog.name, { exact: true }).fill(name);
  await dialog
    .getByRole("group", { name: k.resources.products })
    .getByRole("checkbox", { name: k.createDialog.read })
    .check();
  await dialog.getByRole("button", { name: k.createDialog.submit }).click();

  // The copy-once dialog: a warning, the whole key, and a Copy button that says it copied.
  const secret = page.getByRole("dialog", { name: k.secret.title });
  await expect(secret.getByText(k.secret.warningTitle)).toBeVisible();
  const apiKey = await secret.getByLabel(k.secret.label).inputValue();
  expect(apiKey).toMatch(/^bsk_live_/);
  await secret.getByRole("button", { name: t.settings.copy.copy, exact: true }).click();
  await expect(
    secret.getByRole("button", { name: t.settings.copy.copied, exact: true }),
  ).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(apiKey);
  await secret.getByRole("button", { name: k.secret.done }).click();
  await expect(secret).toBeHidden();

  // The list shows the key by prefix and last four only, with its scope and status.
  const row = page.getByRole("row").filter({ hasText: name });
  await expect(row).toContainText(`${apiKey.slice(0, 13)}…${apiKey.slice(-4)}`);
  // In words, not the scope's code ("products:read").
  await expect(row).toContainText(`${k.resources.products} · ${k.createDialog.read}`);
  await expect(row).not.toContainText("products:read");
  await expect(row).toContainText(k.status.active);
  await expect(page.getByRole("main")).not.toContainText(apiKey);

  const withKey = (key: string) =>
    new BrainSAITStore({ apiKey: key, tenantId: DEMO.tenant, baseURL: apiBaseURL });
  const listed = await withKey(apiKey).products.list();
  expect(Array.isArray(listed.data)).toBe(true);

  // Roll, stopping the old key at once: the new key works, the old one is refused.
  await row.getByRole("button", { name: format(k.roll.buttonFor, { name }) }).click();
  const roll = page.getByRole("dialog", { name: format(k.roll.title, { name }) });
  await roll.getByRole("radio", { name: new RegExp(k.roll.grace.now.label) }).check();
  await roll.getByRole("button", { name: k.roll.submit }).click();
  await expect(secret.getByText(k.secret.rolled.now)).toBeVisible();
  const rolledKey = await secret.getByLabel(k.secret.label).inputValue();
  expect(rolledKey).not.toBe(apiKey);
  await secret.getByRole("button", { name: k.secret.done }).click();
  expect(await refusedWith401(withKey(apiKey).products.list())).toBe(true);
  await withKey(rolledKey).products.list();

  // Revoke the new key, after confirming. The list shows both keys, only the new one active, once
  // it has caught up with the roll; before that the old row alone could still read "Active".
  const keyRows = page.getByRole("row").filter({ hasText: name });
  await expect(keyRows).toHaveCount(2);
  await expect(keyRows.filter({ hasText: k.status.active })).toHaveCount(1);
  const activeRow = page
    .getByRole("row")
    .filter({ hasText: name })
    .filter({ hasText: k.status.active });
  await activeRow.getByRole("button", { name: format(k.revoke.buttonFor, { name }) }).click();
  const confirm = page.getByRole("alertdialog", { name: format(k.revoke.title, { name }) });
  await expect(confirm).toBeVisible();
  await confirm.getByRole("button", { name: k.revoke.confirm }).click();
  await expect(page.getByText(format(k.revoke.done, { name }))).toBeVisible();
  expect(await refusedWith401(withKey(rolledKey).products.list())).toBe(true);
});

test("an invited staff member accepts the link in a fresh browser and lands signed in", async ({
  page,
  browser,
  appLocale,
  t,
}) => {
  // Two browsers, an invitation and a sign-in: near the 60 s default when the machine is busy.
  test.setTimeout(120_000);
  const id = uniqueId();
  const email = `layla-${id}@example.test`;
  const name = `Layla ${id}`;
  const team = t.settings.team;

  await page.goto(`/${appLocale}/settings/team`);
  const inviteButton = page.getByRole("button", { name: team.invite.button });
  await hydrated(inviteButton);
  await inviteButton.click();
  const dialog = page.getByRole("dialog", { name: team.invite.title });
  await dialog.getByLabel(team.invite.email).fill(email);
  await dialog.getByLabel(team.invite.role).selectOption("staff");
  await dialog.getByLabel(team.invite.name).fill(name);
  await dialog.getByRole("button", { name: team.invite.submit }).click();

  const created = page.getByRole("dialog", { name: team.invite.createdTitle });
  await expect(created.getByText(team.invite.linkHint)).toBeVisible();
  const link = await created.getByLabel(team.invite.link).inputValue();
  expect(link).toMatch(/\/accept-invitation\?store=demo&token=bsi_/);
  await created.getByRole("button", { name: team.invite.done }).click();

  // Pending until accepted.
  await expect(page.getByRole("row").filter({ hasText: email })).toContainText(t.Roles.staff);

  // The link opens in the invitee's language, the inviting page's unless the inviter chose another.
  const linkLocale = new URL(link).pathname.split("/")[1] as AppLocale;
  expect(linkLocale).toBe(appLocale);
  const tl = MESSAGES[linkLocale];
  const fresh = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  try {
    const invitee = await fresh.newPage();
    await invitee.goto(link);
    await expect(invitee.getByRole("heading", { name: tl.acceptInvitation.title })).toBeVisible();
    await expect(invitee.getByLabel(tl.acceptInvitation.email)).toHaveValue(email);
    // The store by its name in the page's language, not its ID.
    await expect(invitee.getByRole("main")).toContainText(DEMO.storeName[linkLocale]);
    await expect(invitee.getByLabel(tl.acceptInvitation.name)).toHaveValue(name);
    const submit = invitee.getByRole("button", { name: tl.acceptInvitation.submit });
    await hydrated(submit);

    // Too short first: the form says so next to the field.
    await invitee.getByLabel(tl.acceptInvitation.password).fill("short");
    await submit.click();
    await expect(
      invitee.getByText(
        icu(linkLocale, tl.acceptInvitation.validation.passwordTooShort, { min: 10 }),
      ),
    ).toBeVisible();

    await invitee.getByLabel(tl.acceptInvitation.password).fill(`new-member-${id}`);
    await submit.click();
    await expect(invitee).toHaveURL(new RegExp(`/${linkLocale}$`), { timeout: 20_000 });
    await expect(invitee.getByRole("heading", { level: 1 })).toHaveText(greetingPattern(tl, name));
    const account = invitee.getByRole("group", { name: tl.Account.label });
    await expect(account.getByText(tl.Roles.staff)).toBeVisible();
    // Staff have no settings: neither the menu item nor the pages.
    await expect(
      invitee.getByRole("navigation", { name: tl.Nav.label }).getByRole("link", {
        name: tl.Nav.items.settings,
      }),
    ).toHaveCount(0);
    await invitee.goto(`/${linkLocale}/settings/api-keys`);
    await expect(invitee.getByRole("heading", { name: tl.settings.noAccess.title })).toBeVisible();

    // The link worked once.
    await invitee.goto(link);
    await expect(invitee.getByText(tl.acceptInvitation.problems.invalid.title)).toBeVisible();
  } finally {
    await fresh.close();
  }

  // The owner now sees the new member, and no pending invitation for them.
  await page.reload();
  const memberRow = page.getByRole("row").filter({ hasText: email });
  await expect(memberRow).toHaveCount(1);
  const role = memberRow.getByRole("combobox", { name: format(team.members.roleFor, { name }) });
  await expect(role).toHaveValue("staff");

  // A new role is asked for first: backing out keeps the old one.
  await hydrated(role);
  await role.selectOption("viewer");
  const ask = page.getByRole("alertdialog", { name: format(team.roleChange.title, { name }) });
  await expect(ask).toContainText(
    format(team.roleChange.description, { from: t.Roles.staff, to: t.Roles.viewer }),
  );
  await ask.getByRole("button", { name: team.roleChange.cancel }).click();
  await expect(ask).toBeHidden();
  await expect(role).toHaveValue("staff");
  await role.selectOption("viewer");
  await ask.getByRole("button", { name: team.roleChange.confirm }).click();
  await expect(ask).toBeHidden({ timeout: 20_000 });
  await expect(
    page.getByText(format(team.members.roleChanged, { name, role: t.Roles.viewer })),
  ).toBeVisible();
  await expect(role).toHaveValue("viewer");
});

test("a changed store setting shows on the home page", async ({ page, appLocale, t, owner }) => {
  const s = t.settings.store;
  const zone = appLocale === "en" ? "Asia/Dubai" : "Asia/Kuwait";

  await withStoreSettingsLock(async () => {
    const before = await owner.settings.get();
    try {
      await page.goto(`/${appLocale}/settings/store`);
      const save = page.getByRole("button", { name: s.save });
      await hydrated(save);

      // A field error appears next to its field, and nothing is saved.
      await page.getByLabel(s.billing.vatRate, { exact: true }).fill("101");
      await page.getByRole("button", { name: s.save }).click();
      await expect(page.getByText(s.errors.vatRate)).toBeVisible();
      await expect(page.getByLabel(s.billing.vatRate, { exact: true })).toHaveAttribute(
        "aria-invalid",
        "true",
      );
      // A SAR store's VAT number is ZATCA's form; the form says so before sending.
      expect(before.currency).toBe("SAR");
      const vatNumber = page.getByLabel(s.billing.vatNumber, { exact: true });
      await vatNumber.fill("12345");
      await page.getByRole("button", { name: s.save }).click();
      await expect(page.getByText(s.errors.vatNumberZatca.split("{")[0]!.trim())).toBeVisible();
      await vatNumber.fill(before.vatNumber ?? "");
      // Typed on an Arabic keyboard: Arabic-Indic digits and the decimal sign.
      const arabicDigits = String(before.vatRate)
        .replace(/\d/g, (d) => "٠١٢٣٤٥٦٧٨٩"[Number(d)]!)
        .replace(".", "٫");
      await page.getByLabel(s.billing.vatRate, { exact: true }).fill(arabicDigits);

      await page.getByLabel(s.region.timeZone, { exact: true }).selectOption(zone);
      await page.getByRole("button", { name: s.save }).click();
      await expect(page.getByText(s.saved)).toBeVisible();

      await page.goto(`/${appLocale}`);
      await expect(page.getByRole("main")).toContainText(zone);
      expect((await owner.settings.get()).vatRate).toBe(before.vatRate);
    } finally {
      await owner.settings.update({ timeZone: before.timeZone });
    }
  });
});

test("the audit log says what happened in words, not codes", async ({
  page,
  appLocale,
  t,
  owner,
}) => {
  // At least one entry of a kind this test knows: an API key made and revoked just now.
  const key = await owner.apiKeys.create({
    name: `Audit words ${uniqueId()}`,
    scopes: ["orders:read"],
  });
  await owner.apiKeys.revoke(key.id);
  await page.goto(`/${appLocale}/settings/audit`);
  const table = page.getByRole("main").getByRole("table");
  await expect(table.getByText(t.settings.audit.actions.api_key_revoked).first()).toBeVisible();
  await expect(table.getByText(t.settings.audit.resources.api_key).first()).toBeVisible();
  // A raw code shows only for an action this release has no words for: none here.
  await expect(table.locator("code").filter({ hasText: /^[a-z_]+\.[a-z_]+$/ })).toHaveCount(0);
});

test.describe("settings pages have no serious or critical accessibility violations", () => {
  for (const section of ["api-keys", "team", "store", "audit"] as const) {
    test(section, async ({ page, appLocale, t }) => {
      await page.goto(`/${appLocale}/settings/${section}`);
      await expect(page.getByRole("heading", { level: 1, name: t.settings.title })).toBeVisible();
      await expect(
        page
          .getByRole("navigation", { name: t.settings.nav.label })
          .locator('[aria-current="page"]'),
      ).toBeVisible();
      expect(await seriousViolations(page)).toEqual([]);
    });
  }

  test("create-key and invite dialogs", async ({ page, appLocale, t }) => {
    await page.goto(`/${appLocale}/settings/api-keys`);
    const create = page.getByRole("button", { name: t.settings.apiKeys.create }).first();
    await hydrated(create);
    await create.click();
    const dialog = page.getByRole("dialog", { name: t.settings.apiKeys.createDialog.title });
    // With the field errors showing too.
    await dialog.getByRole("button", { name: t.settings.apiKeys.createDialog.submit }).click();
    await expect(dialog.getByText(t.settings.apiKeys.createDialog.nameRequired)).toBeVisible();
    expect(await seriousViolations(page)).toEqual([]);

    await page.goto(`/${appLocale}/settings/team`);
    const invite = page.getByRole("button", { name: t.settings.team.invite.button });
    await hydrated(invite);
    await invite.click();
    await expect(page.getByRole("dialog", { name: t.settings.team.invite.title })).toBeVisible();
    expect(await seriousViolations(page)).toEqual([]);
  });

  test("accept-invitation page with an invalid link", async ({ browser, appLocale, t }) => {
    const context = await browser.newContext({ storageState: { cookies: [], origins: [] } });
    const page = await context.newPage();
    await page.goto(`/${appLocale}/accept-invitation?store=demo&token=bsi_${uniqueId()}`);
    await expect(page.getByText(t.acceptInvitation.problems.invalid.title)).toBeVisible();
    expect(await seriousViolations(page)).toEqual([]);
    await context.close();
  });
});
