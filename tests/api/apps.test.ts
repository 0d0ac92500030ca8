import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { verifyWebhook } from "@/lib/sdk";
import { appInstalls, developers } from "@/lib/apps/schema";
import { signToken } from "@/lib/apps/signing";
import { createApi } from "@/lib/api/app";
import { credentialCache } from "@/lib/auth/credential-cache";
import {
  createTenant,
  createTestApi,
  createUser,
  expectError,
  PASSWORD,
  signIn,
  testDeps,
  type TestApi,
} from "./harness";
import { startReceiver } from "./webhook-receiver";

// Issue 15: third-party apps, end to end against a local install-callback receiver.

let t: TestApi;
let receiver: Awaited<ReturnType<typeof startReceiver>>;
beforeAll(async () => {
  t = await createTestApi({
    webhookWorkers: { schedule: [300, 600], timeoutMs: 1000, retryDelaySeconds: 1 },
  });
  receiver = await startReceiver();
});
afterAll(async () => {
  await receiver.close();
  await t.close();
});

let seq = 0;
const ref = (prefix: string) => `${prefix}-${Date.now().toString(36)}-${seq++}`;

async function person(role: "owner" | "admin" | "staff" | "viewer" = "owner") {
  const tenant = await createTenant(t);
  const { user, headers } = await signIn(t, tenant, role);
  const call = (method: string, path: string, json?: unknown) =>
    t.request(path, { method, headers, json });
  return { tenant, user, headers, call };
}

type Person = Awaited<ReturnType<typeof person>>;

async function developerWithApp(
  dev: Person,
  app: { scopes?: string[]; kind?: "system" | "staff" } = {},
) {
  const developerRef = ref("dev");
  const res = await dev.call("POST", "/api/v1/developers", {
    developer_ref: developerRef,
    name: "Sahara Apps",
    email: "dev@sahara.example",
  });
  expect(res.status).toBe(201);
  const developer = (await res.json()) as {
    developer_ref: string;
    developer_secret: string;
    developer_token: string;
  };
  const appRef = ref("app");
  const created = await dev.call("POST", `/api/v1/developers/${developerRef}/apps`, {
    app_ref: appRef,
    name: { en: "Parcel labels", ar: "ملصقات الطرود" },
    description: "Prints labels",
    install_callback_url: receiver.url,
    scopes: app.scopes ?? ["products:read"],
    kind: app.kind ?? "system",
  });
  expect(created.status).toBe(201);
  return { developerRef, appRef, secret: developer.developer_secret, developer };
}

/** Installs and returns the install callback's body once the receiver has it. */
async function install(store: Person, appRef: string) {
  const before = receiver.received.length;
  const res = await store.call("POST", `/api/v1/apps/${appRef}/install`);
  expect(res.status).toBe(201);
  const received = await receiver.waitFor(before + 1);
  const mine = received
    .slice(before)
    .map((r) => ({ ...r, json: JSON.parse(r.body) }))
    .find((r) => r.json.account_code === store.tenant.slug && r.json.event === "app.installed");
  expect(mine).toBeDefined();
  return mine!;
}

type CallbackLog = {
  data: {
    event: string;
    status: string;
    attempts: number;
    attempt_log: { response_status: number | null }[];
  }[];
};

/** The store's callback log for an app, once its newest callback is no longer pending. */
async function settledCallbacks(store: Person, appRef: string): Promise<CallbackLog> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    const log = (await (
      await store.call("GET", `/api/v1/apps/${appRef}/callbacks`)
    ).json()) as CallbackLog;
    if (log.data[0]?.status !== "pending" || Date.now() > deadline) return log;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

function appHeaders(
  store: Person,
  app: { developerRef: string; appRef: string },
  token: { account: string } | { staff: string },
) {
  return {
    "x-tenant-id": store.tenant.slug,
    "brainsait-dev-ref": app.developerRef,
    "brainsait-app-ref": app.appRef,
    ...("account" in token
      ? { "brainsait-account-token": token.account }
      : { "brainsait-staff-token": token.staff }),
  };
}

