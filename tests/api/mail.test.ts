import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { and, eq, isNull } from "drizzle-orm";
import { refreshTokens, passwordResets } from "@/lib/auth/schema";
import { smtpMailer } from "@/lib/mail/transport";
import type { Tenant } from "@/lib/tenants/schema";
import { users, type Role } from "@/lib/users/schema";
import { startSmtpCapture, type CapturedMail, type SmtpCapture } from "../support/smtp-capture";
import {
  createTenant,
  createTestApi,
  createUser,
  expectError,
  login,
  PASSWORD,
  type TestApi,
} from "./harness";

/** Email that is really sent (issue 19, item 5): through a local SMTP server, read as it arrived. */
let smtp: SmtpCapture;
let t: TestApi;
beforeAll(async () => {
  smtp = await startSmtpCapture();
  t = await createTestApi({ mail: smtpMailer(smtp.url, "Store <no-reply@store.test>") });
});
afterAll(async () => {
  await t.close();
  await smtp.close();
});
beforeEach(() => smtp.clear());

const store = (slug?: string) =>
  createTenant(t, { nameEn: "Nakheel Dates", nameAr: "تمور النخيل", ...(slug ? { slug } : {}) });

async function member(tenant: Tenant, role: Role = "owner", email?: string) {
  const user = await createUser(t, tenant, { role, email });
  const { access_token, refresh_token } = await login(t, tenant, user);
  const headers = { "x-tenant-id": tenant.slug, authorization: `Bearer ${access_token}` };
  return { user, headers, refresh_token };
}

const post = (tenant: Tenant, path: string, json: unknown, ip?: string) =>
  t.request(path, { method: "POST", headers: { "x-tenant-id": tenant.slug }, json, ip });

/** The one link in a message, as written out in its plain-text part. */
function linkIn(mail: CapturedMail): URL {
  const match = /https?:\/\/\S+/.exec(mail.text);
  if (!match) throw new Error(`no link in: ${mail.text}`);
  return new URL(match[0]);
}

describe("invitation email", () => {
  it.each([
    {
      locale: "en",
      subject: "You're invited to join Nakheel Dates",
      words: ["as Staff", "Accept the invitation"],
      dir: 'dir="ltr"',
    },
    {
      locale: "ar",
      subject: "دعوة للانضمام إلى تمور النخيل",
      words: ["بدور موظف", "قبول الدعوة"],
      dir: 'dir="rtl"',
    },
  ] as const)(
    "arrives in $locale, with plain text and HTML, the store's name and the link",
    async ({ locale, subject, words, dir }) => {
      const tenant = await store();
      const owner = await member(tenant);
      const email = `invitee-${locale}@example.test`;
      const res = await t.request("/api/v1/users/invitations", {
        method: "POST",
        headers: owner.headers,
        json: { email, role: "staff", locale },
      });
      expect(res.status).toBe(201);
      const body = await res.json();
      expect(body.emailed).toBe(true);
      expect(body.invitation.locale).toBe(locale);

      const mail = await smtp.waitFor(email);
      expect(mail.subject).toBe(subject);
      expect(mail.from).toContain("no-reply@store.test");
      for (const word of words) {
        expect(mail.text).toContain(word);
        expect(mail.html).toContain(word);
      }
      expect(mail.html).toContain(dir);
      expect(mail.html).toContain(`lang="${locale}"`);
      // The link in the mail is the one the inviter got, opening the page in the invitee's language.
      const link = linkIn(mail);
      expect(link.toString()).toBe(body.accept_url);
      expect(link.pathname).toBe(`/${locale}/accept-invitation`);
      expect(mail.html).toContain(body.accept_url.replaceAll("&", "&amp;"));
      expect(mail.text).not.toContain("<");
    },
  );

  it("a new link for a pending invitation without an email (send_email false) ends the old link", async () => {
    const tenant = await store();
    const owner = await member(tenant);
    const invite = (json: object) =>
      t.request("/api/v1/users/invitations", { method: "POST", headers: owner.headers, json });
    const first = await (await invite({ email: "again@example.test", role: "viewer" })).json();
    await smtp.waitFor("again@example.test");
    smtp.clear();
    const again = await invite({ email: "again@example.test", role: "viewer", send_email: false });
    const second = await again.json();
    expect(second.emailed).toBe(false);
    expect(second.accept_url).not.toBe(first.accept_url);
    const oldToken = new URL(first.accept_url).searchParams.get("token");
    await expectError(
      await post(tenant, "/api/v1/auth/invitation", { token: oldToken }),
      401,
      "INVITATION_INVALID",
    );
    await new Promise((r) => setTimeout(r, 300));
    expect(smtp.messages).toEqual([]);
  });

  it("accepting tells the inviter, in the inviter's language", async () => {
    const tenant = await store();
    const owner = await member(tenant);
    await t.db.update(users).set({ locale: "ar" }).where(eq(users.id, owner.user.id));
    const res = await t.request("/api/v1/users/invitations", {
      method: "POST",
      headers: owner.headers,
      json: { email: "joiner@example.test", role: "admin", locale: "en" },
    });
    const { accept_url } = await res.json();
    const token = new URL(accept_url).searchParams.get("token");
    const accepted = await post(tenant, "/api/v1/auth/accept-invitation", {
      token,
      name: "Joiner",
      password: PASSWORD,
    });
    expect(accepted.status).toBe(200);
    const notice = await smtp.waitFor(owner.user.email);
    expect(notice.subject).toBe("انضم Joiner إلى تمور النخيل");
    expect(notice.text).toContain("بدور مشرف");
    expect(notice.html).toContain('dir="rtl"');
    // The new member's own language is the one they were invited in.
    const [joiner] = await t.db.select().from(users).where(eq(users.email, "joiner@example.test"));
    expect(joiner!.locale).toBe("en");
  });
});

