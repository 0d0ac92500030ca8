import { describe, expect, it } from "vitest";
import { BrainSAITStore, StoreApiError, StoreConnectionError } from "@/lib/sdk";

/** A scripted fetch: each call gets the next reply and the request is recorded. */
function scripted(replies: Array<Response | Error>) {
  const requests: Request[] = [];
  const times: number[] = [];
  const fetch = async (req: Request) => {
    requests.push(req);
    times.push(Date.now());
    const next = replies.shift();
    if (!next) throw new Error("no more replies");
    if (next instanceof Error) throw next;
    return next;
  };
  return { fetch, requests, times };
}

const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), {
    status,
    headers: { "content-type": "application/json", ...headers },
  });

const tokens = {
  access_token: "a",
  refresh_token: "r",
  token_type: "bearer",
  expires_in: 900,
  user: { id: "u", email: "e@x.co", name: "N", role: "owner" },
};

describe("BrainSAITStore client", () => {
  it("sends X-Tenant-ID and the bearer credential, and maps snake_case to camelCase both ways", async () => {
    const s = scripted([json(200, tokens)]);
    const store = new BrainSAITStore({ tenantId: "demo", apiKey: "bsk_test", fetch: s.fetch });
    const out = await store.auth.refresh({ refreshToken: "r0" });
    expect(out).toEqual({
      accessToken: "a",
      refreshToken: "r",
      tokenType: "bearer",
      expiresIn: 900,
      user: tokens.user,
    });
    const req = s.requests[0]!;
    expect(req.headers.get("x-tenant-id")).toBe("demo");
    expect(req.headers.get("authorization")).toBe("Bearer bsk_test");
    expect(await req.json()).toEqual({ refresh_token: "r0" });
  });

  it("throws StoreApiError carrying status, detail, type and code", async () => {
    const s = scripted([
      json(401, {
        detail: "Authentication required",
        type: "authentication_error",
        code: "AUTH_001",
      }),
    ]);
    const store = new BrainSAITStore({ tenantId: "demo", fetch: s.fetch });
    const err = await store.auth.me().catch((e: unknown) => e);
    expect(err).toBeInstanceOf(StoreApiError);
    expect(err).toMatchObject({
      status: 401,
      detail: "Authentication required",
      type: "authentication_error",
      code: "AUTH_001",
    });
    expect(s.requests).toHaveLength(1); // 401 is not retried
  });

  it("retries 429 after Retry-After, keeping one Idempotency-Key for every attempt of a POST", async () => {
    const limited = { detail: "slow down", type: "rate_limit_error", code: "RATE_LIMIT_EXCEEDED" };
    const s = scripted([json(429, limited, { "retry-after": "1" }), json(200, tokens)]);
    const store = new BrainSAITStore({ tenantId: "demo", fetch: s.fetch });
    await store.auth.login({ email: "e@x.co", password: "p" });
    expect(s.requests).toHaveLength(2);
    expect(s.times[1]! - s.times[0]!).toBeGreaterThanOrEqual(950);
    const keys = s.requests.map((r) => r.headers.get("idempotency-key"));
    expect(keys[0]).toMatch(/^[0-9a-f-]{36}$/);
    expect(keys[1]).toBe(keys[0]);
  });

  it("retries 5xx and network errors with backoff, then gives up with the last error", async () => {
    const down = { detail: "down", type: "api_error", code: "INTERNAL_ERROR" };
    const s = scripted([new TypeError("fetch failed"), json(503, down), json(503, down)]);
    const store = new BrainSAITStore({ tenantId: "demo", fetch: s.fetch, maxRetries: 2 });
    const err = await store.auth.me().catch((e: unknown) => e);
    expect(s.requests).toHaveLength(3);
    expect(err).toMatchObject({ status: 503, code: "INTERNAL_ERROR" });
  });

  it("reports an unreachable API as a connection error after its retries", async () => {
    const s = scripted([new TypeError("fetch failed"), new TypeError("fetch failed")]);
    const store = new BrainSAITStore({ tenantId: "demo", fetch: s.fetch, maxRetries: 1 });
    await expect(store.auth.me()).rejects.toBeInstanceOf(StoreConnectionError);
  });

  it("does not wait longer than maxRetryDelayMs for a Retry-After", async () => {
    const limited = { detail: "later", type: "rate_limit_error", code: "RATE_LIMIT_EXCEEDED" };
    const s = scripted([json(429, limited, { "retry-after": "3600" })]);
    const store = new BrainSAITStore({ tenantId: "demo", fetch: s.fetch, maxRetryDelayMs: 5000 });
    await expect(store.auth.me()).rejects.toMatchObject({ status: 429 });
    expect(s.requests).toHaveLength(1);
  });
});
