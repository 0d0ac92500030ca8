import fc from "fast-check";
import { startFakePaypal } from "../support/fake-paypal";
import { startFakeStripe } from "../support/fake-stripe";
import { createTestApi } from "../api/harness";
import { apply, mutation, short, type Mutation, type Sent } from "./mutate";
import { changed, checkResponse, fingerprinter, type Failure } from "./oracle";
import { operations, type Operation } from "./spec";
import { createWorld } from "./world";

/**
 * Runs the fuzzer: for each operation of the OpenAPI document, `cases` valid requests each
 * mutated once or twice, every response held to the oracle. Cases are drawn from `seed`, so a
 * run replays; failures are kept (with a smaller reproduction when one of two mutations alone
 * fails the same way), not thrown.
 */
export interface FuzzOptions {
  seed: number;
  cases: number;
  /** Only operations whose key contains this. */
  only?: string;
  /** A request taking longer than this is a failure too (a hang is as bad as a 500). */
  timeoutMs?: number;
  log?: (line: string) => void;
}

export interface FuzzFailure extends Omit<Failure, "kind"> {
  kind: Failure["kind"] | "timeout";
  op: string;
  seed: number;
  sent: Sent;
}

export interface Tally {
  seed: number;
  sent: number;
  perOperation: Record<string, number>;
  statuses: Record<number, number>;
  /** Operations whose unmutated request did not succeed (their cases test less). */
  baseline: Record<string, string>;
  failures: FuzzFailure[];
  ms: number;
}

const MUTATING = new Set(["POST", "PUT", "PATCH", "DELETE"]);

export async function fuzz(options: FuzzOptions): Promise<Tally> {
  const started = Date.now();
  const stripe = await startFakeStripe({ slowMs: 3000 });
  const paypal = await startFakePaypal();
  const t = await createTestApi({
    rateLimitPoints: 1e9,
    keyRateLimitPoints: 1e9,
    stripeApiUrl: stripe.url,
    paypalApiUrl: paypal.url,
    providerTimeoutMs: 2000,
  });
  const tally: Tally = {
    seed: options.seed,
    sent: 0,
    perOperation: {},
    statuses: {},
    baseline: {},
    failures: [],
    ms: 0,
  };
  let closeWorld: (() => Promise<unknown>) | undefined;
  try {
    const doc = await (await t.api.request("/api/v1/openapi.json")).json();
    const world = await createWorld(t);
    closeWorld = world.close;
    const fingerprint = await fingerprinter(t.db, world.tenantIds);
    let ip = 0;
    const send = async (sent: Sent): Promise<Response | "timeout"> => {
      const headers = new Headers(sent.headers);
      if (!headers.has("x-forwarded-for"))
        headers.set("x-forwarded-for", `10.1.${Math.floor(ip / 250) % 250}.${(ip++ % 250) + 1}`);
      const request = t.api.request(sent.url, {
        method: sent.method,
        headers,
        body: sent.body as BodyInit | undefined,
      });
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<"timeout">((resolve) => {
        timer = setTimeout(() => resolve("timeout"), options.timeoutMs ?? 15_000);
      });
      try {
        return await Promise.race([Promise.resolve(request), timeout]);
      } finally {
        clearTimeout(timer);
      }
    };

    const ops = operations(doc).filter((op) => !options.only || op.key.includes(options.only));
    for (const [index, op] of ops.entries()) {
      const base = world.base(op);
      const baseline = await send(apply(base, [], world.alt));
      if (baseline !== "timeout") {
        if (baseline.status >= 300) {
          const e = (await baseline.json().catch(() => ({}))) as { code?: string; detail?: string };
          tally.baseline[op.key] =
            `${baseline.status} ${e.code ?? ""}: ${short(e.detail ?? "", 90)}`;
        } else {
          await world.repair(op, { method: op.method, url: "" }, baseline);
          await baseline.body?.cancel();
        }
      }
      const seed = options.seed + index;
      const cases = fc.sample(
        fc.array(mutation(op.bodyType !== undefined), { minLength: 1, maxLength: 2 }),
        {
          seed,
          numRuns: options.cases,
        },
      );
      let before = MUTATING.has(op.method) ? await fingerprint() : undefined;

      /** Sends one case; its failure, if any. */
      const run = async (mutations: Mutation[]): Promise<FuzzFailure | undefined> => {
        const sent = apply(world.base(op), mutations, world.alt);
        const res = await send(sent);
        tally.sent++;
        tally.perOperation[op.key] = (tally.perOperation[op.key] ?? 0) + 1;
        if (res === "timeout")
          return { kind: "timeout", status: 0, detail: "no reply", op: op.key, seed, sent };
        tally.statuses[res.status] = (tally.statuses[res.status] ?? 0) + 1;
        const failure = await checkResponse(sent, res.clone());
        const repaired = res.status < 300;
        if (repaired) await world.repair(op, sent, res);
        if (failure) {
          if (before) before = await fingerprint();
          return { ...failure, op: op.key, seed, sent };
        }
        if (before && (MUTATING.has(sent.method) || repaired)) {
          const after = await fingerprint();
          const tables = changed(before, after);
          before = after;
          if (res.status >= 400 && tables.length > 0) {
            return {
              kind: "changed-state",
              status: res.status,
              detail: `changed: ${tables.join(", ")}`,
              op: op.key,
              seed,
              sent,
            };
          }
        }
        return undefined;
      };

      for (const mutations of cases) {
        const failure = await run(mutations);
        if (!failure) continue;
        // A smaller reproduction: one of the two mutations alone, when it fails the same way.
        let smallest = failure;
        if (mutations.length > 1) {
          for (const single of mutations) {
            const again = await run([single]);
            if (again?.kind === failure.kind) {
              smallest = again;
              break;
            }
          }
        }
        tally.failures.push(smallest);
        options.log?.(`FAIL ${describeFailure(smallest)}`);
      }
      options.log?.(
        `${op.key}: ${tally.perOperation[op.key] ?? 0} cases (${Math.round((Date.now() - started) / 1000)}s)`,
      );
    }
  } finally {
    await closeWorld?.();
    await t.close();
    await stripe.close();
    await paypal.close();
    tally.ms = Date.now() - started;
  }
  return tally;
}

