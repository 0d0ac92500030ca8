import { describe, expect, it } from "vitest";
import { createLog, withLogContext } from "@/lib/log";

/** A logger whose lines land in an array, parsed (pino writes to anything with write()). */
function capture() {
  const lines: Record<string, unknown>[] = [];
  const write = (text: string) => void lines.push(JSON.parse(text));
  return { lines, log: createLog({ write }) };
}

describe("log", () => {
  it("writes one JSON line with the level's name, the message and the fields", () => {
    const { lines, log } = capture();
    log.warn("webhook endpoint disabled", { endpoint: "e1" });
    expect(lines).toEqual([
      expect.objectContaining({ level: "warn", msg: "webhook endpoint disabled", endpoint: "e1" }),
    ]);
    expect(typeof lines[0]!.time).toBe("string");
  });

  it("carries the request id of the request it runs in and redacts secrets", async () => {
    const { lines, log } = capture();
    await withLogContext({ requestId: "req-123" }, async () => {
      await Promise.resolve();
      log.error("login failed", {
        password: "hunter2",
        headers: { authorization: "Bearer abc", cookie: "s=1", accept: "*/*" },
        user: { email: "a@b.test", token: "t" },
      });
    });
    log.info("outside");
    expect(lines[0]).toMatchObject({
      requestId: "req-123",
      password: "[redacted]",
      headers: { authorization: "[redacted]", cookie: "[redacted]", accept: "*/*" },
      user: { email: "a@b.test", token: "[redacted]" },
    });
    expect(JSON.stringify(lines[0])).not.toMatch(/hunter2|Bearer abc/);
    expect(lines[1]).not.toHaveProperty("requestId");
  });

  it("reduces errors to name, message and stack", () => {
    const { lines, log } = capture();
    log.error("job failed", { err: new TypeError("boom") });
    expect(lines[0]!.err).toMatchObject({ name: "TypeError", message: "boom" });
    expect((lines[0]!.err as { stack: string }).stack).toContain("boom");
  });
  it("logs a failed query with its SQL and its cause, never its parameters", () => {
    const { lines, log } = capture();
    const err = new Error(
      'Failed query: insert into "webhook_attempts" values ($1, $2)\nparams: 3f2a,sha256=deadbeef',
      { cause: new Error('insert violates foreign key constraint "webhook_attempts_delivery_fk"') },
    );
    log.error("job failed", { err });
    log.error("job failed", { error: err });
    for (const line of lines) {
      const text = JSON.stringify(line);
      expect(text).toContain('insert into \\"webhook_attempts\\"');
      expect(text).toContain("violates foreign key constraint");
      expect(text).not.toContain("deadbeef");
    }
  });
});
