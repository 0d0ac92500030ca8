import { createTranslator } from "next-intl";
import en from "@/messages/en.json";
import ar from "@/messages/ar.json";
import type { MailLocale } from "@/lib/users/schema";
import type { MailMessage } from "./transport";

const MESSAGES = { en, ar } as const;

export type MailKind = "invitation" | "passwordReset" | "memberJoined" | "passwordChanged";

/** The values each message's text may use (ICU placeholders in messages/*.json, under `mail`). */
type Values = Record<string, string | number>;

interface RenderInput {
  kind: MailKind;
  locale: MailLocale;
  to: string;
  values: Values;
  /** The message's one button, if it has one: the link is also written out in full. */
  action?: { url: string };
}

/** Keys built from the kind are checked by tests/api/mail.test.ts, not by the compiler. */
interface Translate {
  (key: string, values?: Values): string;
  has(key: string): boolean;
}

const translator = (locale: MailLocale, namespace: "mail" | "Roles") =>
  createTranslator({ locale, messages: MESSAGES[locale], namespace }) as unknown as Translate;

function escapeHtml(text: string): string {
  return text
    .replaceAll("&", "&amp;")
    .replaceAll("<", "&lt;")
    .replaceAll(">", "&gt;")
    .replaceAll('"', "&quot;")
    .replaceAll("'", "&#39;");
}

/** The store's name in `locale`, or in the other language when that one is empty. */
export function storeName(
  tenant: { nameEn: string; nameAr: string; slug: string },
  locale: MailLocale,
) {
  return (
    (locale === "ar" ? tenant.nameAr || tenant.nameEn : tenant.nameEn || tenant.nameAr) ||
    tenant.slug
  );
}

/** The language to write to someone in: theirs if known, else the store's. */
export function mailLocale(...candidates: (string | null | undefined)[]): MailLocale {
  for (const c of candidates) if (c === "en" || c === "ar") return c;
  return "en";
}

/**
 * Renders one email in the recipient's language: subject, paragraphs and button label from
 * messages/<locale>.json (`mail.<kind>`), as HTML (dir="rtl" for Arabic) and plain text with
 * the same words. Values are escaped in the HTML; the link is written out in both.
 */
export function renderMail({ kind, locale, to, values, action }: RenderInput): MailMessage {
  const t = translator(locale, "mail");
  const roles = translator(locale, "Roles");
  // A role arrives as its code (staff) and is written as the recipient's language names it.
  if (typeof values.role === "string" && roles.has(values.role))
    values = { ...values, role: roles(values.role) };
  const subject = t(`${kind}.subject`, values);
  const paragraphs = (["intro", "body", "outro"] as const)
    .filter((part) => t.has(`${kind}.${part}`))
    .map((part) => t(`${kind}.${part}`, values));
  const button = action ? t(`${kind}.action`, values) : undefined;
  const footer = t("footer", values);
  const dir = locale === "ar" ? "rtl" : "ltr";

  const text = [
    ...paragraphs.slice(0, 2),
    ...(action && button ? [`${button}:\n${action.url}`] : []),
    ...paragraphs.slice(2),
    "--",
    footer,
  ].join("\n\n");

  const p = (s: string) =>
    `<p style="margin:0 0 16px;font-size:15px;line-height:1.6">${escapeHtml(s)}</p>`;
  const link = action
    ? `<p style="margin:24px 0"><a href="${escapeHtml(action.url)}" style="background:#0f766e;color:#ffffff;padding:10px 18px;border-radius:6px;text-decoration:none;display:inline-block">${escapeHtml(button ?? "")}</a></p>` +
      `<p style="margin:0 0 16px;font-size:13px;color:#555" dir="ltr">${escapeHtml(action.url)}</p>`
    : "";
  const html = `<!doctype html>
<html lang="${locale}" dir="${dir}">
<head><meta charset="utf-8"><title>${escapeHtml(subject)}</title></head>
<body style="margin:0;padding:24px;background:#f5f5f4;font-family:system-ui,'Segoe UI',Tahoma,Arial,sans-serif;color:#1c1917">
<div dir="${dir}" style="max-width:560px;margin:0 auto;background:#ffffff;padding:24px;border-radius:8px">
${paragraphs.slice(0, 2).map(p).join("\n")}
${link}
${paragraphs.slice(2).map(p).join("\n")}
<p style="margin:24px 0 0;font-size:12px;color:#78716c">${escapeHtml(footer)}</p>
</div>
</body>
</html>`;
  return { to, subject, text, html, kind };
}