describe("developers", () => {
  it("registers with a secret shown once and sealed at rest", async () => {
    const dev = await person();
    const { developerRef, developer } = await developerWithApp(dev);
    expect(developer.developer_secret).toMatch(/^[A-Za-z0-9+/]{43}=$/);
    const [row] = await t.db.select().from(developers).where(eq(developers.ref, developerRef));
    expect(JSON.stringify(row)).not.toContain(developer.developer_secret);
    expect(JSON.stringify(row)).not.toContain(developer.developer_token);
    const got = await (await dev.call("GET", `/api/v1/developers/${developerRef}`)).json();
    expect(got).not.toHaveProperty("developer_secret");
    expect(got.developer_token).toBe(developer.developer_token);
    await expectError(
      await dev.call("POST", "/api/v1/developers", {
        developer_ref: developerRef.toUpperCase(),
        name: "Again",
        email: "x@example.test",
      }),
      409,
      "DEVELOPER_REF_TAKEN",
    );
  });

  it("keeps one person's developer accounts from another", async () => {
    const dev = await person();
    const { developerRef } = await developerWithApp(dev);
    const other = await person();
    await expectError(
      await other.call("GET", `/api/v1/developers/${developerRef}/apps`),
      404,
      "DEVELOPER_NOT_FOUND",
    );
    await expectError(
      await other.call("POST", `/api/v1/developers/${developerRef}/rotate-secret`),
      404,
      "DEVELOPER_NOT_FOUND",
    );
  });

  it("refuses an install callback URL on a private address when those are not allowed", async () => {
    const dev = await person();
    const { developerRef } = await developerWithApp(dev);
    const res = await dev.call("POST", `/api/v1/developers/${developerRef}/apps`, {
      app_ref: ref("bad"),
      name: { en: "Bad", ar: "سيئ" },
      install_callback_url: "ftp://example.com/x",
      scopes: ["products:read"],
    });
    const body = await expectError(res, 422, "VALIDATION_ERROR");
    expect(JSON.stringify(body.errors)).toContain("install_callback_url");
  });
});

