import nodemailer from "nodemailer";
import { log } from "@/lib/log";

/** One email, in both forms a mail client may show: HTML and plain text. */
export interface MailMessage {
  to: string;
  subject: string;
  text: string;
  html: string;
  /** What the message is (invitation, password-reset...): for logs, never the content. */
  kind: string;
}

/**
 * Sends mail through the operator's SMTP server (SMTP_URL). `enabled` is false without one:
 * callers then keep their copy-link path and say that mail is off (docs/email.md).
 */
export interface Mailer {
  enabled: boolean;
  /** The `From` address, shown in docs and tests. */
  from: string;
  /** Resolves when the server accepted the message; rejects on failure. */
  send(message: MailMessage): Promise<void>;
}

export const mailOff: Mailer = {
  enabled: false,
  from: "",
  send: async () => {},
};

/**
 * A mailer for `smtpUrl` (smtp://user:pass@host:587, or smtps:// for implicit TLS). `from`
 * defaults to no-reply at the URL's host, which most servers want replaced (MAIL_FROM).
 */
export function smtpMailer(smtpUrl: string, from?: string): Mailer {
  const transport = nodemailer.createTransport(smtpUrl);
  const sender = from || `BrainSAIT Store <no-reply@${new URL(smtpUrl).hostname}>`;
  return {
    enabled: true,
    from: sender,
    async send(message) {
      await transport.sendMail({
        from: sender,
        to: message.to,
        subject: message.subject,
        text: message.text,
        html: message.html,
      });
    },
  };
}

/**
 * Sends without making the caller wait or fail: the user's action (an invitation, a reset) has
 * already committed, so a mail failure is logged, with the kind and server but no address or
 * link, and the person can still use the copy-link path or ask again.
 */
export function sendInBackground(mailer: Mailer | undefined, message: MailMessage): void {
  if (!mailer?.enabled) return;
  mailer.send(message).then(
    () => log.info("mail sent", { kind: message.kind }),
    (err: unknown) =>
      log.error("mail not sent", {
        kind: message.kind,
        reason: err instanceof Error ? err.message : String(err),
      }),
  );
}