/** A failure as a request someone can send again. */
export function describeFailure(f: FuzzFailure): string {
  const body =
    f.sent.body === undefined
      ? "(none)"
      : typeof f.sent.body === "string"
        ? short(JSON.stringify(f.sent.body), 400)
        : `bytes ${short(Buffer.from(f.sent.body).toString("hex"), 400)}`;
  return [
    `${f.kind} ${f.status} on ${f.op} (seed ${f.seed}): ${f.detail}`,
    `  mutations: ${f.sent.mutations.join("; ")}`,
    `  ${f.sent.method} ${short(f.sent.url, 300)}`,
    ...Object.entries(f.sent.headers).map(([k, v]) => `  ${k}: ${short(v, 120)}`),
    `  body: ${body}`,
  ].join("\n");
}

/** The tally as a report: cases per operation, statuses, failures. */
export function report(tally: Tally): string {
  const lines = [
    `fuzz: ${tally.sent} cases in ${Math.round(tally.ms / 1000)}s, seed ${tally.seed}`,
  ];
  lines.push("cases per operation:");
  for (const [op, n] of Object.entries(tally.perOperation))
    lines.push(`  ${String(n).padStart(6)}  ${op}`);
  lines.push("status codes:");
  for (const [status, n] of Object.entries(tally.statuses)) lines.push(`  ${status}: ${n}`);
  const base = Object.entries(tally.baseline);
  if (base.length) {
    lines.push("operations whose unmutated request was refused (fuzzed all the same):");
    for (const [op, status] of base) lines.push(`  ${op}: ${status}`);
  }
  const kinds = ["5xx", "envelope", "changed-state", "timeout"].map(
    (k) => `${k} ${tally.failures.filter((f) => f.kind === k).length}`,
  );
  lines.push(`failures: ${tally.failures.length} (${kinds.join(", ")})`);
  for (const f of tally.failures) lines.push(describeFailure(f));
  return lines.join("\n");
}

export type { Operation };
