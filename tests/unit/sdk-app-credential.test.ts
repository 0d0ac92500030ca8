import { describe, expect, it } from "vitest";
import { BrainSAITStore, signToken, type ClientOptions } from "@/lib/sdk";

// The SDK's side of third-party apps (docs/clients.md): its own signing, without node:crypto,
// and the headers each kind of call sends.

describe("signToken in the SDK", () => {
  it.each([
    [
      "an account token (the Brightpearl test vector)",
      "fcVGPrRapgRyT83CJb9kg8wBpgIV7tdKikdKA/7SmvY=",
      "c72a9373-86f5-4138-a41f-c26cd9abfe4e",
      "xOcgfoSsTBnWVAHr46EIWpA5U+/mpflsts/lF7p2jnc=",
    ],
    [
      "a developer token",
      "irhkVURWuLDYZwziDKhCsSGYrczWtfL7Pz5oX2GRDXo=",
      "MlcTe8zimMPgYf/batW+ckJEAj467bbapA0cQBx6WwM=",
      "llWnSJurpSUUTLNOtVd8Ik/ox6+4OVY/TdLSvE1+VWg=",
    ],
  ])("signs %s", (_, secret, unsigned, signed) => {
    expect(signToken(secret, unsigned)).toBe(signed);
  });
});

/** A fetch that records each request and answers with `body`. */
function recorder(body: unknown = { data: [] }) {
  const requests: Request[] = [];
  const fetch = async (request: Request) => {
    requests.push(request);
    return new Response(JSON.stringify(body), {
      headers: { "content-type": "application/json" },
    });
  };
  return { fetch, requests };
}

describe("calling as an app", () => {
  it("sends the app headers instead of Authorization", async () => {
    const r = recorder();
    const store = new BrainSAITStore({
      tenantId: "demo",
      fetch: r.fetch,
      app: { developerRef: "sahara", appRef: "labels", accountToken: "signed=" },
    });
    await store.products.list();
    const headers = r.requests[0]!.headers;
    expect(headers.get("authorization")).toBeNull();
    expect(headers.get("x-tenant-id")).toBe("demo");
    expect(headers.get("brainsait-dev-ref")).toBe("sahara");
    expect(headers.get("brainsait-app-ref")).toBe("labels");
    expect(headers.get("brainsait-account-token")).toBe("signed=");
    expect(headers.get("brainsait-staff-token")).toBeNull();
  });

  it.each<[string, Partial<ClientOptions>]>([
    ["neither token", { app: { developerRef: "d", appRef: "a" } as never }],
    [
      "both tokens",
      { app: { developerRef: "d", appRef: "a", accountToken: "x", staffToken: "y" } as never },
    ],
    ["no app ref", { app: { developerRef: "d", appRef: "", staffToken: "y" } }],
    [
      "an API key beside it",
      { apiKey: "k", app: { developerRef: "d", appRef: "a", staffToken: "y" } },
    ],
  ])("refuses an app credential with %s", (_, options) => {
    expect(() => new BrainSAITStore({ tenantId: "demo", ...options })).toThrow(TypeError);
  });

  it("asks for a staff token with the camelCase body as written and no credential", async () => {
    const r = recorder({ response: "staff-token=" });
    const store = new BrainSAITStore({ tenantId: "demo", apiKey: "bsk_test", fetch: r.fetch });
    const token = await store.apps.staffToken({
      developerRef: "sahara",
      appRef: "labels",
      emailAddress: "katie@example.test",
      password: "0p3nSE5AME",
    });
    expect(token).toBe("staff-token=");
    const request = r.requests[0]!;
    expect(new URL(request.url).pathname).toBe("/api/v1/demo/authorise");
    expect(request.headers.get("authorization")).toBeNull();
    expect(request.headers.get("brainsait-dev-ref")).toBe("sahara");
    expect(request.headers.get("brainsait-app-ref")).toBe("labels");
    expect(await request.json()).toEqual({
      apiAccountCredentials: { emailAddress: "katie@example.test", password: "0p3nSE5AME" },
    });
  });

  it("calls the developer's installed-accounts API with no store and no sign-in", async () => {
    const r = recorder([
      { account_code: "demo", account_token: "t", installed_at: "2026-01-01", scopes: [] },
    ]);
    const store = new BrainSAITStore({ tenantId: "", accessToken: "person", fetch: r.fetch });
    const accounts = await store.developers.installedAccountsAsDeveloper("labels", {
      developerRef: "sahara",
      developerToken: "signed=",
    });
    expect(accounts).toEqual([
      { accountCode: "demo", accountToken: "t", installedAt: "2026-01-01", scopes: [] },
    ]);
    const headers = r.requests[0]!.headers;
    expect(headers.get("x-tenant-id")).toBeNull();
    expect(headers.get("authorization")).toBeNull();
    expect(headers.get("brainsait-dev-ref")).toBe("sahara");
    expect(headers.get("brainsait-dev-token")).toBe("signed=");
  });
});
