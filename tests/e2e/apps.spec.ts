import type { BrainSAITStore } from "@/lib/sdk";
import {
  expect,
  hydrated,
  icu,
  Receiver,
  seriousViolations,
  test,
  uniqueId,
  type AppLocale,
} from "./fixtures";
import { screenshot } from "./screenshots";

/** A developer account of the demo owner with one app whose install callback reaches `url`. */
async function developerWithApp(owner: BrainSAITStore, url: string) {
  const id = uniqueId();
  const developerRef = `e2e-dev-${id}`;
  const appRef = `e2e-app-${id}`;
  const name = { en: `Parcel labels ${id}`, ar: `ملصقات الشحن ${id}` };
  await owner.developers.register({
    developerRef,
    name: `E2E Apps ${id}`,
    email: `dev-${id}@example.com`,
  });
  await owner.developers.createApp(developerRef, {
    appRef,
    name,
    description: "Prints shipping labels for paid orders.",
    installCallbackUrl: url,
    scopes: ["orders:read", "products:read"],
    kind: "system",
  });
  return { developerRef, appRef, name };
}

test.describe("apps", () => {
  let receiver: Receiver;
  const installed: string[] = [];

  test.beforeEach(async () => {
    receiver = await Receiver.start();
  });

  test.afterEach(async ({ owner }) => {
    // The directory is the platform's: leave no install of ours behind in the demo store.
    for (const ref of installed.splice(0)) await owner.apps.uninstall(ref).catch(() => undefined);
    await receiver.close();
  });

  test("the owner installs an app, sees its install callback in the log, and uninstalls it (Arabic)", async ({
    page,
    appLocale,
    t,
    owner,
  }) => {
    test.skip(appLocale !== "ar", "The journey is the Arabic UI's; screenshots cover English");
    const { appRef, name } = await developerWithApp(owner, receiver.url);
    const a = t.apps;

    await page.goto(`/ar/settings/apps`);
    await expect(page.getByRole("heading", { level: 2, name: a.title })).toBeVisible();
    const card = page.getByRole("article", { name: name.ar });
    const install = card.getByRole("button", { name: a.card.install });
    await hydrated(install);
    await install.click();

    // The confirmation lists what the app asks for, in words.
    const confirm = page.getByRole("dialog", {
      name: icu("ar", a.install.title, { name: name.ar }),
    });
    const asked = confirm.getByRole("list", { name: a.card.asksFor });
    const resources = t.settings.apiKeys.resources;
    const read = t.settings.apiKeys.createDialog.read;
    await expect(asked.getByText(`${resources.orders} · ${read}`)).toBeVisible();
    await expect(asked.getByText(`${resources.products} · ${read}`)).toBeVisible();
    await confirm.getByRole("button", { name: a.install.confirm }).click();
    installed.push(appRef);
    await expect(page.getByText(icu("ar", a.install.done, { name: name.ar }))).toBeVisible();

    // Installed apps come first, and the app's page shows the callback's attempt with the answer.
    const installedGroup = page.getByRole("region", { name: a.groups.installed });
    await expect(installedGroup.getByRole("article", { name: name.ar })).toBeVisible();
    await card.getByRole("link", { name: a.card.details }).click();
    await expect(page).toHaveURL(new RegExp(`/ar/settings/apps/${appRef}$`));
    await expect(page.getByRole("heading", { level: 2, name: name.ar })).toBeVisible();
    const log = page.getByRole("list", { name: a.callbacks.listLabel });
    const callback = log.getByRole("article", { name: a.callbacks.events.app_installed });
    await expect(callback.getByTestId("attempt-status")).toHaveText("200", { timeout: 30_000 });
    await expect(callback.getByText(t.webhooks.status.succeeded)).toBeVisible();
    await expect(callback.getByText("ok from the e2e receiver")).toBeVisible();
    expect(await seriousViolations(page)).toEqual([]);

    // The app got its account code and token.
    const [sent] = receiver.ofEvent("app.installed");
    const body = JSON.parse(sent!.body) as { account_code?: string; account_token?: string };
    expect(body.account_code).toBe("demo");
    expect(body.account_token).toBeTruthy();

    // Uninstall asks first, as something that cannot be undone.
    await page.getByRole("button", { name: a.card.uninstall }).click();
    const uninstall = page.getByRole("alertdialog", {
      name: icu("ar", a.uninstall.title, { name: name.ar }),
    });
    await expect(uninstall.getByText(a.uninstall.description)).toBeVisible();
    await uninstall.getByRole("button", { name: a.uninstall.confirm }).click();
    await expect(page.getByText(icu("ar", a.uninstall.done, { name: name.ar }))).toBeVisible();
    await expect(
      page.getByRole("heading", { level: 3, name: a.detail.notInstalled }),
    ).toBeVisible();
    expect((await owner.apps.get(appRef)).install).toBeNull();
    installed.splice(0);
  });

  test("a member registers as a developer, sees the secret once, creates an app and rotates the secret (Arabic)", async ({
    page,
    context,
    appLocale,
    t,
    owner,
  }) => {
    test.skip(appLocale !== "ar", "The journey is the Arabic UI's; screenshots cover English");
    const d = t.developer;
    const id = uniqueId();
    const developerRef = `e2e-ui-${id}`;
    const developerName = `مطوّر تجريبي ${id}`;
    await context.grantPermissions(["clipboard-read", "clipboard-write"]);

    // Reached from the user menu.
    await page.goto("/ar");
    await page.getByRole("link", { name: t.Account.developer }).click();
    await expect(page.getByRole("heading", { level: 1, name: d.title })).toBeVisible();
    const register = page.getByRole("button", { name: d.registerButton }).first();
    await hydrated(register);
    await register.click();
    const form = page.getByRole("dialog", { name: d.register.title });
    await form.getByLabel(d.register.developerRef).fill(developerRef);
    await form.getByLabel(d.register.name).fill(developerName);
    await form.getByLabel(d.register.email).fill(`dev-${id}@example.com`);
    await form.getByRole("button", { name: d.register.submit }).click();

    // The secret shows once, with Copy and a warning.
    const secretDialog = page.getByRole("dialog", { name: d.secret.registeredTitle });
    await expect(secretDialog.getByText(d.secret.warningTitle)).toBeVisible();
    const secret = await secretDialog.getByLabel(d.secret.label, { exact: true }).inputValue();
    expect(secret.length).toBeGreaterThan(20);
    await secretDialog.getByRole("button", { name: t.settings.copy.copy, exact: true }).click();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(secret);
    await secretDialog.getByRole("button", { name: d.secret.done }).click();
    await expect(secretDialog).toBeHidden();

    // The account shows its reference and the unsigned developer token.
    const account = page.getByRole("region", { name: developerName });
    await expect(account.getByText(developerRef, { exact: true })).toBeVisible();
    const { developerToken } = await owner.developers.get(developerRef);
    await expect(account.getByLabel(d.account.token)).toHaveValue(developerToken);

    // Create an app.
    const appRef = `e2e-ui-app-${id}`;
    const appName = { en: `Stock sync ${id}`, ar: `مزامنة المخزون ${id}` };
    await account
      .getByRole("button", { name: icu("ar", d.apps.createFor, { ref: developerRef }) })
      .click();
    const appForm = page.getByRole("dialog", { name: d.appForm.createTitle });
    await appForm.getByLabel(d.appForm.appRef).fill(appRef);
    await appForm.getByLabel(d.appForm.nameEn).fill(appName.en);
    await appForm.getByLabel(d.appForm.nameAr).fill(appName.ar);
    await appForm.getByLabel(d.appForm.callbackUrl).fill("https://apps.example.com/installed");
    await appForm
      .getByRole("group", { name: t.settings.apiKeys.resources.products })
      .getByRole("checkbox", { name: t.settings.apiKeys.createDialog.write })
      .check();
    await appForm.getByRole("button", { name: d.appForm.submitCreate }).click();
    await expect(page.getByText(icu("ar", d.apps.created, { name: appName.ar }))).toBeVisible();
    const app = await owner.developers.app(developerRef, appRef);
    expect(app.scopes.sort()).toEqual(["products:read", "products:write"]);
    await expect(account.getByRole("cell").getByText(appName.ar)).toBeVisible();
    expect(await seriousViolations(page)).toEqual([]);

    // Rotating asks first, then shows the new secret once.
    await account.getByRole("button", { name: d.account.rotate }).click();
    const rotate = page.getByRole("alertdialog", {
      name: icu("ar", d.rotate.title, { ref: developerRef }),
    });
    await rotate.getByRole("button", { name: d.rotate.confirm }).click();
    const rotated = page.getByRole("dialog", { name: d.secret.rotatedTitle });
    const next = await rotated.getByLabel(d.secret.label, { exact: true }).inputValue();
    expect(next).not.toBe(secret);
    await rotated.getByRole("button", { name: d.secret.done }).click();
  });

  test("screenshots of the apps pages and the developer area", async ({
    page,
    appLocale,
    owner,
  }) => {
    test.setTimeout(120_000);
    const { developerRef, appRef } = await developerWithApp(owner, receiver.url);
    await owner.apps.install(appRef);
    installed.push(appRef);
    const shoot = async (path: string, name: string) => {
      await page.goto(`/${appLocale}${path}`);
      await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
      await screenshot(page, `${name}-${appLocale satisfies AppLocale}`);
    };
    await shoot("/settings/apps", "apps-directory");
    await expect.poll(() => receiver.ofEvent("app.installed").length, { timeout: 30_000 }).toBe(1);
    await shoot(`/settings/apps/${appRef}`, "apps-detail");
    await shoot("/developer", "developer-area");
    await shoot(`/developer/${developerRef}/apps/${appRef}`, "developer-app-installs");
  });
});
