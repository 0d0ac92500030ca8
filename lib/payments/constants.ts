/**
 * The payment vocabulary as plain constants (no zod), for the contract, the service and client
 * components alike.
 */
export const PROVIDER_NAMES = ["stripe", "paypal", "manual"] as const;
export type ProviderName = (typeof PROVIDER_NAMES)[number];
export type PaymentProvider = ProviderName;

export const MANUAL_METHODS = ["bank_transfer", "cash_on_delivery"] as const;
export type ManualMethod = (typeof MANUAL_METHODS)[number];

/**
 * pending: waiting for the customer (or for 3-D Secure); completed: money captured; failed: the
 * last attempt was declined (the customer may retry the same payment); cancelled: given up.
 */
export const PAYMENT_STATUSES = [
  "pending",
  "completed",
  "failed",
  "cancelled",
  "partially_refunded",
  "refunded",
] as const;
export type PaymentStatus = (typeof PAYMENT_STATUSES)[number];

export const REFUND_STATUSES = ["pending", "succeeded", "failed"] as const;
export type RefundStatus = (typeof REFUND_STATUSES)[number];

/** PayPal takes these currencies only (its REST currency codes page); SAR is not among them. */
export const PAYPAL_CURRENCIES = new Set([
  "AUD",
  "BRL",
  "CAD",
  "CNY",
  "CZK",
  "DKK",
  "EUR",
  "HKD",
  "HUF",
  "ILS",
  "JPY",
  "MYR",
  "MXN",
  "TWD",
  "NZD",
  "NOK",
  "PHP",
  "PLN",
  "GBP",
  "SGD",
  "SEK",
  "CHF",
  "THB",
  "USD",
]);

/** How long a hosted checkout link stays valid. */
export const CHECKOUT_LINK_DAYS = 14;
