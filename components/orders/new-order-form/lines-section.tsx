"use client";

import { ShoppingCart, Trash2 } from "lucide-react";
import { useLocale, useTranslations } from "next-intl";
import { useId } from "react";
import { useWatch, type UseFieldArrayReturn, type UseFormReturn } from "react-hook-form";
import { displayName, ProductName } from "@/components/products/product-name";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { cn } from "@/lib/cn";
import type { NewOrderInput, ProductOption } from "../order-schemas";
import type { LineEstimate, StoreMoney } from "./estimate";
import type { FormValues } from "./form-values";

/** The order's lines: quantity, estimated line total, remove; errors and stock warnings per line. */
export function LinesSection({
  form,
  lines,
  known,
  estimates,
  store,
  money,
  major,
  maxAmount,
}: {
  form: UseFormReturn<FormValues, unknown, NewOrderInput>;
  lines: UseFieldArrayReturn<FormValues, "items">;
  known: ReadonlyMap<string, ProductOption>;
  estimates: LineEstimate[];
  store: StoreMoney;
  money: (amount: number, currency?: string) => string;
  major: (minor: number) => number;
  maxAmount: string;
}) {
  const t = useTranslations("orders.new");
  const locale = useLocale() as "en" | "ar";
  const id = useId();
  const errors = form.formState.errors;
  const watched = useWatch({ control: form.control, name: "items" });

  const lineError = (index: number): string | null => {
    const error = errors.items?.[index];
    const product = known.get(watched?.[index]?.productId ?? "");
    if (error?.productId) {
      const code = error.productId.type;
      if (code === "not_found") return t("errors.productGone");
      if (code === "not_available") return t("errors.productInactive");
      if (code === "currency_mismatch")
        return t("errors.currencyMismatch", {
          currency: product?.currency ?? "",
          storeCurrency: store.currency,
        });
      return t("errors.productInvalid");
    }
    if (estimates[index] === "too_big" || error?.quantity?.type === "too_big")
      return t("errors.lineTooBig", { max: maxAmount });
    if (error?.quantity) {
      if (error.quantity.type === "insufficient_stock")
        return product
          ? t("errors.insufficientStockLine", { available: product.inventory })
          : t("errors.insufficientStockUnknown");
      return t("errors.quantity");
    }
    return null;
  };

  const itemsError =
    errors.items?.root ?? (errors.items && !Array.isArray(errors.items) ? errors.items : null);

  return (
    <Card>
      <CardHeader className="pb-4">
        <CardTitle className="text-base">{t("lines.title")}</CardTitle>
      </CardHeader>
      <CardContent className="flex flex-col gap-3">
        {lines.fields.length === 0 ? (
          <div
            className={cn(
              "flex flex-col items-center gap-2 rounded-lg border border-dashed px-4 py-8 text-center text-sm text-muted-foreground",
              itemsError ? "border-destructive" : "border-border",
            )}
          >
            <ShoppingCart aria-hidden className="size-6" />
            <p>{t("lines.empty")}</p>
            {itemsError ? (
              <p id={`${id}-items-error`} className="font-medium text-destructive" role="alert">
                {t("errors.noItems")}
              </p>
            ) : null}
          </div>
        ) : (
          <ul aria-label={t("lines.title")} className="flex flex-col divide-y divide-border">
            {lines.fields.map((field, index) => {
              const product = known.get(field.productId);
              const name = product ? displayName(product.name, locale) : null;
              const error = lineError(index);
              const quantity = Number(watched?.[index]?.quantity);
              const short = product && Number.isInteger(quantity) && quantity > product.inventory;
              const line = estimates[index];
              const inputId = `${id}-qty-${index}`;
              return (
                <li
                  key={field.id}
                  className="grid grid-cols-[minmax(0,1fr)_auto] items-start gap-x-4 gap-y-2 py-3 first:pt-0 last:pb-0 sm:grid-cols-[minmax(0,1fr)_7rem_8rem_auto]"
                >
                  <div className="flex min-w-0 flex-col gap-0.5">
                    <span className="font-medium">
                      {name ? <ProductName name={name} /> : field.productId}
                    </span>
                    <span className="text-xs text-muted-foreground">
                      {product ? (
                        <>
                          {t("lines.unitPrice", {
                            price: money(product.price, product.currency),
                          })}
                          {" · "}
                          <span className={cn(short && "font-medium text-amber-800")}>
                            {t("picker.stock", { count: product.inventory })}
                          </span>
                        </>
                      ) : null}
                    </span>
                  </div>
                  <div className="col-start-1 row-start-2 flex flex-col gap-1 sm:col-start-2 sm:row-start-1">
                    <Label htmlFor={inputId} className="sr-only">
                      {t("lines.quantityFor", { name: name?.text ?? "" })}
                    </Label>
                    <Input
                      id={inputId}
                      inputMode="numeric"
                      autoComplete="off"
                      dir="ltr"
                      className="h-9 text-end"
                      aria-invalid={error ? true : undefined}
                      aria-describedby={error ? `${inputId}-error` : undefined}
                      {...form.register(`items.${index}.quantity`)}
                    />
                  </div>
                  <p className="col-start-2 row-start-1 pt-1 text-end font-medium whitespace-nowrap tabular-nums sm:col-start-3">
                    <span className="sr-only">{t("lines.lineTotal")}: </span>
                    {line && line !== "too_big"
                      ? money(major(store.pricesIncludeVat ? line.total : line.subtotal))
                      : "—"}
                  </p>
                  <Button
                    variant="ghost"
                    size="icon"
                    className="col-start-2 row-start-2 size-9 justify-self-end text-destructive hover:bg-destructive-soft sm:col-start-4 sm:row-start-1"
                    aria-label={t("lines.remove", { name: name?.text ?? "" })}
                    onClick={() => lines.remove(index)}
                  >
                    <Trash2 aria-hidden />
                  </Button>
                  {error ? (
                    <p
                      id={`${inputId}-error`}
                      className="col-span-full text-sm font-medium text-destructive"
                    >
                      {error}
                    </p>
                  ) : short ? (
                    <p className="col-span-full text-sm text-amber-800">
                      {t("lines.moreThanStock", { available: product?.inventory ?? 0 })}
                    </p>
                  ) : null}
                </li>
              );
            })}
          </ul>
        )}
      </CardContent>
    </Card>
  );
}
