"use client";

import { useTranslations } from "next-intl";
import type { UseFormReturn } from "react-hook-form";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { FormField } from "@/components/ui/form";
import { Input } from "@/components/ui/input";
import { NativeSelect } from "@/components/ui/native-select";
import { PAYMENT_METHODS } from "@/lib/orders/fields";
import type { NewOrderInput } from "../order-schemas";
import type { FormValues } from "./form-values";

/**
 * Where the order goes (the Saudi national address), how it is paid, and its discount and
 * shipping fee; all optional. The summary beside it counts the discount and shipping in.
 */
export function DeliverySection({
  form,
  currency,
  discountTooBig,
}: {
  form: UseFormReturn<FormValues, unknown, NewOrderInput>;
  currency: string;
  discountTooBig: boolean;
}) {
  const t = useTranslations("orders.new");
  const tMethod = useTranslations("orders.paymentMethods");
  const { errors } = form.formState;
  const address = errors.shippingAddress;
  const amountError = (field: "discount" | "shipping") =>
    errors[field]
      ? t("errors.amountInvalid")
      : field === "discount" && discountTooBig
        ? t("errors.discountTooBig")
        : undefined;
  return (
    <Card>
      <CardHeader className="pb-4">
        <CardTitle className="text-base">{t("delivery.title")}</CardTitle>
        <CardDescription>{t("delivery.description")}</CardDescription>
      </CardHeader>
      <CardContent className="flex flex-col gap-4">
        <div className="grid gap-4 sm:grid-cols-2">
          <FormField
            className="min-w-0"
            label={t("delivery.city")}
            error={address?.city ? t("errors.cityRequired") : undefined}
          >
            <Input dir="auto" maxLength={100} {...form.register("shippingAddress.city")} />
          </FormField>
          <FormField className="min-w-0" label={t("delivery.district")}>
            <Input dir="auto" maxLength={100} {...form.register("shippingAddress.district")} />
          </FormField>
          <FormField className="min-w-0 sm:col-span-2" label={t("delivery.street")}>
            <Input dir="auto" maxLength={200} {...form.register("shippingAddress.street")} />
          </FormField>
          <FormField
            className="min-w-0"
            label={t("delivery.buildingNumber")}
            error={address?.buildingNumber ? t("errors.buildingNumber") : undefined}
          >
            <Input
              dir="ltr"
              inputMode="numeric"
              maxLength={20}
              className="text-start"
              {...form.register("shippingAddress.buildingNumber")}
            />
          </FormField>
          <FormField
            className="min-w-0"
            label={t("delivery.postalCode")}
            error={address?.postalCode ? t("errors.postalCode") : undefined}
          >
            <Input
              dir="ltr"
              inputMode="numeric"
              maxLength={20}
              placeholder="12345"
              className="text-start"
              {...form.register("shippingAddress.postalCode")}
            />
          </FormField>
          <FormField
            className="min-w-0"
            label={t("delivery.shortCode")}
            hint={t("delivery.shortCodeHint")}
            error={address?.shortCode ? t("errors.shortCode") : undefined}
          >
            <Input
              dir="ltr"
              maxLength={20}
              placeholder="RRRD2929"
              className="text-start uppercase"
              {...form.register("shippingAddress.shortCode")}
            />
          </FormField>
          <FormField className="min-w-0" label={t("delivery.paymentMethod")}>
            <NativeSelect {...form.register("paymentMethod")}>
              <option value="">{t("delivery.paymentMethodNone")}</option>
              {PAYMENT_METHODS.map((method) => (
                <option key={method} value={method}>
                  {tMethod(method)}
                </option>
              ))}
            </NativeSelect>
          </FormField>
          <FormField
            className="min-w-0"
            label={t("delivery.discount", { currency })}
            hint={t("delivery.discountHint")}
            error={amountError("discount")}
          >
            <Input
              dir="ltr"
              inputMode="decimal"
              maxLength={20}
              placeholder="0"
              className="text-start"
              {...form.register("discount")}
            />
          </FormField>
          <FormField
            className="min-w-0"
            label={t("delivery.shipping", { currency })}
            hint={t("delivery.shippingHint")}
            error={amountError("shipping")}
          >
            <Input
              dir="ltr"
              inputMode="decimal"
              maxLength={20}
              placeholder="0"
              className="text-start"
              {...form.register("shipping")}
            />
          </FormField>
        </div>
      </CardContent>
    </Card>
  );
}
