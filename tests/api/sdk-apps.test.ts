import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BrainSAITStore, signToken, type AppCredential } from "@/lib/sdk";
import { createTenant, createTestApi, createUser, PASSWORD, signIn, type TestApi } from "./harness";
import { startReceiver } from "./webhook-receiver";

// Issue 15 through the SDK (docs/clients.md): a developer's app installed in a store, then the
// SDK calling as that app, with a signed account token and with a member's staff token.

let t: TestApi;
let receiver: Awaited<ReturnType<typeof startReceiver>>;
beforeAll(async () => {
  t = await createTestApi();
  receiver = await startReceiver();
});
afterAll(async () => {
  await receiver.close();
  await t.close();
});

const fetch = (request: Request) => Promise.resolve(t.api.fetch(request));
let seq = 0;
const ref = (prefix: string) => `${prefix}-${Date.now().toString(36)}-${seq++}`;

/** The SDK signed in as a new store's owner. */
async function owner() {
  const tenant = await createTenant(t);
  const { access_token } = await signIn(t, tenant, "owner");
  return {
    tenant,
    sdk: new BrainSAITStore({ tenantId: tenant.slug, accessToken: access_token, fetch }),
  };
}

type AppInput = Parameters<BrainSAITStore["developers"]["createApp"]>[1];

/** A developer account with one app, made through the SDK by a person of another store. */
async function developerWithApp(kind: AppInput["kind"], scopes: AppInput["scopes"]) {
  const { sdk } = await owner();
  const developer = await sdk.developers.register({
    developerRef: ref("dev"),
    name: "Sahara Apps",
    email: "dev@sahara.example",
  });
  const app = await sdk.developers.createApp(developer.developerRef, {
    appRef: ref("app"),
    name: { en: "Parcel labels", ar: "ملصقات الطرود" },
    installCallbackUrl: receiver.url,
    scopes,
    kind,
  });
  return { sdk, developer, developerRef: developer.developerRef, appRef: app.appRef };
}

describe("the SDK as a third-party app", () => {
  it("lists a store's products with a signed account token, within the app's scopes", async () => {
    const dev = await developerWithApp("system", ["products:read"]);
    const store = await owner();
    await store.sdk.products.create({
      name: { en: "Lamp", ar: "مصباح" },
      price: 10,
      inventory: 1,
      status: "active",
    });
    await store.sdk.apps.install(dev.appRef);

    // The unsigned token, as the install callback or the installed-accounts API hand it over.
    const [account] = await dev.sdk.developers.installedAccounts(dev.developerRef, dev.appRef);
    expect(account).toMatchObject({ accountCode: store.tenant.slug, scopes: ["products:read"] });
    const secret = dev.developer.developerSecret;
    const credential: AppCredential = {
      developerRef: dev.developerRef,
      appRef: dev.appRef,
      accountToken: signToken(secret, account!.accountToken),
    };
    const asApp = new BrainSAITStore({ tenantId: store.tenant.slug, fetch, app: credential });
    const products = await asApp.products.list();
    expect(products.data.map((p) => p.name.en)).toEqual(["Lamp"]);
    await expect(asApp.orders.list()).rejects.toMatchObject({
      status: 403,
      code: "INSUFFICIENT_SCOPE",
    });

    // The developer's own installed-accounts API: no store, no sign-in, the signed dev token.
    const developerApi = new BrainSAITStore({ tenantId: "", fetch });
    const accounts = await developerApi.developers.installedAccountsAsDeveloper(dev.appRef, {
      developerRef: dev.developerRef,
      developerToken: signToken(secret, dev.developer.developerToken),
    });
    expect(accounts).toEqual([account]);
    await expect(
      developerApi.developers.installedAccountsAsDeveloper(dev.appRef, {
        developerRef: dev.developerRef,
        developerToken: signToken("not the secret", dev.developer.developerToken),
      }),
    ).rejects.toMatchObject({ status: 401, code: "AUTH_013" });

    await store.sdk.apps.uninstall(dev.appRef);
    await expect(asApp.products.list()).rejects.toMatchObject({
      status: 403,
      code: "APP_NOT_INSTALLED",
    });
  });

  it("signs an authorised member in for a staff token and calls with it until revoked", async () => {
    const dev = await developerWithApp("staff", ["products:read"]);
    const store = await owner();
    await store.sdk.apps.install(dev.appRef);
    const member = await createUser(t, store.tenant, { role: "staff" });
    await store.sdk.apps.authoriseStaff(dev.appRef, member.id);

    // The app knows only the store's ID: no API key, no sign-in of its own.
    const app = new BrainSAITStore({ tenantId: store.tenant.slug, fetch });
    const signInAs = (password: string) =>
      app.apps.staffToken({
        developerRef: dev.developerRef,
        appRef: dev.appRef,
        emailAddress: member.email,
        password,
      });
    await expect(signInAs("wrong")).rejects.toMatchObject({ status: 401, code: "AUTH_002" });
    const staffToken = await signInAs(PASSWORD);
    expect(staffToken).toMatch(/^[A-Za-z0-9+/]{43}=$/);

    const asStaff = new BrainSAITStore({
      tenantId: store.tenant.slug,
      fetch,
      app: { developerRef: dev.developerRef, appRef: dev.appRef, staffToken },
    });
    expect((await asStaff.products.list()).data).toEqual([]);
    await store.sdk.apps.revokeStaff(dev.appRef, member.id);
    await expect(asStaff.products.list()).rejects.toMatchObject({ status: 401, code: "AUTH_012" });
  });
});
