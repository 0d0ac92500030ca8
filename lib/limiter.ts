import {
  RateLimiterMemory,
  RateLimiterRedis,
  RateLimiterRes,
  type RateLimiterAbstract,
} from "rate-limiter-flexible";
import { Redis } from "ioredis";

export { RateLimiterRes };
export type Limiter = RateLimiterAbstract;

export interface LimiterFactory {
  create(name: string, points: number, durationSeconds: number): Limiter;
  /** Resolves when the shared store is reachable (or after timeoutMs; the fallback covers it). */
  ready(timeoutMs?: number): Promise<boolean>;
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
 * to its own memory counters rather than refusing traffic.
 */
export function redisLimiters(url: string, namespace = "bs"): LimiterFactory {
  const client = new Redis(url, {
    enableOfflineQueue: false,
    maxRetriesPerRequest: 1,
    lazyConnect: false,
  });
  client.on("error", () => {}); // reconnects by itself; the insurance limiter covers the gap
  return {
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
