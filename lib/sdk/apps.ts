import { hmac } from "fast-sha256";
import type { z } from "zod";
import type {
  AppCreate,
  AppList,
  AppSchema,
  AppStaffList,
  AppUpdate,
  AuthoriseResult,
  CallbackList,
  DeveloperCreate,
  DeveloperList,
  DeveloperSchema,
  DeveloperSecret,
  DeveloperWithSecret,
  InstalledAccounts,
  StoreAppList,
  StoreAppSchema,
} from "@/lib/apps/contract";
import { APP_HEADERS } from "@/lib/apps/headers";
import type { Camelize } from "./casing";
import type { HttpClient } from "./client";

export type Developer = Camelize<z.infer<typeof DeveloperSchema>>;
export type DeveloperWithSecret = Camelize<z.infer<typeof DeveloperWithSecret>>;
export type App = Camelize<z.infer<typeof AppSchema>>;
export type StoreApp = Camelize<z.infer<typeof StoreAppSchema>>;
export type AppCallback = Camelize<z.infer<typeof CallbackList>>["data"][number];
export type AppStaffMember = Camelize<z.infer<typeof AppStaffList>>["data"][number];
export type InstalledAccount = Camelize<z.infer<typeof InstalledAccounts>>[number];

const id = (value: string) => encodeURIComponent(value);

/**
 * Signs an account token or a developer token as an app must send it (docs/apps.md):
 * base64(HMAC-SHA256(key = the developer secret as UTF-8, message = the unsigned token)).
 * Keep the secret on a server: whoever holds it can sign for every store that installed the app.
 */
export function signToken(developerSecret: string, unsignedToken: string): string {
  const encoder = new TextEncoder();
  const digest = hmac(encoder.encode(developerSecret), encoder.encode(unsignedToken));
  // btoa rather than Buffer: the SDK runs in browsers and edge runtimes too.
  return btoa(String.fromCharCode(...digest));
}

/** Developer accounts and their apps, for the signed-in person who registered them (docs/apps.md). */
export class DevelopersResource {
  constructor(private readonly http: HttpClient) {}
  /** The reply's `developerSecret` is shown this once. */
  register(input: Camelize<z.input<typeof DeveloperCreate>>): Promise<DeveloperWithSecret> {
    return this.http.request("POST", "/api/v1/developers", { body: input });
  }
  list(): Promise<Camelize<z.infer<typeof DeveloperList>>> {
    return this.http.request("GET", "/api/v1/developers");
  }
  get(developerRef: string): Promise<Developer> {
    return this.http.request("GET", `/api/v1/developers/${id(developerRef)}`);
  }
  /** A new secret, shown this once; the old one stops signing at once. */
  rotateSecret(developerRef: string): Promise<Camelize<z.infer<typeof DeveloperSecret>>> {
    return this.http.request("POST", `/api/v1/developers/${id(developerRef)}/rotate-secret`);
  }
  apps(developerRef: string): Promise<Camelize<z.infer<typeof AppList>>> {
    return this.http.request("GET", `/api/v1/developers/${id(developerRef)}/apps`);
  }
  createApp(developerRef: string, input: Camelize<z.input<typeof AppCreate>>): Promise<App> {
    return this.http.request("POST", `/api/v1/developers/${id(developerRef)}/apps`, {
      body: input,
    });
  }
  app(developerRef: string, appRef: string): Promise<App> {
    return this.http.request("GET", `/api/v1/developers/${id(developerRef)}/apps/${id(appRef)}`);
  }
  updateApp(
    developerRef: string,
    appRef: string,
    input: Camelize<z.input<typeof AppUpdate>>,
  ): Promise<App> {
    return this.http.request("PATCH", `/api/v1/developers/${id(developerRef)}/apps/${id(appRef)}`, {
      body: input,
    });
  }
  /** The stores that have the app installed now, with their unsigned account tokens. */
  installedAccounts(developerRef: string, appRef: string): Promise<InstalledAccount[]> {
    return this.http.request(
      "GET",
      `/api/v1/developers/${id(developerRef)}/apps/${id(appRef)}/installed-accounts`,
    );
  }
  /**
   * The installed-accounts API as the developer's own server calls it: no sign-in and no store,
   * the developer token signed with the developer secret (`signToken`) instead.
   */
  installedAccountsAsDeveloper(
    appRef: string,
    credential: { developerRef: string; developerToken: string },
  ): Promise<InstalledAccount[]> {
    return this.http.request("GET", `/api/v1/developer/apps/${id(appRef)}/installed-accounts`, {
      anonymous: true,
      noTenant: true,
      headers: {
        [APP_HEADERS.developerRef]: credential.developerRef,
        [APP_HEADERS.developerToken]: credential.developerToken,
      },
    });
  }
}

/** The store's side: its app directory, installs, callbacks and staff authorisations. */
export class AppsResource {
  constructor(private readonly http: HttpClient) {}
  list(): Promise<Camelize<z.infer<typeof StoreAppList>>> {
    return this.http.request("GET", "/api/v1/apps");
  }
  get(appRef: string): Promise<StoreApp> {
    return this.http.request("GET", `/api/v1/apps/${id(appRef)}`);
  }
  install(appRef: string): Promise<StoreApp> {
    return this.http.request("POST", `/api/v1/apps/${id(appRef)}/install`);
  }
  async uninstall(appRef: string): Promise<void> {
    await this.http.request("DELETE", `/api/v1/apps/${id(appRef)}/install`);
  }
  /** The install and uninstall callbacks sent to the app, newest first, with every attempt. */
  callbacks(appRef: string): Promise<Camelize<z.infer<typeof CallbackList>>> {
    return this.http.request("GET", `/api/v1/apps/${id(appRef)}/callbacks`);
  }
  /** Every member of the store, and whether each may use this (staff) app. */
  staff(appRef: string): Promise<Camelize<z.infer<typeof AppStaffList>>> {
    return this.http.request("GET", `/api/v1/apps/${id(appRef)}/staff`);
  }
  async authoriseStaff(appRef: string, userId: string): Promise<void> {
    await this.http.request("PUT", `/api/v1/apps/${id(appRef)}/staff/${id(userId)}`);
  }
  /** Revokes the member's staff tokens for this app at once. */
  async revokeStaff(appRef: string, userId: string): Promise<void> {
    await this.http.request("DELETE", `/api/v1/apps/${id(appRef)}/staff/${id(userId)}`);
  }
  /**
   * A staff app signs a member of the client's store in (the member must be authorised for the
   * app): their email and password for a staff token, used as `app: { ..., staffToken }`.
   */
  async staffToken(input: {
    developerRef: string;
    appRef: string;
    emailAddress: string;
    password: string;
  }): Promise<string> {
    const { developerRef, appRef, emailAddress, password } = input;
    const account = this.http.options.tenantId;
    if (!account) throw new TypeError("staffToken: the client's tenantId names the store");
    const reply: Camelize<z.infer<typeof AuthoriseResult>> = await this.http.request(
      "POST",
      `/api/v1/${id(account)}/authorise`,
      {
        anonymous: true,
        headers: { [APP_HEADERS.developerRef]: developerRef, [APP_HEADERS.appRef]: appRef },
        // camelCase on the wire, as the Brightpearl model has it: sent as written.
        body: { apiAccountCredentials: { emailAddress, password } },
        bodyAsIs: true,
      },
    );
    return reply.response;
  }
}