describe("install, sign, call", () => {
  it("runs the whole flow: callback, scopes, wrong signature, rotation, uninstall", async () => {
    const dev = await person();
    const app = await developerWithApp(dev, { scopes: ["products:read"] });
    const store = await person();
    await store.call("POST", "/api/v1/store/products", {
      name: { en: "Lamp", ar: "مصباح" },
      price: 10,
      inventory: 1,
      status: "active",
    });

    // The install callback carries what the app needs, signed with the developer secret.
    const callback = await install(store, app.appRef);
    expect(callback.json).toMatchObject({
      event: "app.installed",
      account_code: store.tenant.slug,
      api_base_url: "http://localhost:3000/api/v1",
      scopes: ["products:read"],
    });
    const unsigned = callback.json.account_token as string;
    expect(unsigned).toMatch(/^[0-9a-f-]{36}$/);
    expect(() =>
      verifyWebhook({
        secret: app.secret,
        body: callback.body,
        headers: callback.headers as never,
      }),
    ).not.toThrow();
    // Only the unsigned token is kept, and sealed.
    const [installRow] = await t.db
      .select()
      .from(appInstalls)
      .where(eq(appInstalls.tenantId, store.tenant.id));
    expect(JSON.stringify(installRow)).not.toContain(unsigned);

    const signed = signToken(app.secret, unsigned);
    const asApp = (path: string, method = "GET", json?: unknown) =>
      t.request(path, { method, headers: appHeaders(store, app, { account: signed }), json });

    const list = await asApp("/api/v1/store/products");
    expect(list.status).toBe(200);
    expect((await list.json()).data.map((p: { name: { en: string } }) => p.name.en)).toEqual([
      "Lamp",
    ]);
    // Outside its scopes: 403.
    await expectError(await asApp("/api/v1/store/orders"), 403, "INSUFFICIENT_SCOPE");
    await expectError(
      await asApp("/api/v1/store/products", "POST", {
        name: { en: "X", ar: "س" },
        price: 1,
      }),
      403,
      "INSUFFICIENT_SCOPE",
    );
    // A wrong signature: 401 with a detail that says what to do.
    const wrong = await t.request("/api/v1/store/products", {
      headers: appHeaders(store, app, { account: signToken("not the secret", unsigned) }),
    });
    const refused = await expectError(wrong, 401, "AUTH_011");
    expect(refused.detail).toMatch(/developer's current secret/);
    // The unsigned token itself is not a credential.
    await expectError(
      await t.request("/api/v1/store/products", {
        headers: appHeaders(store, app, { account: unsigned }),
      }),
      401,
      "AUTH_011",
    );

    // Rotation: the old signature stops at once, the same token signed anew works.
    const rotated = await (
      await dev.call("POST", `/api/v1/developers/${app.developerRef}/rotate-secret`)
    ).json();
    expect(rotated.developer_secret).not.toBe(app.secret);
    await expectError(await asApp("/api/v1/store/products"), 401, "AUTH_011");
    const resigned = signToken(rotated.developer_secret, unsigned);
    expect(
      (
        await t.request("/api/v1/store/products", {
          headers: appHeaders(store, app, { account: resigned }),
        })
      ).status,
    ).toBe(200);

    // The installed-accounts API, with the developer's own signed token.
    const accounts = await t.request(`/api/v1/developer/apps/${app.appRef}/installed-accounts`, {
      headers: {
        "brainsait-dev-ref": app.developerRef,
        "brainsait-dev-token": signToken(rotated.developer_secret, app.developer.developer_token),
      },
    });
    expect(accounts.status).toBe(200);
    expect(await accounts.json()).toEqual([
      {
        account_code: store.tenant.slug,
        account_token: unsigned,
        installed_at: expect.any(String),
        scopes: ["products:read"],
      },
    ]);
    await expectError(
      await t.request(`/api/v1/developer/apps/${app.appRef}/installed-accounts`, {
        headers: {
          "brainsait-dev-ref": app.developerRef,
          "brainsait-dev-token": signToken(app.secret, app.developer.developer_token),
        },
      }),
      401,
      "AUTH_013",
    );

    // Uninstall: refused on the next request, and the app is told.
    const before = receiver.received.length;
    expect((await store.call("DELETE", `/api/v1/apps/${app.appRef}/install`)).status).toBe(204);
    await expectError(
      await t.request("/api/v1/store/products", {
        headers: appHeaders(store, app, { account: resigned }),
      }),
      403,
      "APP_NOT_INSTALLED",
    );
    const told = (await receiver.waitFor(before + 1))
      .slice(before)
      .map((r) => JSON.parse(r.body))
      .find((b) => b.account_code === store.tenant.slug);
    expect(told).toMatchObject({ event: "app.uninstalled", account_code: store.tenant.slug });
    const listed = await t.request(`/api/v1/developer/apps/${app.appRef}/installed-accounts`, {
      headers: {
        "brainsait-dev-ref": app.developerRef,
        "brainsait-dev-token": signToken(rotated.developer_secret, app.developer.developer_token),
      },
    });
    expect(await listed.json()).toEqual([]);
  });

  it("refuses a token of one store used with another", async () => {
    const dev = await person();
    const app = await developerWithApp(dev);
    const a = await person();
    const b = await person();
    const callback = await install(a, app.appRef);
    const signed = signToken(app.secret, callback.json.account_token);
    await expectError(
      await t.request("/api/v1/store/products", {
        headers: appHeaders(b, app, { account: signed }),
      }),
      403,
      "APP_NOT_INSTALLED",
    );
    // Installed in both: A's token signs for A only.
    await install(b, app.appRef);
    await expectError(
      await t.request("/api/v1/store/products", {
        headers: appHeaders(b, app, { account: signed }),
      }),
      401,
      "AUTH_011",
    );
  });

  it("refuses an unknown app, a mismatched developer and missing headers clearly", async () => {
    const dev = await person();
    const app = await developerWithApp(dev);
    const store = await person();
    await expectError(
      await t.request("/api/v1/store/products", {
        headers: appHeaders(store, { ...app, appRef: "nope" }, { account: "x" }),
      }),
      401,
      "AUTH_010",
    );
    await expectError(
      await t.request("/api/v1/store/products", {
        headers: appHeaders(store, { ...app, developerRef: "someone-else" }, { account: "x" }),
      }),
      401,
      "AUTH_010",
    );
    await expectError(
      await t.request("/api/v1/store/products", {
        headers: { "x-tenant-id": store.tenant.slug, "brainsait-app-ref": app.appRef },
      }),
      401,
      "AUTH_010",
    );
  });

  it("lets only owners and admins install, and shows the directory to every member", async () => {
    const dev = await person();
    const app = await developerWithApp(dev);
    const staff = await person("staff");
    await expectError(
      await staff.call("POST", `/api/v1/apps/${app.appRef}/install`),
      403,
      "INSUFFICIENT_PERMISSION",
    );
    const directory = await (await staff.call("GET", "/api/v1/apps")).json();
    expect(directory.data.find((a: { app_ref: string }) => a.app_ref === app.appRef)).toMatchObject(
      { install: null, scopes: ["products:read"] },
    );
    const admin = await person("admin");
    await install(admin, app.appRef);
    await expectError(
      await admin.call("POST", `/api/v1/apps/${app.appRef}/install`),
      409,
      "APP_ALREADY_INSTALLED",
    );
    const log = await settledCallbacks(admin, app.appRef);
    expect(log.data[0]).toMatchObject({ event: "app.installed", status: "succeeded" });
    expect(log.data[0]!.attempt_log[0]!.response_status).toBe(200);
  });
});

describe("callbacks", () => {
  it("keeps the install when the callback fails, and retries it", async () => {
    const flaky = await startReceiver([{ status: 500 }]);
    try {
      const dev = await person();
      const app = await developerWithApp(dev);
      await dev.call("PATCH", `/api/v1/developers/${app.developerRef}/apps/${app.appRef}`, {
        install_callback_url: flaky.url,
      });
      const store = await person();
      expect((await store.call("POST", `/api/v1/apps/${app.appRef}/install`)).status).toBe(201);
      await flaky.waitFor(2);
      let log = await settledCallbacks(store, app.appRef);
      // The first attempt settles as pending again (a retry is due): wait for the second.
      const deadline = Date.now() + 10_000;
      while (log.data[0]!.attempts < 2 && Date.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 100));
        log = await settledCallbacks(store, app.appRef);
      }
      expect(log.data[0]).toMatchObject({ status: "succeeded", attempts: 2 });
      expect(log.data[0]!.attempt_log).toMatchObject([
        { response_status: 500 },
        { response_status: 200 },
      ]);
      // The same body twice, byte for byte.
      expect(flaky.received[0]!.body).toBe(flaky.received[1]!.body);
    } finally {
      await flaky.close();
    }
  });
});

