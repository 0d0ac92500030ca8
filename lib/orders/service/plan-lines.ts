import type { z } from "@hono/zod-openapi";
import type { ServiceContext } from "@/lib/context";
import { ValidationError, type FieldError } from "@/lib/errors";
import { maxMajor, MoneyFormatError, toMinor } from "@/lib/money";
import { productsForLines } from "@/lib/products/stock";
import type { OrderCreate } from "../contract";
import {
  DiscountTooBigError,
  lineAmounts,
  orderAmounts,
  splitGross,
  sumAmounts,
  type LineAmounts,
} from "../totals";

export interface PlannedLine extends LineAmounts {
  productId: string | null;
  sku: string | null;
  nameEn: string;
  nameAr: string;
  unitPriceMinor: number;
  quantity: number;
}

/** Resolves lines to prices and names (snapshotted now), checking every rule; one 422 for all. */
export async function planLines(
  ctx: ServiceContext,
  input: z.infer<typeof OrderCreate>,
  currency: string,
) {
  const errors: FieldError[] = [];
  const lines = input.items ?? [];
  const productIds = lines.flatMap((l) => ("product_id" in l ? [l.product_id] : []));
  const found = await productsForLines(ctx.db, ctx.tenant.id, productIds);
  const byId = new Map(found.map((p) => [p.id, p]));
  const planned: PlannedLine[] = [];
  const { vatRateBp, pricesIncludeVat } = ctx.tenant;
  const tooBig = (field: string, what: string) => ({
    field,
    code: "too_big",
    message: `${what} would be more than ${maxMajor(currency)} ${currency}`,
  });
  /** The line's amounts, or null (and an error) when its total is beyond the cap. */
  const amounts = (i: number, unit: number, quantity: number) => {
    try {
      return lineAmounts(unit, quantity, vatRateBp, pricesIncludeVat);
    } catch (err) {
      if (!(err instanceof MoneyFormatError)) throw err;
      errors.push(tooBig(`items.${i}`, "The line's total"));
      return null;
    }
  };
  lines.forEach((line, i) => {
    if ("product_id" in line) {
      const product = byId.get(line.product_id);
      if (!product)
        return errors.push({
          field: `items.${i}.product_id`,
          code: "not_found",
          message: "No such product in this store",
        });
      if (product.status !== "active")
        return errors.push({
          field: `items.${i}.product_id`,
          code: "not_available",
          message: `The product is ${product.status}, not active`,
        });
      if (product.currency !== currency) {
        return errors.push({
          field: `items.${i}.product_id`,
          code: "currency_mismatch",
          message: `The product is priced in ${product.currency}, the order is in ${currency}`,
        });
      }
      const sums = amounts(i, product.priceMinor, line.quantity);
      if (!sums) return;
      planned.push({
        productId: product.id,
        sku: product.sku,
        nameEn: product.nameEn,
        nameAr: product.nameAr,
        unitPriceMinor: product.priceMinor,
        quantity: line.quantity,
        ...sums,
      });
    } else {
      let unit: number;
      try {
        unit = toMinor(line.price, currency);
      } catch (err) {
        if (!(err instanceof MoneyFormatError)) throw err;
        return errors.push({ field: `items.${i}.price`, code: err.code, message: err.message });
      }
      const name =
        typeof line.name === "string"
          ? { en: line.name, ar: "" }
          : { en: line.name.en ?? "", ar: line.name.ar ?? "" };
      if (!name.en && !name.ar)
        return errors.push({
          field: `items.${i}.name`,
          code: "required",
          message: "Give the line a name",
        });
      const sums = amounts(i, unit, line.quantity);
      if (!sums) return;
      planned.push({
        productId: null,
        sku: line.sku ?? null,
        nameEn: name.en,
        nameAr: name.ar,
        unitPriceMinor: unit,
        quantity: line.quantity,
        ...sums,
      });
    }
  });

  const given = input.total ?? input.amount;
  let totals: LineAmounts = { subtotal: 0, tax: 0, total: 0 };
  try {
    totals = sumAmounts(planned);
  } catch (err) {
    if (!(err instanceof MoneyFormatError)) throw err;
    errors.push(tooBig("items", "The order's total"));
  }
  if (given !== undefined) {
    if (productIds.length)
      errors.push({
        field: "total",
        code: "not_allowed",
        message: "total is only for orders whose lines are not products of this store",
      });
    try {
      totals = splitGross(toMinor(given, currency), vatRateBp);
    } catch (err) {
      if (!(err instanceof MoneyFormatError)) throw err;
      errors.push({
        field: input.total !== undefined ? "total" : "amount",
        code: err.code,
        message: err.message,
      });
    }
  } else if (planned.length === 0 && !errors.length) {
    errors.push({
      field: "items",
      code: "required",
      message: "An order needs items, or a total for an order mirrored from elsewhere",
    });
  }
  const adjust = { discount: 0, shipping: 0 };
  for (const field of ["discount", "shipping"] as const) {
    const value = input[field];
    if (value === undefined) continue;
    if (given !== undefined) {
      errors.push({
        field,
        code: "not_allowed",
        message: `${field} is not allowed with total: the total given is what was charged`,
      });
      continue;
    }
    try {
      adjust[field] = toMinor(value, currency);
    } catch (err) {
      if (!(err instanceof MoneyFormatError)) throw err;
      errors.push({ field, code: err.code, message: err.message });
    }
  }
  if (!errors.length && given === undefined && (adjust.discount || adjust.shipping)) {
    try {
      totals = orderAmounts(
        totals,
        adjust.discount,
        adjust.shipping,
        vatRateBp,
        pricesIncludeVat,
      ).totals;
    } catch (err) {
      if (err instanceof DiscountTooBigError)
        errors.push({
          field: "discount",
          code: "too_big",
          message: "The discount is more than the items cost",
        });
      else if (err instanceof MoneyFormatError)
        errors.push(tooBig("shipping", "The order's total"));
      else throw err;
    }
  }
  if (errors.length) throw new ValidationError("The order has invalid fields", errors);
  return { planned, totals, discountMinor: adjust.discount, shippingMinor: adjust.shipping };
}
