import { describe, expect, it } from "vitest";
import { CredentialCache } from "@/lib/auth/credential-cache";
import type { Db } from "@/lib/db/client";

const noTx = {} as Db; // without a listener the cache announces nothing: the tx is not used

function setup(options: { maxEntries?: number; ttlMs?: number } = {}) {
  const clock = { now: 0 };
  const cache = new CredentialCache({ ...options, clock: () => clock.now });
  const loads: string[] = [];
  /** Verifies `hash` through the cache; the "database" answers with a row of `tenantId`. */
  const verify = (hash: string, tenantId: string | null = "t1") =>
    cache.remember("test", hash, async () => {
      loads.push(hash);
      return tenantId ? { tenantId, hash } : undefined;
    });
  return { cache, clock, loads, verify };
}

describe("CredentialCache", () => {
  it("loads once, then answers from memory", async () => {
    const { cache, loads, verify } = setup();
    expect(await verify("a")).toEqual({ tenantId: "t1", hash: "a" });
    expect(await verify("a")).toEqual({ tenantId: "t1", hash: "a" });
    expect(loads).toEqual(["a"]);
    expect(cache.stats).toEqual({ hits: 1, misses: 1 });
  });

  it("keeps kinds apart: one hash under two kinds is two entries", async () => {
    const { cache, verify } = setup();
    await verify("a");
    const other = await cache.remember("other", "a", async () => ({ tenantId: "t1", kind: 2 }));
    expect(other).toEqual({ tenantId: "t1", kind: 2 });
    expect(cache.size).toBe(2);
  });

  it("never remembers an unknown credential", async () => {
    const { cache, loads, verify } = setup();
    expect(await verify("x", null)).toBeUndefined();
    expect(await verify("x", null)).toBeUndefined();
    expect(loads).toEqual(["x", "x"]);
    expect(cache.size).toBe(0);
  });

  it("reloads after the TTL", async () => {
    const { clock, loads, verify } = setup({ ttlMs: 1_000 });
    await verify("a");
    clock.now = 999;
    await verify("a");
    clock.now = 1_000;
    await verify("a");
    expect(loads).toEqual(["a", "a"]);
  });

  it("drops the least recently used entry past its size", async () => {
    const { cache, loads, verify } = setup({ maxEntries: 2 });
    await verify("a");
    await verify("b");
    await verify("a"); // a is now the most recent
    await verify("c"); // b goes
    expect(cache.size).toBe(2);
    await verify("a");
    await verify("b");
    expect(loads).toEqual(["a", "b", "c", "b"]);
  });

  it("invalidating a tenant drops all of its entries and no other tenant's", async () => {
    const { cache, loads, verify } = setup();
    await verify("a", "t1");
    await verify("b", "t1");
    await verify("c", "t2");
    await cache.invalidateTenant(noTx, "t1");
    expect(cache.size).toBe(1);
    await verify("a", "t1");
    await verify("b", "t1");
    await verify("c", "t2");
    expect(loads).toEqual(["a", "b", "c", "a", "b"]);
  });

  it("does not remember a load that an invalidation overtook: it may have read the old row", async () => {
    const { cache } = setup();
    let finish!: () => void;
    const pending = cache.remember("test", "a", async () => {
      await new Promise<void>((resolve) => (finish = resolve));
      return { tenantId: "t1" };
    });
    await cache.invalidateTenant(noTx, "t1");
    finish();
    expect(await pending).toEqual({ tenantId: "t1" });
    expect(cache.size).toBe(0);
  });

  it("caches nothing until its listener listens, when one is expected", async () => {
    const cache = new CredentialCache();
    // An address nothing answers on: the first attempt fails, and the cache stays a pass-through.
    await cache.listen("postgres://nobody@127.0.0.1:1/none");
    expect(cache.listening).toBe(false);
    await cache.remember("test", "a", async () => ({ tenantId: "t1" }));
    expect(cache.size).toBe(0);
    await cache.close();
  });
});
