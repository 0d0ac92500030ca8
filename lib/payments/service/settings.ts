import { and, eq } from "drizzle-orm";
import type { z } from "@hono/zod-openapi";
import type { ServiceContext } from "@/lib/context";
import type { Db } from "@/lib/db/client";
import { decryptSecret, encryptSecret } from "@/lib/crypto";
import { ConflictError, ValidationError } from "@/lib/errors";
import { authorize } from "@/lib/auth/permissions";
import { recordAudit } from "@/lib/audit/service";
import type {
  ManualSettingsInput,
  PaymentSettings,
  PayPalSettingsInput,
  StripeSettingsInput,
} from "../contract";
import type { ProviderName } from "../constants";
import type { PaymentsDeps } from "../deps";
import { paymentProviders } from "../schema";

export interface StripeCredentials {
  secret_key: string;
  publishable_key: string;
  webhook_secret?: string;
}
export interface PayPalCredentialsRow {
  client_id: string;
  client_secret: string;
  webhook_id?: string;
  mode: "sandbox" | "live";
}

/** "sk_test_…4242": the key's kind and mode stay readable, the secret part does not. */
export function mask(value: string): string {
  const prefix = /^(sk|rk|pk)_(test|live)_|^whsec_/.exec(value)?.[0] ?? "";
  return `${prefix}…${value.slice(-4)}`;
}

const keyMode = (key: string) => (/_live_/.test(key) ? "live" : "test");

async function row(db: Db, tenantId: string, provider: ProviderName) {
  const [r] = await db
    .select()
    .from(paymentProviders)
    .where(and(eq(paymentProviders.tenantId, tenantId), eq(paymentProviders.provider, provider)));
  return r;
}

function unseal<T>(deps: PaymentsDeps, sealed: string | null): T | undefined {
  return sealed ? (JSON.parse(decryptSecret(deps.encryptionKey, sealed)) as T) : undefined;
}

/** The store's Stripe keys, or undefined when Stripe is not set up. */
export async function stripeCredentials(db: Db, deps: PaymentsDeps, tenantId: string) {
  return unseal<StripeCredentials>(
    deps,
    (await row(db, tenantId, "stripe"))?.credentialsSealed ?? null,
  );
}

export async function paypalCredentials(db: Db, deps: PaymentsDeps, tenantId: string) {
  return unseal<PayPalCredentialsRow>(
    deps,
    (await row(db, tenantId, "paypal"))?.credentialsSealed ?? null,
  );
}

export async function manualSettings(db: Db, tenantId: string) {
  const hints = (await row(db, tenantId, "manual"))?.hints ?? {};
  return {
    instructions: { en: hints.instructions_en ?? "", ar: hints.instructions_ar ?? "" },
    cash_on_delivery: hints.cash_on_delivery !== "false",
  };
}

/** The notConfigured error of a provider, for payment calls made before the keys are saved. */
export const notConfigured = (provider: "Stripe" | "PayPal") =>
  new ConflictError(
    `${provider} is not set up for this store: add its keys under Settings, Payments`,
    "PAYMENT_PROVIDER_NOT_CONFIGURED",
  );

export async function getPaymentSettings(
  ctx: ServiceContext,
  deps: PaymentsDeps,
): Promise<z.infer<typeof PaymentSettings>> {
  authorize(ctx.actor, "settings:write");
  const rows = await ctx.db
    .select()
    .from(paymentProviders)
    .where(eq(paymentProviders.tenantId, ctx.tenant.id));
  const by = new Map(rows.map((r) => [r.provider, r]));
  const stripe = by.get("stripe");
  const paypal = by.get("paypal");
  const hook = (p: string) =>
    `${deps.publicUrl.replace(/\/$/, "")}/api/webhooks/${p}/${ctx.tenant.slug}`;
  return {
    stripe: {
      configured: Boolean(stripe),
      secret_key: stripe?.hints.secret_key ?? null,
      publishable_key: stripe?.hints.publishable_key ?? null,
      webhook_secret: stripe?.hints.webhook_secret ?? null,
      livemode: stripe ? stripe.hints.livemode === "true" : null,
      webhook_url: hook("stripe"),
      updated_at: stripe?.updatedAt.toISOString() ?? null,
    },
    paypal: {
      configured: Boolean(paypal),
      client_id: paypal?.hints.client_id ?? null,
      client_secret: paypal?.hints.client_secret ?? null,
      webhook_id: paypal?.hints.webhook_id ?? null,
      mode: paypal?.hints.mode === "live" ? "live" : "sandbox",
      webhook_url: hook("paypal"),
      updated_at: paypal?.updatedAt.toISOString() ?? null,
    },
    manual: await manualSettings(ctx.db, ctx.tenant.id),
  };
}

