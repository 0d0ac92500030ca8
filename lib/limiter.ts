import {
  RateLimiterMemory,
  RateLimiterRedis,
  RateLimiterRes,
  type RateLimiterAbstract,
} from "rate-limiter-flexible";
import { Redis } from "ioredis";
import { log } from "@/lib/log";

export { RateLimiterRes };
export type Limiter = RateLimiterAbstract;

export interface LimiterFactory {
  create(name: string, points: number, durationSeconds: number): Limiter;
  /** Resolves when the shared store is reachable (or after timeoutMs; the fallback covers it). */
  ready(timeoutMs?: number): Promise<boolean>;
  /** The shared store, for /health: absent when the counters are in memory by design. */
  store?: () => { name: "redis"; status: "ok" | "error" };
  close(): Promise<void>;
}

/** In-process counters: right for one machine. */
export function memoryLimiters(): LimiterFactory {
  return {
    create: (name, points, duration) =>
      new RateLimiterMemory({ keyPrefix: name, points, duration }),
    ready: async () => true,
    close: async () => {},
  };
}

/**
 * Counters in Redis, shared by every instance. If Redis is unreachable, each instance falls back
 * to its own memory counters rather than refusing traffic, and says so once in the log (and
 * once when Redis is back); /health reports it meanwhile (docs/operations.md).
 */
export function redisLimiters(url: string, namespace = "bs"): LimiterFactory {
  const client = new Redis(url, {
    enableOfflineQueue: false,
    maxRetriesPerRequest: 1,
    lazyConnect: false,
  });
  // Down until the first connection; `fellBack` keeps a reconnecting client to one line.
  let fellBack = false;
  client.on("error", (err) => {
    // ioredis reconnects by itself; the insurance limiters cover the gap.
    if (fellBack) return;
    fellBack = true;
    log.warn(
      "Redis unreachable: rate limits fall back to this instance's memory until it is back",
      {
        reason: err.message,
      },
    );
  });
  client.on("ready", () => {
    if (!fellBack) return;
    fellBack = false;
    log.info("Redis reachable again: rate limits are shared again");
  });
  return {
    store: () => ({ name: "redis", status: client.status === "ready" ? "ok" : "error" }),
    create: (name, points, duration) =>
      new RateLimiterRedis({
        storeClient: client,
        keyPrefix: `${namespace}:${name}`,
        points,
        duration,
        insuranceLimiter: new RateLimiterMemory({ keyPrefix: name, points, duration }),
      }),
    ready: (timeoutMs = 5000) =>
      client.status === "ready"
        ? Promise.resolve(true)
        : new Promise<boolean>((resolve) => {
            const timer = setTimeout(() => resolve(false), timeoutMs);
            client.once("ready", () => {
              clearTimeout(timer);
              resolve(true);
            });
          }),
    close: async () => {
      await client.quit().catch(() => client.disconnect());
    },
  };
}
