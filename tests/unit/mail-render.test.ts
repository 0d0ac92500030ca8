import { describe, expect, it } from "vitest";
import { loadConfig } from "@/lib/config";
import { mailLocale, renderMail, type MailKind } from "@/lib/mail/render";

const KINDS: MailKind[] = ["invitation", "passwordReset", "memberJoined", "passwordChanged"];
const values = {
  store: "Nakheel",
  inviter: "Sara",
  role: "admin",
  name: "Omar",
  email: "o@x.test",
};

describe("renderMail", () => {
  it.each(KINDS.flatMap((kind) => (["en", "ar"] as const).map((locale) => ({ kind, locale }))))(
    "$kind in $locale: every placeholder filled, both parts, the link in each",
    ({ kind, locale }) => {
      const url = "https://shop.example/x?store=s&token=t";
      const mail = renderMail({ kind, locale, to: "a@b.test", values, action: { url } });
      for (const part of [mail.subject, mail.text, mail.html]) expect(part).not.toMatch(/[{}]/);
      expect(mail.text).toContain(url);
      expect(mail.html).toContain(url.replace("&", "&amp;"));
      expect(mail.html).toContain(
        `<html lang="${locale}" dir="${locale === "ar" ? "rtl" : "ltr"}">`,
      );
      // Role codes are written as the recipient's language names them.
      if (kind === "memberJoined") expect(mail.text).toContain(locale === "ar" ? "مشرف" : "Admin");
    },
  );

  it("escapes what people typed (a store or person named like markup) in the HTML part", () => {
    const mail = renderMail({
      kind: "memberJoined",
      locale: "en",
      to: "a@b.test",
      values: { ...values, name: `<img src=x onerror=alert(1)>`, store: `"Tom & Jerry"` },
    });
    expect(mail.html).not.toContain("<img");
    expect(mail.html).toContain("&lt;img src=x onerror=alert(1)&gt;");
    expect(mail.html).toContain("&quot;Tom &amp; Jerry&quot;");
    expect(mail.text).toContain(`<img src=x onerror=alert(1)>`);
  });

  it("writes to someone in their language, else the store's, else English", () => {
    expect(mailLocale("ar", "en")).toBe("ar");
    expect(mailLocale(null, "ar")).toBe("ar");
    expect(mailLocale(undefined, "fr")).toBe("en");
  });
});

describe("SMTP_URL", () => {
  const base: NodeJS.ProcessEnv = {
    NODE_ENV: "test",
    DATA_DIR: "/tmp/bs-mail-config-test",
    AUTH_SECRET: "x".repeat(32),
  };
  it("is optional: without it mail is off", () => {
    expect(loadConfig(base).smtpUrl).toBeUndefined();
  });
  it("accepts smtp:// and smtps://, and refuses anything else at start-up", () => {
    expect(loadConfig({ ...base, SMTP_URL: "smtp://u:p@mail.example:587" }).smtpUrl).toBe(
      "smtp://u:p@mail.example:587",
    );
    expect(loadConfig({ ...base, SMTP_URL: "smtps://mail.example" }).smtpUrl).toBeDefined();
    expect(() => loadConfig({ ...base, SMTP_URL: "http://mail.example" })).toThrow(/smtp/);
    expect(() => loadConfig({ ...base, SMTP_URL: "not a url" })).toThrow(/SMTP_URL/);
  });
});
