import { z } from "zod";
import { latinDigits } from "@/lib/text/digits";
import { normalisePhone, PHONE_MESSAGE } from "./phone";

/**
 * The order fields the admin's forms share with the API, in plain zod: lib/orders/contract.ts
 * builds the wire shapes from these, and client components import this file, so
 * `@hono/zod-openapi` stays out of the browser bundle (docs/architecture.md, "Layers").
 */
export const Quantity = z.number().int().min(1).max(100_000);
export const CustomerEmail = z.email().max(320);
export const CustomerName = z.string().trim().max(200);
export const OrderNotes = z.string().trim().max(5000);

/** Any way a phone number is typed in; comes out in E.164 ("+966501234567"). */
export const CustomerPhone = z
  .string()
  .max(40, "A phone number is at most 40 characters")
  .transform((raw, ctx) => {
    const phone = normalisePhone(raw);
    if (!phone) {
      ctx.addIssue({ code: "custom", message: PHONE_MESSAGE, params: { code: "invalid_phone" } });
      return z.NEVER;
    }
    return phone;
  });

export const PAYMENT_METHODS = ["cash_on_delivery", "bank_transfer", "card_on_delivery"] as const;
export type PaymentMethod = (typeof PAYMENT_METHODS)[number];
export const PaymentMethodField = z.enum(PAYMENT_METHODS);

/** Digits as typed on either keyboard, read as Latin digits. */
const latin = (s: string) => latinDigits(s).trim();
const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .nullish()
    .transform((s) => s || null);

/**
 * A Saudi national address: city, district, street, building number and postal code, with the
 * optional short address ("RRRD2929": four letters and four digits) that stands for them all.
 */
export const ShippingAddress = z.object({
  city: z.string().trim().min(1, "Give the city").max(100),
  district: optionalText(100),
  street: optionalText(200),
  building_number: z
    .string()
    .max(20)
    .transform(latin)
    .pipe(z.string().regex(/^\d{0,10}$/, "A building number is digits only (up to 10)"))
    .nullish()
    .transform((s) => s || null),
  postal_code: z
    .string()
    .max(20)
    .transform(latin)
    .pipe(z.string().regex(/^(\d{5})?$/, "A Saudi postal code is 5 digits"))
    .nullish()
    .transform((s) => s || null),
  short_code: z
    .string()
    .max(20)
    .transform((s) => latin(s).replace(/\s+/g, "").toUpperCase())
    .pipe(
      z
        .string()
        .regex(/^([A-Z]{4}\d{4})?$/, "A short address is 4 letters and 4 digits, e.g. RRRD2929"),
    )
    .nullish()
    .transform((s) => s || null),
});
export type ShippingAddressValue = z.infer<typeof ShippingAddress>;

/** Carrier and tracking number of a fulfilled order. */
export const Carrier = z.string().trim().max(100);
export const TrackingNumber = z.string().trim().max(100);
