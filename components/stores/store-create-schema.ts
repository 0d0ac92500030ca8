import { z } from "zod";
import { normalizeSlug, slugProblem } from "@/lib/tenants/slug";
import { decimalText, latinDigits } from "@/lib/text/digits";
import { vatNumberProblem } from "@/lib/tenants/vat-number";

/** The new owner's password, as invitations require it (lib/users/contract.ts). */
export const PASSWORD_MIN = 10;

/** "١٥٫٥" or "15,5" as "15.5": a VAT rate, typed on an Arabic or a European keyboard. */
function westernDigits(text: string): string {
  return decimalText(text).replace(/,/g, ".");
}

export type StoreCreateMode = "setup" | "signup";

/** The messages a failed field shows; the server action parses without them (codes suffice). */
export interface StoreCreateMessages {
  required: string;
  tooLong: string;
  slugInvalid: string;
  slugReserved: string;
  email: string;
  password: string;
  vatRate: string;
  vatNumber: string;
  vatNumberZatca: string;
  setupCode: string;
}

/**
 * One schema for the setup and sign-up forms, in the browser (with words) and in the server
 * action (before the API sees it, which checks everything again).
 */
export function storeCreateSchema(mode: StoreCreateMode, m?: StoreCreateMessages) {
  const name = z.string().trim().min(1, m?.required).max(100, m?.tooLong);
  return z
    .object({
      nameEn: name,
      nameAr: name,
      slug: z
        .string()
        .transform(normalizeSlug)
        .superRefine((slug, ctx) => {
          const problem = slugProblem(slug);
          if (problem)
            ctx.addIssue({
              code: "custom",
              message: problem === "reserved" ? m?.slugReserved : m?.slugInvalid,
              params: { reason: problem },
            });
        }),
      currency: z.string().trim().toUpperCase().length(3),
      timezone: mode === "setup" ? z.string().trim().min(1).max(64) : z.string().optional(),
      // Typed as text (Arabic-Indic digits too), sent as a number with at most two decimals.
      vatRate:
        mode === "setup"
          ? z
              .string()
              .trim()
              .transform(westernDigits)
              .pipe(z.string().regex(/^\d{1,3}(?:\.\d{1,2})?$/, m?.vatRate))
              .transform(Number)
              .pipe(z.number().max(100, m?.vatRate))
          : z.string().optional(),
      pricesIncludeVat: z.boolean().optional(),
      vatNumber: z
        .string()
        .trim()
        .transform(latinDigits)
        .pipe(
          z
            .string()
            .max(30, m?.vatNumber)
            .regex(/^[0-9A-Za-z-]*$/, m?.vatNumber),
        )
        .optional(),
      ownerName: name,
      email: z.string().trim().max(254, m?.email).pipe(z.email(m?.email)),
      password: z.string().min(PASSWORD_MIN, m?.password).max(1024, m?.password),
      setupCode:
        mode === "setup"
          ? z.string().trim().min(1, m?.setupCode).max(64, m?.setupCode)
          : z.string().optional(),
    })
    .superRefine((values, ctx) => {
      // The API's rule against the store's currency: a SAR store's VAT number is ZATCA's form.
      if (vatNumberProblem(values.vatNumber, values.currency))
        ctx.addIssue({ code: "custom", path: ["vatNumber"], message: m?.vatNumberZatca });
    });
}

export type StoreCreateValues = z.input<ReturnType<typeof storeCreateSchema>>;
export type StoreCreateParsed = z.output<ReturnType<typeof storeCreateSchema>>;

/** The API's field paths (snake_case, as its 422 names them) mapped to the form's fields. */
export const API_FIELDS: Record<string, keyof StoreCreateValues> = {
  setup_code: "setupCode",
  "store.slug": "slug",
  "store.name.en": "nameEn",
  "store.name.ar": "nameAr",
  "store.name": "nameEn",
  "store.currency": "currency",
  "store.timezone": "timezone",
  "store.vat_rate": "vatRate",
  "store.vat_number": "vatNumber",
  "owner.name": "ownerName",
  "owner.email": "email",
  "owner.password": "password",
};
