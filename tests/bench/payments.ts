/**
 * Payments on PGlite and PostgreSQL (docs/benchmarks.md, "Payments"):
 *   npx tsx tests/bench/payments.ts          (BENCH_WEBHOOKS=1000 BENCH_SECONDS=10)
 * 1. Provider webhook in to order paid: for each of BENCH_WEBHOOKS orders with an open intent,
 *    Stripe (the local fake) marks it paid and a signed payment_intent.succeeded is posted to the
 *    Store API; the time is from the POST to its 200, by which the payment, the order, the
 *    timeline and the outbox events are committed (the reply comes after the transaction).
 * 2. create-payment-intent requests/s through the Store API over HTTP, next to the fake Stripe
 *    server called directly with the same intent: the difference is the cost of our layer.
 */
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { getRequestListener } from "@hono/node-server";
import autocannon from "autocannon";
import pg from "pg";
import { startFakeStripe } from "../support/fake-stripe";
import { createTenant, createTestApi, createUser, login } from "../api/harness";
import { STRIPE_KEYS } from "../api/payments-helpers";

const WEBHOOKS = Number(process.env.BENCH_WEBHOOKS ?? 1000);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 10);
const PG_URL = process.env.BENCH_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";

const pct = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
const round = (n: number) => Math.round(n * 10) / 10;

async function listen(handler: Parameters<typeof createServer>[1]): Promise<Server> {
  const server = createServer(handler);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return server;
}

async function run(label: string) {
  const stripe = await startFakeStripe();
  const t = await createTestApi({
    stripeApiUrl: stripe.url,
    rateLimitPoints: 1e9,
    keyRateLimitPoints: 1e9,
    providerTimeoutMs: 10_000,
  });
  const server = await listen(getRequestListener(t.api.fetch));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  try {
    const tenant = await createTenant(t, { currency: "USD", vatRateBp: 0 });
    const { access_token } = await login(t, tenant, await createUser(t, tenant));
    const headers = {
      "x-tenant-id": tenant.slug,
      authorization: `Bearer ${access_token}`,
      "content-type": "application/json",
    };
    const call = async (path: string, json: unknown) => {
      const res = await fetch(`${base}${path}`, {
        method: "POST",
        headers,
        body: JSON.stringify(json),
      });
      if (!res.ok) throw new Error(`${path}: ${res.status} ${await res.text()}`);
      return res.json();
    };
    await fetch(`${base}/api/v1/payments/settings/stripe`, {
      method: "PUT",
      headers,
      body: JSON.stringify(STRIPE_KEYS),
    });

    // 1. Webhook in to order paid.
    const intents: string[] = [];
    for (let i = 0; i < WEBHOOKS; i++) {
      const order = await call("/api/v1/store/orders", {
        items: [{ name: "Bench", price: "10.00", quantity: 1 }],
      });
      intents.push(
        (
          await call("/api/v1/payments/stripe/create-payment-intent", {
            amount: 1000,
            currency: "usd",
            order_id: order.id,
          })
        ).id,
      );
    }
    const times: number[] = [];
    const startedAll = performance.now();
    for (const id of intents) {
      await stripe.succeed(id);
      const body = JSON.stringify(stripe.event("payment_intent.succeeded", stripe.intents.get(id)));
      const signature = stripe.sign(body, STRIPE_KEYS.webhook_secret);
      const started = performance.now();
      const res = await fetch(`${base}/api/v1/payments/webhooks/stripe`, {
        method: "POST",
        headers: {
          "x-tenant-id": tenant.slug,
          "stripe-signature": signature,
          "content-type": "application/json",
        },
        body,
      });
      times.push(performance.now() - started);
      if (!res.ok) throw new Error(`webhook: ${res.status} ${await res.text()}`);
    }
    const webhooksPerSecond = Math.round((WEBHOOKS / (performance.now() - startedAll)) * 1000);
    const paid = await fetch(`${base}/api/v1/store/orders?status=paid&limit=1`, { headers }).then(
      (r) => r.json(),
    );
    if (paid.pagination.total !== WEBHOOKS)
      throw new Error(`only ${paid.pagination.total} orders paid`);
    times.sort((a, b) => a - b);

    // 2. create-payment-intent through us, and Stripe's fake directly.
    const ours = await autocannon({
      url: `${base}/api/v1/payments/stripe/create-payment-intent`,
      method: "POST",
      headers,
      body: JSON.stringify({ amount: 2999, currency: "usd" }),
      connections: CONNECTIONS,
      duration: SECONDS,
    });
    const direct = await autocannon({
      url: `${stripe.url}/v1/payment_intents`,
      method: "POST",
      headers: {
        authorization: `Bearer ${STRIPE_KEYS.secret_key}`,
        "content-type": "application/x-www-form-urlencoded",
      },
      body: "amount=2999&currency=usd&automatic_payment_methods[enabled]=true",
      connections: CONNECTIONS,
      duration: SECONDS,
    });
    return {
      label,
      webhookP50: round(pct(times, 50)),
      webhookP99: round(pct(times, 99)),
      webhooksPerSecond,
      ours: {
        rps: Math.round(ours.requests.average),
        p50: ours.latency.p50,
        p99: ours.latency.p99,
        errors: ours.non2xx + ours.errors,
      },
      direct: {
        rps: Math.round(direct.requests.average),
        p50: direct.latency.p50,
        p99: direct.latency.p99,
      },
    };
  } finally {
    await new Promise((resolve) => server.close(resolve));
    await t.close();
    await stripe.close();
  }
}

const results = [];
delete process.env.DATABASE_URL;
if (process.env.BENCH_ONLY !== "postgres") results.push(await run("pglite"));
const admin = new pg.Client({ connectionString: PG_URL });
if (
  process.env.BENCH_ONLY !== "pglite" &&
  (await admin.connect().then(
    () => true,
    () => false,
  ))
) {
  await admin.end();
  process.env.DATABASE_URL = PG_URL;
  results.push(await run("postgres"));
}
console.log(
  `\n${WEBHOOKS} webhooks one after another; ${CONNECTIONS} connections for ${SECONDS} s of create-payment-intent; ${new Date().toISOString()}\n`,
);
console.log(
  "| database | webhook to order paid p50 (ms) | p99 (ms) | webhooks/s | create-intent via API req/s | p50 / p99 (ms) | fake Stripe direct req/s | p50 / p99 (ms) |",
);
console.log("|---|---|---|---|---|---|---|---|");
for (const r of results) {
  console.log(
    `| ${r.label} | ${r.webhookP50} | ${r.webhookP99} | ${r.webhooksPerSecond} | ${r.ours.rps}${r.ours.errors ? ` (${r.ours.errors} errors)` : ""} | ${r.ours.p50} / ${r.ours.p99} | ${r.direct.rps} | ${r.direct.p50} / ${r.direct.p99} |`,
  );
}
process.exit(0);
