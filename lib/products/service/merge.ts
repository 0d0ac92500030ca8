import type { ServiceContext } from "@/lib/context";
import { ValidationError, type FieldError } from "@/lib/errors";
import { isCurrency, MoneyFormatError, toMinor } from "@/lib/money";
import type { UpdateInput, Values } from "./shared";

/**
 * Applies a create or an update to the current values and checks the rules that span fields:
 * the price fits the currency's decimals; a currency change comes with its price; active needs
 * both names. Returns the new values or throws one 422 listing every failing field.
 */
export function merge(
  ctx: ServiceContext,
  current: Values | undefined,
  input: UpdateInput,
): Values {
  const errors: FieldError[] = [];
  const currency = input.currency ?? current?.currency ?? ctx.tenant.currency;
  if (!isCurrency(currency))
    errors.push({
      field: "currency",
      code: "invalid_currency",
      message: `"${currency}" is not an ISO 4217 currency`,
    });

  let priceMinor = current?.priceMinor ?? 0;
  if (input.price !== undefined) {
    try {
      priceMinor = toMinor(input.price, currency);
    } catch (err) {
      if (!(err instanceof MoneyFormatError)) throw err;
      errors.push({ field: "price", code: err.code, message: err.message });
    }
  } else if (current && input.currency !== undefined && input.currency !== current.currency) {
    errors.push({
      field: "price",
      code: "required",
      message: "Send the price in the new currency when changing the currency",
    });
  } else if (!current) {
    errors.push({ field: "price", code: "required", message: "Required" });
  }

  const values: Values = {
    nameEn: input.name?.en ?? current?.nameEn ?? "",
    nameAr: input.name?.ar ?? current?.nameAr ?? "",
    descriptionEn: input.description?.en ?? current?.descriptionEn ?? "",
    descriptionAr: input.description?.ar ?? current?.descriptionAr ?? "",
    priceMinor,
    currency,
    category: input.category !== undefined ? input.category || null : (current?.category ?? null),
    tags: input.tags ? [...new Set(input.tags)] : (current?.tags ?? []),
    sku: input.sku !== undefined ? input.sku || null : (current?.sku ?? null),
    status: input.status ?? current?.status ?? "draft",
    inventory: input.inventory ?? current?.inventory ?? 0,
    // The order is the one sent (the first is the thumbnail); a URL sent twice is kept once.
    images: input.images ? [...new Set(input.images)] : (current?.images ?? []),
  };
  if (!values.nameEn && !values.nameAr) {
    errors.push({
      field: "name",
      code: "required",
      message: "Give the product a name in English or Arabic",
    });
  }
  if (values.status === "active") {
    if (!values.nameEn)
      errors.push({
        field: "name.en",
        code: "required_for_active",
        message: "An active product needs an English name",
      });
    if (!values.nameAr)
      errors.push({
        field: "name.ar",
        code: "required_for_active",
        message: "An active product needs an Arabic name",
      });
  }
  if (errors.length) throw new ValidationError("The product has invalid fields", errors);
  return values;
}
