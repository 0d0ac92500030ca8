import type { Config } from "@/lib/config";
import type { Database } from "@/lib/db/client";
import path from "node:path";
import { localDiskStorage } from "@/lib/storage";
import { KeyUsageTracker } from "@/lib/api-keys/service";
import { credentialCache } from "@/lib/auth/credential-cache";
import type { JobSender } from "@/lib/jobs/queue";
import { createApi, type StoreApi } from "./app";
import { currentRequestId } from "@/lib/log";
import { mailOff, smtpMailer } from "@/lib/mail/transport";
import { storeLimiters } from "@/lib/tenants/setup-routes";
import { passwordResetLimiters } from "@/lib/auth/password-reset";
import { memoryLimiters, redisLimiters, type LimiterFactory } from "@/lib/limiter";

export const VERSION = process.env.npm_package_version ?? "0.1.0";

/** Builds the production Store API from the configuration: shared by server.ts and benchmarks. */
export function buildApi(config: Config, database: Database, jobs?: JobSender) {
  const factory: LimiterFactory = config.redisUrl
    ? redisLimiters(config.redisUrl)
    : memoryLimiters();
  const keyUsage = new KeyUsageTracker(database.db);
  const credentials = credentialCache(database);
  const api = createApi({
    db: database.db,
    readDb: database.read,
    dbKind: database.kind,
    config,
    limiters: {
      api: factory.create("api", config.rateLimit.points, config.rateLimit.windowSeconds),
      apiKey: factory.create("api-key", config.rateLimit.keyPoints, config.rateLimit.windowSeconds),
      // docs/decisions/0007-access-throttling.md
      loginAccountIp: factory.create("login-account-ip", 5, 15 * 60),
      loginAccount: factory.create("login-account", 20, 15 * 60),
      loginIp: factory.create("login-ip", 50, 15 * 60),
      stores: storeLimiters(factory),
      passwordReset: passwordResetLimiters(factory),
    },
    rateLimitStore: factory.store,
    now: () => new Date(),
    version: VERSION,
    keyUsage,
    credentials,
    jobs,
    webhooks: { encryptionKey: config.encryptionKey, allowPrivate: config.webhooksAllowPrivate },
    payments: {
      encryptionKey: config.encryptionKey,
      publicUrl: config.publicUrl,
      stripeApiUrl: config.stripeApiUrl,
      paypalApiUrl: config.paypalApiUrl,
      timeoutMs: 20_000,
    },
    mail: config.smtpUrl ? smtpMailer(config.smtpUrl, config.mailFrom) : mailOff,
    storage: localDiskStorage(path.join(config.dataDir, "uploads")),
  });
  return {
    api,
    ready: async () => {
      await credentials.ready();
      return factory.ready();
    },
    close: async () => {
      await keyUsage.close();
      await credentials.close();
      await factory.close();
    },
  };
}

/**
 * The Store API as the admin's SDK calls it in-process (lib/sdk/client.ts), under the admin
 * request's id: the API's log lines for an admin action carry the id of the action's request.
 */
export function inProcessApi(api: StoreApi) {
  return {
    fetch(request: Request, env: { inProcess: true }) {
      const id = currentRequestId();
      if (id && !request.headers.has("x-request-id")) request.headers.set("x-request-id", id);
      return api.fetch(request, env);
    },
  };
}
