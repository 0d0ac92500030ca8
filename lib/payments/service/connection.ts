import type { z } from "@hono/zod-openapi";
import type { ServiceContext } from "@/lib/context";
import { AppError } from "@/lib/errors";
import { authorize } from "@/lib/auth/permissions";
import type { ConnectionTest } from "../contract";
import type { PaymentsDeps } from "../deps";
import { PayPalClient } from "../providers/paypal";
import { callStripe, stripeClient } from "../providers/stripe";
import { paypalCredentials, stripeCredentials } from "./settings";

type Result = z.infer<typeof ConnectionTest>;

const failed = (err: unknown): Result => ({
  ok: false,
  code: err instanceof AppError ? err.code : "PROVIDER_UNAVAILABLE",
  detail: err instanceof AppError ? err.detail : "The provider could not be reached",
  livemode: null,
});

/**
 * "Test connection": one harmless call with the saved credentials (Stripe's balance, PayPal's
 * token), and what is wrong in a code the admin turns into words in the user's language.
 */
export async function testConnection(
  ctx: ServiceContext,
  deps: PaymentsDeps,
  provider: "stripe" | "paypal",
): Promise<Result> {
  authorize(ctx.actor, "settings:write");
  if (provider === "stripe") {
    const credentials = await stripeCredentials(ctx.db, deps, ctx.tenant.id);
    if (!credentials)
      return {
        ok: false,
        code: "PROVIDER_NOT_CONFIGURED",
        detail: "Stripe is not set up",
        livemode: null,
      };
    const livemode = /_live_/.test(credentials.secret_key);
    if (livemode !== /_live_/.test(credentials.publishable_key)) {
      return {
        ok: false,
        code: "PROVIDER_MODE_MISMATCH",
        detail: "The secret and publishable keys are from different modes",
        livemode,
      };
    }
    try {
      const balance = await callStripe(() =>
        stripeClient(deps, credentials.secret_key).balance.retrieve(),
      );
      return {
        ok: true,
        code: "OK",
        detail: `Stripe accepted the keys (${balance.livemode ? "live" : "test"} mode)`,
        livemode: balance.livemode,
      };
    } catch (err) {
      return failed(err);
    }
  }
  const credentials = await paypalCredentials(ctx.db, deps, ctx.tenant.id);
  if (!credentials)
    return {
      ok: false,
      code: "PROVIDER_NOT_CONFIGURED",
      detail: "PayPal is not set up",
      livemode: null,
    };
  try {
    const client = new PayPalClient(deps, {
      clientId: credentials.client_id,
      clientSecret: credentials.client_secret,
      mode: credentials.mode,
    });
    await client.accessToken(true);
    return {
      ok: true,
      code: "OK",
      detail: `PayPal accepted the credentials (${credentials.mode} mode)`,
      livemode: credentials.mode === "live",
    };
  } catch (err) {
    return failed(err);
  }
}
