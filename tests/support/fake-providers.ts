/**
 * Runs the fake Stripe and PayPal servers until stopped, for the Playwright tests, which run in
 * another process and steer them over HTTP (`POST <fake>/_test/...`, see each fake's header).
 *
 *   tsx tests/support/fake-providers.ts --stripe-port 12111 --paypal-port 12112
 *     [--paypal-local-approval]  approve links point at the fake, which redirects to return_url
 *     [--stripe-slow-ms 3000]    how long keys containing "slow" wait
 *
 * Prints "fake providers ready" once both listen; stops on SIGINT or SIGTERM.
 */
import { parseArgs } from "node:util";
import { startFakePaypal } from "./fake-paypal";
import { startFakeStripe } from "./fake-stripe";

const USAGE =
  "usage: tsx tests/support/fake-providers.ts [--stripe-port 12111] [--paypal-port 12112] [--paypal-local-approval] [--stripe-slow-ms 3000]";

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      "stripe-port": { type: "string", default: "12111" },
      "paypal-port": { type: "string", default: "12112" },
      "paypal-local-approval": { type: "boolean", default: false },
      "stripe-slow-ms": { type: "string", default: "3000" },
    },
  });
  return serve({
    stripePort: whole(values["stripe-port"], "--stripe-port", 65_535),
    paypalPort: whole(values["paypal-port"], "--paypal-port", 65_535),
    localApproval: values["paypal-local-approval"],
    slowMs: whole(values["stripe-slow-ms"], "--stripe-slow-ms", 600_000),
  });
}

async function serve(options: {
  stripePort: number;
  paypalPort: number;
  localApproval: boolean;
  slowMs: number;
}): Promise<void> {
  const stripe = await startFakeStripe({ port: options.stripePort, slowMs: options.slowMs });
  const paypal = await startFakePaypal({
    port: options.paypalPort,
    localApproval: options.localApproval,
  });
  const stop = () => {
    void Promise.all([stripe.close(), paypal.close()]).then(() => process.exit(0));
  };
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
  console.error(`stripe ${stripe.url}, paypal ${paypal.url}`);
  console.log("fake providers ready");
}

function whole(text: string, flag: string, max: number): number {
  const value = Number(text);
  if (!/^\d+$/.test(text) || value > max) {
    console.error(`${flag} must be a whole number up to ${max}\n${USAGE}`);
    process.exit(2);
  }
  return value;
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