describe("staff apps", () => {
  it("stay staff apps when the developer edits something else (found by the fuzzer)", async () => {
    const dev = await person();
    const app = await developerWithApp(dev, { kind: "staff" });
    const path = `/api/v1/developers/${app.developerRef}/apps/${app.appRef}`;
    const res = await dev.call("PATCH", path, { description: "Prints labels in Arabic too" });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ kind: "staff" });
    expect(await (await dev.call("GET", path)).json()).toMatchObject({ kind: "staff" });
  });

  it("authorises a member, hands a staff token, limits it by role, and revokes it", async () => {
    const dev = await person();
    const app = await developerWithApp(dev, {
      kind: "staff",
      scopes: ["products:read", "products:write"],
    });
    const store = await person();
    await install(store, app.appRef);
    const viewer = await createUser(t, store.tenant, { role: "viewer" });
    const authorise = (email: string, password: string, ip?: string) =>
      t.request(`/api/v1/${store.tenant.slug}/authorise`, {
        method: "POST",
        ip,
        headers: { "brainsait-dev-ref": app.developerRef, "brainsait-app-ref": app.appRef },
        json: { apiAccountCredentials: { emailAddress: email, password } },
      });

    // Not authorised yet.
    await expectError(await authorise(viewer.email, PASSWORD), 403, "STAFF_NOT_AUTHORISED");
    const members = await (await store.call("GET", `/api/v1/apps/${app.appRef}/staff`)).json();
    expect(members.data.find((m: { user_id: string }) => m.user_id === viewer.id)).toMatchObject({
      authorised: false,
    });
    expect((await store.call("PUT", `/api/v1/apps/${app.appRef}/staff/${viewer.id}`)).status).toBe(
      204,
    );

    // A wrong password is the sign-in's own error.
    await expectError(await authorise(viewer.email, "wrong"), 401, "AUTH_002");
    const ok = await authorise(viewer.email.toUpperCase(), PASSWORD);
    expect(ok.status).toBe(200);
    const { response: staffToken } = (await ok.json()) as { response: string };
    expect(staffToken).toMatch(/^[A-Za-z0-9+/]{43}=$/);

    const asStaff = (path: string, method = "GET", json?: unknown) =>
      t.request(path, { method, headers: appHeaders(store, app, { staff: staffToken }), json });
    expect((await asStaff("/api/v1/store/products")).status).toBe(200);
    // The app may write products, but this member is a viewer: the role limits further.
    await expectError(
      await asStaff("/api/v1/store/products", "POST", { name: { en: "X", ar: "س" }, price: 1 }),
      403,
      "INSUFFICIENT_SCOPE",
    );
    // Another store's slug with this token: the app is not installed there.
    const other = await person();
    await expectError(
      await t.request("/api/v1/store/products", {
        headers: appHeaders(other, app, { staff: staffToken }),
      }),
      403,
      "APP_NOT_INSTALLED",
    );

    // Revoking the member ends the token at once.
    expect(
      (await store.call("DELETE", `/api/v1/apps/${app.appRef}/staff/${viewer.id}`)).status,
    ).toBe(204);
    await expectError(await asStaff("/api/v1/store/products"), 401, "AUTH_012");
  });

  it("throttles wrong passwords at /authorise as sign-in does", async () => {
    const dev = await person();
    const app = await developerWithApp(dev, { kind: "staff" });
    const store = await person();
    await install(store, app.appRef);
    const member = await createUser(t, store.tenant, { role: "staff" });
    let last: Response | undefined;
    for (let i = 0; i < 7; i++)
      last = await t.request(`/api/v1/${store.tenant.slug}/authorise`, {
        method: "POST",
        ip: "10.9.9.9",
        headers: { "brainsait-dev-ref": app.developerRef, "brainsait-app-ref": app.appRef },
        json: { apiAccountCredentials: { emailAddress: member.email, password: "wrong" } },
      });
    expect(last!.status).toBe(429);
  });

  it("gives no staff token for a system app", async () => {
    const dev = await person();
    const app = await developerWithApp(dev, { kind: "system" });
    const store = await person();
    await install(store, app.appRef);
    const res = await t.request(`/api/v1/${store.tenant.slug}/authorise`, {
      method: "POST",
      headers: { "brainsait-dev-ref": app.developerRef, "brainsait-app-ref": app.appRef },
      json: {
        apiAccountCredentials: {
          emailAddress: store.user.email,
          password: PASSWORD,
        },
      },
    });
    await expectError(res, 403, "NOT_A_STAFF_APP");
  });
});

