/** The providers' names are proper names, written the same in every language (not in messages). */
export const BRAND_NAMES = { stripe: "Stripe", paypal: "PayPal" } as const;
export type BrandedProvider = keyof typeof BRAND_NAMES;
