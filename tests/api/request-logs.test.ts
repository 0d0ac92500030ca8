import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { inProcessApi } from "@/lib/api/instance";
import { createLog, log, withRequestId } from "@/lib/log";
import { expectUnhandledErrors } from "./setup";
import { createTenant, createTestApi, signIn, type TestApi } from "./harness";

// Issue 17, item 4: structured JSON logs, and every line a request writes carries its id,
// however deep or late it is written (docs/operations.md, "Logs").

type Line = { level: string; time: string; msg: string; requestId?: string } & Record<
  string,
  unknown
>;
const lines: Line[] = [];
const original = { ...log };
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

let t: TestApi;
let headers: Record<string, string>;
beforeAll(async () => {
  const level = process.env.LOG_LEVEL;
  process.env.LOG_LEVEL = "info";
  // The app's logger, writing to this test instead of stderr: the same pino set-up, line for line.
  const capture = createLog({ write: (text: string) => void lines.push(JSON.parse(text)) });
  process.env.LOG_LEVEL = level;
  Object.assign(log, capture);
  t = await createTestApi({
    routes(app) {
      app.get("/api/v1/_test/log/:n", async (c) => {
        const n = Number(c.req.param("n"));
        log.info("step one", { n });
        await sleep(5 + (n % 3));
        log.warn("step two", { n });
        // Written after the reply has gone: still this request's line.
        setTimeout(() => log.info("after the reply", { n }), 30);
        return c.json({ n });
      });
      app.get("/api/v1/_test/boom", () => {
        throw new Error("boom");
      });
    },
  });
  headers = (await signIn(t, await createTenant(t))).headers;
});
afterAll(async () => {
  Object.assign(log, original);
  await t.close();
});

describe("request ids in the logs", () => {
  it("puts the request's id on every line it writes, even with requests interleaved", async () => {
    expectUnhandledErrors();
    lines.length = 0;
    const replies = await Promise.all([
      ...Array.from({ length: 12 }, (_, n) =>
        t.request(`/api/v1/_test/log/${n}`, {
          headers: { ...headers, "x-request-id": `req-${n}` },
        }),
      ),
      t.request("/api/v1/_test/boom", { headers }),
      t.request("/api/v1/users/invitations", {
        method: "POST",
        headers,
        json: { email: "new.member@example.test", role: "staff" },
      }),
    ]);
    await sleep(100);
    expect(replies.map((r) => r.status)).toEqual([...Array(12).fill(200), 500, 201]);

    // Every line is one JSON object with a level, a time, a message and the request's id.
    expect(lines.length).toBe(12 * 3 + 2);
    for (const line of lines) {
      expect(line).toMatchObject({ level: expect.any(String), msg: expect.any(String) });
      expect(new Date(line.time).getTime()).not.toBeNaN();
      expect(line.requestId).toEqual(expect.any(String));
    }
    for (let n = 0; n < 12; n++) {
      const mine = lines.filter((l) => l.n === n);
      expect(mine.map((l) => l.msg).sort()).toEqual(["after the reply", "step one", "step two"]);
      expect(new Set(mine.map((l) => l.requestId))).toEqual(new Set([`req-${n}`]));
    }
    const [boom, invite] = replies.slice(12);
    expect(lines.find((l) => l.msg === "unhandled error")?.requestId).toBe(
      boom!.headers.get("x-request-id"),
    );
    expect(lines.find((l) => l.msg === "invitation created")?.requestId).toBe(
      invite!.headers.get("x-request-id"),
    );
  });

  it("gives an admin request an id, and the Store API calls it makes in-process carry it", async () => {
    lines.length = 0;
    const api = inProcessApi(t.api);
    const reply: Record<string, string> = {};
    const req = { headers: { "x-request-id": "bad id\nforged" } as Record<string, string> };
    const res = await withRequestId(req, { setHeader: (k, v) => (reply[k] = v) }, async () => {
      log.info("admin page rendering");
      return api.fetch(
        new Request("http://in-process/api/v1/_test/log/40", { headers: { ...headers } }),
        { inProcess: true },
      );
    });
    await sleep(100);
    // A forged id is not echoed: the admin request gets a new one.
    const id = reply["X-Request-ID"]!;
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    expect(res.headers.get("x-request-id")).toBe(id);
    expect(lines.map((l) => l.msg)).toEqual([
      "admin page rendering",
      "step one",
      "step two",
      "after the reply",
    ]);
    expect(new Set(lines.map((l) => l.requestId))).toEqual(new Set([id]));
  });

  it("keeps a well-formed id a client or a proxy sent for an admin request", () => {
    const reply: Record<string, string> = {};
    withRequestId(
      { headers: { "x-request-id": "lb-7f3a=" } },
      { setHeader: (k, v) => (reply[k] = v) },
      () => log.info("admin"),
    );
    expect(reply["X-Request-ID"]).toBe("lb-7f3a=");
    expect(lines.at(-1)?.requestId).toBe("lb-7f3a=");
  });
});
