import type { IncomingMessage } from "node:http";
import type { Actor } from "@/lib/context";
import type { Config } from "@/lib/config";
import type { Db } from "@/lib/db/client";
import type { Tenant } from "@/lib/tenants/schema";
import type { Limiter, LimiterFactory } from "@/lib/limiter";
import type { FileStorage } from "@/lib/storage";
import type { JobSender } from "@/lib/jobs/queue";
import type { RouteRules } from "./module";
import type { PaymentsDeps } from "@/lib/payments/deps";
import type { Mailer } from "@/lib/mail/transport";
import type { CredentialCache } from "@/lib/auth/credential-cache";

/** What the API is built from; tests build their own. */
export interface ApiDeps {
  db: Db;
  /** A read replica for lists, exports and analytics (lib/context.ts, readsOf). */
  readDb?: Db;
  dbKind: "pglite" | "postgres";
  config: Pick<
    Config,
    | "authSecret"
    | "accessTokenTtlSeconds"
    | "refreshTokenTtlSeconds"
    | "bodyLimitBytes"
    | "trustProxy"
    | "rateLimit"
    | "publicUrl"
  > & { signup?: "open" | "closed"; idempotencyLeaseSeconds?: number };
  limiters: {
    api: Limiter;
    apiKey: Limiter;
    loginAccountIp: Limiter;
    loginAccount: Limiter;
    loginIp: Limiter;
    /** First-run setup, sign-up and slug checks, per address; in memory when absent (tests). */
    stores?: { setup: Limiter; signup: Limiter; signupCreated: Limiter; slugCheck: Limiter };
    /** "Forgot password" requests per address and per store+email; in memory when absent (tests). */
    passwordReset?: { ip: Limiter; account: Limiter };
  };
  /** Where the limiters count when it is shared (Redis), for /health; absent: memory. */
  rateLimitStore?: LimiterFactory["store"];
  keyUsage: { touch(keyId: string, at: Date): void };
  /** Verified credentials, dropped per tenant on every instance when one changes (lib/auth/credential-cache.ts). */
  credentials: CredentialCache;
  now: () => Date;
  version: string;
  storage: FileStorage;
  jobs?: JobSender;
  webhooks: { encryptionKey: Buffer; allowPrivate: boolean };
  /** Provider credentials are sealed with encryptionKey; the URLs point the providers' clients elsewhere (tests). */
  payments: PaymentsDeps;
  /** Outgoing mail (SMTP_URL); absent or disabled: mail is off, links are copied by hand. */
  mail?: Mailer;
}

export interface ApiEnv {
  Bindings: {
    /** Set by @hono/node-server for requests that came over a socket. */
    incoming?: IncomingMessage;
    /** Set by the SDK's in-process transport (trusted: it is our own code). */
    inProcess?: true;
  };
  Variables: {
    requestId: string;
    deps: ApiDeps;
    clientIp: string;
    tenant: Tenant;
    /** Drops this instance's cached copy of the tenant after a change to it. */
    forgetTenant: () => void;
    actor: Actor;
    /** What the matched module declared about this route (./module.ts); unset for most. */
    routeRules?: RouteRules;
  };
}
