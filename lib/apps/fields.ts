/**
 * The apps' input limits in plain values: lib/apps/contract.ts holds the wire shapes, and the
 * admin's forms (client components) check the same rules without pulling `@hono/zod-openapi`
 * or Drizzle into the browser (docs/architecture.md, "Layers").
 */

/** A developer or app reference, after trimming and lower-casing (contract.ts `Ref`). */
export const REF_PATTERN = /^[a-z0-9][a-z0-9_-]{1,39}$/;

/** system: acts as the store with its account token; staff: people sign in to it one by one. */
export const APP_KIND_VALUES = ["system", "staff"] as const;

export const APP_LIMITS = {
  name: 100,
  description: 1000,
  callbackUrl: 2048,
  email: 254,
} as const;