async function save(
  ctx: ServiceContext,
  provider: ProviderName,
  sealed: string | null,
  hints: Record<string, string>,
  changed: string[],
) {
  await ctx.db.transaction(async (tx) => {
    const values = { credentialsSealed: sealed, hints, updatedAt: ctx.now() };
    await tx
      .insert(paymentProviders)
      .values({ tenantId: ctx.tenant.id, provider, ...values })
      .onConflictDoUpdate({
        target: [paymentProviders.tenantId, paymentProviders.provider],
        set: values,
      });
    // Names of the fields that changed, never their values.
    await recordAudit(tx, ctx, {
      action: "payments.settings_updated",
      resourceType: "payment_provider",
      resourceId: provider,
      metadata: { provider, changed },
    });
  });
}

const missing = (field: string, what: string) =>
  new ValidationError("The request has invalid fields", [
    { field, message: `${what} is needed`, code: "required" },
  ]);

export async function updateStripeSettings(
  ctx: ServiceContext,
  deps: PaymentsDeps,
  input: z.infer<typeof StripeSettingsInput>,
) {
  authorize(ctx.actor, "settings:write");
  const current = await stripeCredentials(ctx.db, deps, ctx.tenant.id);
  const next: StripeCredentials = {
    secret_key: input.secret_key ?? current?.secret_key ?? "",
    publishable_key: input.publishable_key ?? current?.publishable_key ?? "",
    webhook_secret: input.webhook_secret ?? current?.webhook_secret,
  };
  if (!next.secret_key) throw missing("secret_key", "A secret key");
  if (!next.publishable_key) throw missing("publishable_key", "A publishable key");
  if (keyMode(next.secret_key) !== keyMode(next.publishable_key)) {
    throw new ValidationError(
      "The secret key and the publishable key are from different modes (test and live)",
      [
        {
          field: "publishable_key",
          message: "Use keys of the same mode",
          code: "PROVIDER_MODE_MISMATCH",
        },
      ],
      "PROVIDER_MODE_MISMATCH",
    );
  }
  const hints: Record<string, string> = {
    secret_key: mask(next.secret_key),
    publishable_key: mask(next.publishable_key),
    livemode: String(keyMode(next.secret_key) === "live"),
  };
  if (next.webhook_secret) hints.webhook_secret = mask(next.webhook_secret);
  const changed = Object.keys(input).filter((k) => input[k as keyof typeof input] !== undefined);
  await save(
    ctx,
    "stripe",
    encryptSecret(deps.encryptionKey, JSON.stringify(next)),
    hints,
    changed,
  );
  return getPaymentSettings(ctx, deps);
}

export async function updatePayPalSettings(
  ctx: ServiceContext,
  deps: PaymentsDeps,
  input: z.infer<typeof PayPalSettingsInput>,
) {
  authorize(ctx.actor, "settings:write");
  const current = await paypalCredentials(ctx.db, deps, ctx.tenant.id);
  const next: PayPalCredentialsRow = {
    client_id: input.client_id ?? current?.client_id ?? "",
    client_secret: input.client_secret ?? current?.client_secret ?? "",
    webhook_id: input.webhook_id ?? current?.webhook_id,
    mode: input.mode ?? current?.mode ?? "sandbox",
  };
  if (!next.client_id) throw missing("client_id", "A client id");
  if (!next.client_secret) throw missing("client_secret", "A client secret");
  const hints: Record<string, string> = {
    client_id: `${next.client_id.slice(0, 4)}…${next.client_id.slice(-4)}`,
    client_secret: mask(next.client_secret),
    mode: next.mode,
  };
  if (next.webhook_id) hints.webhook_id = mask(next.webhook_id);
  const changed = Object.keys(input).filter((k) => input[k as keyof typeof input] !== undefined);
  await save(
    ctx,
    "paypal",
    encryptSecret(deps.encryptionKey, JSON.stringify(next)),
    hints,
    changed,
  );
  return getPaymentSettings(ctx, deps);
}

export async function updateManualSettings(
  ctx: ServiceContext,
  deps: PaymentsDeps,
  input: z.infer<typeof ManualSettingsInput>,
) {
  authorize(ctx.actor, "settings:write");
  await save(
    ctx,
    "manual",
    null,
    {
      instructions_en: input.instructions.en,
      instructions_ar: input.instructions.ar,
      cash_on_delivery: String(input.cash_on_delivery),
    },
    ["instructions", "cash_on_delivery"],
  );
  return getPaymentSettings(ctx, deps);
}

export async function disconnectProvider(
  ctx: ServiceContext,
  deps: PaymentsDeps,
  provider: "stripe" | "paypal",
) {
  authorize(ctx.actor, "settings:write");
  await ctx.db.transaction(async (tx) => {
    await tx
      .delete(paymentProviders)
      .where(
        and(eq(paymentProviders.tenantId, ctx.tenant.id), eq(paymentProviders.provider, provider)),
      );
    await recordAudit(tx, ctx, {
      action: "payments.provider_disconnected",
      resourceType: "payment_provider",
      resourceId: provider,
      metadata: { provider },
    });
  });
  return getPaymentSettings(ctx, deps);
}
