/**
 * A local SMTP server that keeps what it receives, parsed (mailparser): the API tests read it
 * in-process; the Playwright tests start it as a web server (smtp-capture-server.ts) and read it
 * over HTTP. Accepts any login, no TLS: it only ever listens on 127.0.0.1.
 */
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { simpleParser } from "mailparser";
import { SMTPServer } from "smtp-server";

export interface CapturedMail {
  from: string;
  to: string[];
  subject: string;
  text: string;
  html: string;
  receivedAt: string;
}

export interface SmtpCapture {
  /** smtp://user:pass@127.0.0.1:<port>, for SMTP_URL. */
  url: string;
  port: number;
  messages: CapturedMail[];
  /** The first message to `to` (matching `subject` if given) once it arrives; rejects after `timeoutMs`. */
  waitFor(to: string, options?: { subject?: RegExp; timeoutMs?: number }): Promise<CapturedMail>;
  clear(): void;
  close(): Promise<void>;
}

export async function startSmtpCapture(port = 0): Promise<SmtpCapture> {
  const messages: CapturedMail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onAuth: (_auth, _session, callback) => callback(null, { user: "test" }),
    onData(stream, session, callback) {
      simpleParser(stream)
        .then((parsed) => {
          messages.push({
            from: parsed.from?.text ?? "",
            to: session.envelope.rcptTo.map((r) => r.address.toLowerCase()),
            subject: parsed.subject ?? "",
            text: parsed.text ?? "",
            html: typeof parsed.html === "string" ? parsed.html : "",
            receivedAt: new Date().toISOString(),
          });
          callback();
        })
        .catch((err: Error) => callback(err));
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", () => resolve());
  });
  const actual = (server.server.address() as AddressInfo).port;
  const find = (to: string, subject?: RegExp) =>
    messages.find((m) => m.to.includes(to.toLowerCase()) && (!subject || subject.test(m.subject)));
  return {
    url: `smtp://test:secret@127.0.0.1:${actual}`,
    port: actual,
    messages,
    async waitFor(to, { subject, timeoutMs = 5000 } = {}) {
      const until = Date.now() + timeoutMs;
      for (;;) {
        const found = find(to, subject);
        if (found) return found;
        if (Date.now() > until) throw new Error(`no mail to ${to} within ${timeoutMs} ms`);
        await new Promise((r) => setTimeout(r, 50));
      }
    },
    clear: () => void messages.splice(0),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/**
 * The HTTP side for browser tests: GET /messages?to=<email> lists what arrived for an address
 * (newest last), GET /health answers once the SMTP side listens.
 */
export function serveCaptureOverHttp(capture: SmtpCapture, port: number): Promise<Server> {
  const http = createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    if (url.pathname === "/health") return void res.end("ok");
    if (url.pathname === "/messages") {
      const to = url.searchParams.get("to")?.toLowerCase();
      res.setHeader("content-type", "application/json");
      return void res.end(JSON.stringify(capture.messages.filter((m) => !to || m.to.includes(to))));
    }
    res.statusCode = 404;
    res.end();
  });
  return new Promise((resolve) => http.listen(port, "127.0.0.1", () => resolve(http)));
}