describe("cached app credentials", () => {
  async function installedApp() {
    const dev = await person();
    const app = await developerWithApp(dev);
    const store = await person();
    const callback = await install(store, app.appRef);
    const unsigned = callback.json.account_token as string;
    return { dev, app, store, unsigned };
  }

  /** Calls as the app until this instance's cache answers (at most a second). */
  async function warm(
    api: {
      request: (path: string, init?: RequestInit) => Response | Promise<Response>;
      credentials: TestApi["credentials"];
    },
    headers: Record<string, string>,
  ) {
    const deadline = Date.now() + 1_000;
    for (;;) {
      const hits = api.credentials.stats.hits;
      const res = await api.request("/api/v1/store/products", { headers });
      expect(res.status).toBe(200);
      if (api.credentials.stats.hits > hits) return;
      if (Date.now() > deadline) throw new Error("never answered from the cache");
    }
  }

  it("answers a repeated call from the cache, and a rotation refuses the old signature at once", async () => {
    const { dev, app, store, unsigned } = await installedApp();
    const headers = appHeaders(store, app, { account: signToken(app.secret, unsigned) });
    await warm(t, headers);
    await dev.call("POST", `/api/v1/developers/${app.developerRef}/rotate-secret`);
    await expectError(await t.request("/api/v1/store/products", { headers }), 401, "AUTH_011");
  });

  it("narrowing an app's scopes narrows a cached install at once", async () => {
    const dev = await person();
    const app = await developerWithApp(dev, { scopes: ["products:read", "orders:read"] });
    const store = await person();
    const callback = await install(store, app.appRef);
    const headers = appHeaders(store, app, {
      account: signToken(app.secret, callback.json.account_token),
    });
    expect((await t.request("/api/v1/store/orders", { headers })).status).toBe(200);
    await warm(t, headers);
    await dev.call("PATCH", `/api/v1/developers/${app.developerRef}/apps/${app.appRef}`, {
      scopes: ["products:read"],
    });
    await expectError(
      await t.request("/api/v1/store/orders", { headers }),
      403,
      "INSUFFICIENT_SCOPE",
    );
  });

  describe.runIf(process.env.DATABASE_URL)("across instances (PostgreSQL)", () => {
    it("an uninstall on instance A is refused on instance B within a second", async () => {
      const credentials = credentialCache(t.database);
      await credentials.ready();
      try {
        // A second instance on the same database, sealing with the same key.
        const { deps } = testDeps(t.database, { credentials });
        deps.webhooks.encryptionKey = t.encryptionKey;
        const api = createApi(deps);
        const b = {
          request: (path: string, init: RequestInit = {}) => api.request(path, init),
          credentials,
        };
        const { app, store, unsigned } = await installedApp();
        const headers = appHeaders(store, app, { account: signToken(app.secret, unsigned) });
        await warm(b, headers);
        expect((await store.call("DELETE", `/api/v1/apps/${app.appRef}/install`)).status).toBe(204);
        const deadline = Date.now() + 1_000;
        let res: Response;
        do res = await b.request("/api/v1/store/products", { headers });
        while (res.status === 200 && Date.now() < deadline);
        await expectError(res, 403, "APP_NOT_INSTALLED");
      } finally {
        await credentials.close();
      }
    });
  });
});