describe("password reset", () => {
  async function requestReset(tenant: Tenant, email: string, locale?: string, ip?: string) {
    const res = await post(tenant, "/api/v1/auth/password-reset", { email, locale }, ip);
    return res;
  }

  it.each([
    {
      locale: "en",
      subject: "Reset your password for Nakheel Dates",
      action: "Choose a new password",
      changed: "Your Nakheel Dates password was changed",
    },
    {
      locale: "ar",
      subject: "إعادة تعيين كلمة المرور في تمور النخيل",
      action: "اختيار كلمة مرور جديدة",
      changed: "تغيّرت كلمة المرور لحسابك في تمور النخيل",
    },
  ] as const)(
    "in $locale: the link works once, sets the password, ends every session and says so by email",
    async ({ locale, subject, action, changed }) => {
      const tenant = await store();
      const person = await member(tenant, "staff");
      const res = await requestReset(tenant, person.user.email.toUpperCase(), locale);
      expect(res.status).toBe(202);
      const mail = await smtp.waitFor(person.user.email);
      expect(mail.subject).toBe(subject);
      expect(mail.text).toContain(action);
      expect(mail.html).toContain(action);
      expect(mail.html).toContain(locale === "ar" ? 'dir="rtl"' : 'dir="ltr"');
      const link = linkIn(mail);
      expect(link.pathname).toBe(`/${locale}/reset-password`);
      expect(link.searchParams.get("store")).toBe(tenant.slug);
      const token = link.searchParams.get("token")!;
      // Stored hashed only.
      const rows = await t.db.select().from(passwordResets);
      expect(JSON.stringify(rows)).not.toContain(token);

      const newPassword = "a brand new passphrase";
      const confirm = await post(tenant, "/api/v1/auth/password-reset/confirm", {
        token,
        password: newPassword,
        locale,
      });
      expect(confirm.status).toBe(204);
      // Every session ended: the refresh token from before no longer works.
      await expectError(
        await post(tenant, "/api/v1/auth/refresh", { refresh_token: person.refresh_token }),
        401,
        "AUTH_003",
      );
      const open = await t.db
        .select()
        .from(refreshTokens)
        .where(and(eq(refreshTokens.userId, person.user.id), isNull(refreshTokens.revokedAt)));
      expect(open).toEqual([]);
      // The new password signs in; the old one does not.
      const signIn = (password: string) =>
        post(tenant, "/api/v1/auth/login", { email: person.user.email, password });
      expect((await signIn(newPassword)).status).toBe(200);
      await expectError(await signIn(PASSWORD), 401, "AUTH_002");
      // Single use.
      await expectError(
        await post(tenant, "/api/v1/auth/password-reset/confirm", {
          token,
          password: "yet another passphrase",
        }),
        401,
        "RESET_TOKEN_INVALID",
      );
      const notice = await smtp.waitFor(person.user.email, { subject: new RegExp(changed) });
      expect(notice.text).toContain(person.user.email);
    },
  );

  it("answers the same for an unknown email, a deactivated account and a real one, and mails only the real one", async () => {
    const tenant = await store();
    const real = await createUser(t, tenant, { role: "staff" });
    const gone = await createUser(t, tenant, { role: "staff", status: "deactivated" });
    const answers = [];
    for (const email of [real.email, "nobody@example.test", gone.email]) {
      const res = await requestReset(tenant, email);
      answers.push({ status: res.status, body: await res.json() });
    }
    expect(answers[1]).toEqual(answers[0]);
    expect(answers[2]).toEqual(answers[0]);
    await smtp.waitFor(real.email);
    await new Promise((r) => setTimeout(r, 300));
    expect(smtp.messages.map((m) => m.to).flat()).toEqual([real.email]);
  });

  it("refuses a wrong token, an expired one, another store's, and an earlier link after a newer one", async () => {
    const tenant = await store();
    const other = await store();
    const person = await createUser(t, tenant, { role: "viewer" });
    const confirm = (on: Tenant, token: string) =>
      post(on, "/api/v1/auth/password-reset/confirm", { token, password: "long enough password" });

    await expectError(await confirm(tenant, "bsr_not-a-token"), 401, "RESET_TOKEN_INVALID");

    await requestReset(tenant, person.email);
    const first = linkIn(await smtp.waitFor(person.email)).searchParams.get("token")!;
    smtp.clear();
    await requestReset(tenant, person.email);
    const second = linkIn(await smtp.waitFor(person.email)).searchParams.get("token")!;
    await expectError(await confirm(tenant, first), 401, "RESET_TOKEN_INVALID");
    await expectError(await confirm(other, second), 401, "RESET_TOKEN_INVALID");

    // An hour later the link has expired.
    const was = t.clock.now;
    t.clock.now = new Date(was.getTime() + 60 * 60 * 1000 + 1000);
    try {
      await expectError(await confirm(tenant, second), 401, "RESET_TOKEN_INVALID");
    } finally {
      t.clock.now = was;
    }
    // A short password is a validation error, not a spent link.
    const short = await post(tenant, "/api/v1/auth/password-reset/confirm", {
      token: second,
      password: "short",
    });
    expect(short.status).toBe(422);
  });

  it("limits requests for one email to 5 an hour, known or not", async () => {
    const tenant = await store();
    for (const email of ["limited@example.test", (await createUser(t, tenant)).email]) {
      for (let i = 0; i < 5; i++) expect((await requestReset(tenant, email)).status).toBe(202);
      const res = await requestReset(tenant, email);
      await expectError(res, 429, "RATE_LIMIT_EXCEEDED");
      expect(Number(res.headers.get("retry-after"))).toBeGreaterThan(0);
    }
  });

  it("rejects hostile input with a 422, not a 500", async () => {
    const tenant = await store();
    for (const json of [
      { email: "a\u0000b@example.test" },
      { email: "x".repeat(5000) },
      { email: 42 },
    ]) {
      expect((await post(tenant, "/api/v1/auth/password-reset", json)).status).toBe(422);
    }
    for (const json of [
      { token: "\ud800", password: "long enough password" },
      { token: "t".repeat(5000), password: "long enough password" },
    ]) {
      const res = await post(tenant, "/api/v1/auth/password-reset/confirm", json);
      expect([401, 422]).toContain(res.status);
    }
  });
});

describe("without SMTP_URL", () => {
  let off: TestApi;
  beforeAll(async () => {
    off = await createTestApi();
  });
  afterAll(() => off.close());

  it("says mail is off: setup status, reset requests (409 MAIL_DISABLED), invitations not emailed", async () => {
    const status = await off.request("/api/v1/setup");
    expect((await status.json()).mail).toBe("off");
    const tenant = await createTenant(off);
    const owner = await createUser(off, tenant);
    const reset = await off.request("/api/v1/auth/password-reset", {
      method: "POST",
      headers: { "x-tenant-id": tenant.slug },
      json: { email: owner.email },
    });
    await expectError(reset, 409, "MAIL_DISABLED");
    const { access_token } = await login(off, tenant, owner);
    const invite = await off.request("/api/v1/users/invitations", {
      method: "POST",
      headers: { "x-tenant-id": tenant.slug, authorization: `Bearer ${access_token}` },
      json: { email: "someone@example.test", role: "staff" },
    });
    expect((await invite.json()).emailed).toBe(false);
    expect((await (await t.request("/api/v1/setup")).json()).mail).toBe("on");
  });
});
