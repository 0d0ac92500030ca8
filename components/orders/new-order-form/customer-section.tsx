"use client";

import { useTranslations } from "next-intl";
import type { UseFormReturn } from "react-hook-form";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { FormField } from "@/components/ui/form";
import { Input } from "@/components/ui/input";
import { Textarea } from "@/components/ui/textarea";
import type { NewOrderInput } from "../order-schemas";
import type { FormValues } from "./form-values";

/** Who the order is for, and a note; all optional. */
export function CustomerSection({
  form,
}: {
  form: UseFormReturn<FormValues, unknown, NewOrderInput>;
}) {
  const t = useTranslations("orders.new");
  const { errors } = form.formState;
  return (
    <Card>
      <CardHeader className="pb-4">
        <CardTitle className="text-base">{t("customer.title")}</CardTitle>
        <CardDescription>{t("customer.description")}</CardDescription>
      </CardHeader>
      <CardContent className="flex flex-col gap-4">
        <div className="grid gap-4 sm:grid-cols-2">
          <FormField
            className="min-w-0"
            label={t("customer.email")}
            error={errors.customerEmail ? t("errors.emailInvalid") : undefined}
          >
            <Input
              type="email"
              dir="ltr"
              maxLength={320}
              autoComplete="off"
              {...form.register("customerEmail")}
            />
          </FormField>
          <FormField
            className="min-w-0"
            label={t("customer.name")}
            error={errors.customerName ? t("errors.nameTooLong") : undefined}
          >
            <Input
              dir="auto"
              maxLength={200}
              autoComplete="off"
              {...form.register("customerName")}
            />
          </FormField>
        </div>
        <FormField
          className="min-w-0 sm:max-w-[calc(50%-0.5rem)]"
          label={t("customer.phone")}
          hint={t("customer.phoneHint")}
          error={errors.customerPhone ? t("errors.phoneInvalid") : undefined}
        >
          <Input
            type="tel"
            dir="ltr"
            inputMode="tel"
            maxLength={40}
            autoComplete="off"
            placeholder="+966 5X XXX XXXX"
            className="text-start"
            {...form.register("customerPhone")}
          />
        </FormField>
        <FormField
          className="min-w-0"
          label={t("customer.notes")}
          hint={t("customer.notesHint")}
          error={errors.notes ? t("errors.notesTooLong") : undefined}
        >
          <Textarea dir="auto" rows={3} maxLength={5000} {...form.register("notes")} />
        </FormField>
      </CardContent>
    </Card>
  );
}
