import type { Page } from "@playwright/test";
import { BrainSAITStore } from "@/lib/sdk";
import { DEMO, expect, greetingPattern, hydrated, icu, test, uniqueId, format } from "./fixtures";
import { mailCapture } from "./paths";

/** What the SMTP capture received (tests/support/smtp-capture.ts). */
interface CapturedMail {
  to: string[];
  subject: string;
  text: string;
  html: string;
}

/** The messages to `email` once `count` of them have arrived, newest last. */
async function mailTo(page: Page, baseURL: string, email: string, count = 1) {
  const { httpUrl } = mailCapture(Number(new URL(baseURL).port));
  let found: CapturedMail[] = [];
  await expect
    .poll(
      async () => {
        const res = await page.request.get(`${httpUrl}/messages?to=${encodeURIComponent(email)}`);
        found = (await res.json()) as CapturedMail[];
        return found.length;
      },
      { timeout: 20_000 },
    )
    .toBeGreaterThanOrEqual(count);
  return found;
}

test("forgot password: the email's link sets a new password that then signs in", async ({
  browser,
  owner,
  apiBaseURL,
  appLocale,
  t,
}) => {
  // Argon2 three times and two browsers' worth of pages on a busy machine.
  test.setTimeout(120_000);
  // A staff member of its own, never the shared owner: the other specs sign in as the owner.
  const id = uniqueId();
  const email = `reset-${appLocale}-${id}@example.test`;
  const name = `Reset ${id}`;
  const invited = await owner.team.invite({ email, role: "staff", name, sendEmail: false });
  await new BrainSAITStore({ tenantId: DEMO.tenant, baseURL: apiBaseURL }).team.acceptInvitation({
    token: new URL(invited.acceptUrl).searchParams.get("token")!,
    name,
    password: `old-password-${id}`,
  });

  const context = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  try {
    const page = await context.newPage();
    await page.goto(`/${appLocale}/login`);
    await page.getByRole("link", { name: t.Login.forgotPassword }).click();
    await expect(page.getByRole("heading", { name: t.forgotPassword.title })).toBeVisible();
    await expect(page.getByLabel(t.Login.tenantLabel)).toHaveValue(DEMO.tenant);
    await page.getByLabel(t.Login.emailLabel).fill(email);
    const send = page.getByRole("button", { name: t.forgotPassword.submit });
    await hydrated(send);
    await send.click();
    await expect(page.getByText(t.forgotPassword.sentTitle)).toBeVisible();

    // The email, in the page's language, names the store and carries the link.
    const [mail] = await mailTo(page, apiBaseURL, email);
    expect(mail!.subject).toBe(
      format(t.mail.passwordReset.subject, { store: DEMO.storeName[appLocale] }),
    );
    expect(mail!.html).toContain(appLocale === "ar" ? 'dir="rtl"' : 'dir="ltr"');
    const link = /https?:\/\/\S+/.exec(mail!.text)![0];
    expect(new URL(link).pathname).toBe(`/${appLocale}/reset-password`);

    await page.goto(link);
    await expect(page.getByRole("heading", { name: t.resetPassword.title })).toBeVisible();
    const save = page.getByRole("button", { name: t.resetPassword.submit });
    await hydrated(save);
    // The rules of the other password forms: too short is said next to the field.
    await page.getByLabel(t.resetPassword.password).fill("short");
    await save.click();
    await expect(
      page.getByText(icu(appLocale, t.resetPassword.passwordTooShort, { min: 10 })),
    ).toBeVisible();
    const newPassword = `new-password-${id}`;
    await page.getByLabel(t.resetPassword.password).fill(newPassword);
    await save.click();
    await expect(page.getByText(t.resetPassword.doneTitle)).toBeVisible({ timeout: 20_000 });

    // The link worked once.
    await page.goto(link);
    await hydrated(page.getByRole("button", { name: t.resetPassword.submit }));
    await page.getByLabel(t.resetPassword.password).fill(`another-password-${id}`);
    await page.getByRole("button", { name: t.resetPassword.submit }).click();
    await expect(page.getByText(t.resetPassword.errors.invalid.title)).toBeVisible();

    // "Your password was changed" reached them too.
    const after = await mailTo(page, apiBaseURL, email, 2);
    expect(after.map((m) => m.subject)).toContain(
      format(t.mail.passwordChanged.subject, { store: DEMO.storeName[appLocale] }),
    );

    // Signing in with the new password works.
    await page.goto(`/${appLocale}/login`);
    await page.getByLabel(t.Login.tenantLabel).fill(DEMO.tenant);
    await page.getByLabel(t.Login.emailLabel).fill(email);
    await page.getByLabel(t.Login.passwordLabel).fill(newPassword);
    const signIn = page.getByRole("button", { name: t.Login.submit });
    await hydrated(signIn);
    await signIn.click();
    await expect(page).toHaveURL(new RegExp(`/${appLocale}$`), { timeout: 20_000 });
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(greetingPattern(t, name));
  } finally {
    await context.close();
  }
});
