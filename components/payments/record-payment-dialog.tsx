"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { CircleCheck, HandCoins } from "lucide-react";
import { useTranslations } from "next-intl";
import { useDisplayFormatter } from "@/lib/admin/format/client";
import { useMemo, useState } from "react";
import { useForm, useWatch } from "react-hook-form";
import { z } from "zod";
import { Alert, AlertDescription, ErrorAlert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Dialog, DialogActions, DialogClose } from "@/components/ui/dialog";
import { Form, FormField } from "@/components/ui/form";
import { Input } from "@/components/ui/input";
import { SubmitButton } from "@/components/ui/submit-button";
import type { ActionIssue, ActionResult } from "@/lib/admin/action-result";
import { cn } from "@/lib/cn";
import { toMinor } from "@/lib/money";
import { MANUAL_METHODS, type ManualMethod } from "@/lib/payments/constants";
import { amountSchema, amountText, normalizeAmount } from "./amount";
import { usePaymentErrorText } from "./use-payment-error-text";

export interface ManualPaymentInput {
  method: ManualMethod;
  reference: string;
  amount: string;
}

/**
 * "Record payment" on a pending order: money received outside the store (a bank transfer, cash on
 * delivery), with its reference, for what is due by default.
 */
export function RecordPaymentAction({
  currency,
  due,
  onRecord,
}: {
  currency: string;
  /** What the order still owes, in major units. */
  due: number;
  onRecord: (
    input: ManualPaymentInput,
  ) => Promise<ActionResult<{ id: string; amount: number; currency: string }>>;
}) {
  const t = useTranslations("Payments.record");
  const tMethod = useTranslations("Payments.methods");
  const format = useDisplayFormatter();
  const errorText = usePaymentErrorText();
  const [open, setOpen] = useState(false);
  const [error, setError] = useState<ActionIssue | null>(null);
  const [done, setDone] = useState<string | null>(null);

  const money = (amount: number) => format.number(amount, { style: "currency", currency });
  const dueMinor = toMinor(due, currency);
  const dueText = money(due);
  const schema = useMemo(
    () =>
      z.object({
        method: z.enum(MANUAL_METHODS),
        reference: z.string().trim().max(200, t("referenceTooLong")),
        amount: amountSchema(currency, dueMinor, {
          required: t("amountRequired"),
          invalid: t("amountInvalid", { currency, example: amountText(10, currency) }),
          tooLow: t("amountTooLow"),
          tooHigh: t("amountTooHigh", { due: dueText }),
        }),
      }),
    [t, currency, dueMinor, dueText],
  );
  const defaults: ManualPaymentInput = {
    method: "bank_transfer",
    reference: "",
    amount: amountText(due, currency),
  };
  const form = useForm<z.input<typeof schema>, unknown, z.output<typeof schema>>({
    resolver: zodResolver(schema),
    defaultValues: defaults,
  });
  const pending = form.formState.isSubmitting;
  const method = useWatch({ control: form.control, name: "method" });

  const onSubmit = form.handleSubmit(async (values) => {
    setError(null);
    const result = await onRecord(values);
    if (result.ok) {
      setDone(money(result.data.amount));
      setOpen(false);
      return;
    }
    const amountIssue = result.fieldErrors.amount;
    const referenceIssue = result.fieldErrors.reference;
    if (amountIssue)
      form.setError("amount", {
        message:
          amountIssue.code === "AMOUNT_EXCEEDS_DUE" ? errorText(amountIssue) : t("amountRejected"),
      });
    if (referenceIssue) form.setError("reference", { message: t("referenceTooLong") });
    if (!amountIssue && !referenceIssue) setError(result.error);
  });

  return (
    <div className="flex flex-col gap-3">
      <div aria-live="polite" className="empty:hidden">
        {done ? (
          <Alert variant="success" role="status">
            <CircleCheck aria-hidden />
            <AlertDescription>{t("done", { amount: done })}</AlertDescription>
          </Alert>
        ) : null}
      </div>
      {due > 0 ? (
        <Button
          variant="outline"
          className="self-start"
          aria-haspopup="dialog"
          onClick={() => {
            form.reset(defaults);
            setError(null);
            setDone(null);
            setOpen(true);
          }}
        >
          <HandCoins aria-hidden />
          {t("button")}
        </Button>
      ) : null}

      <Dialog
        open={open}
        onClose={() => setOpen(false)}
        busy={pending}
        icon={<HandCoins />}
        title={t("title")}
        description={t("description", { due: dueText })}
      >
        <Form {...form}>
          <form noValidate onSubmit={onSubmit} className="flex flex-col gap-5" aria-busy={pending}>
            {error ? (
              <ErrorAlert title={t("errorTitle")}>
                <AlertDescription>{errorText(error)}</AlertDescription>
              </ErrorAlert>
            ) : null}
            <fieldset className="flex flex-col gap-2">
              <legend className="mb-2 text-sm leading-none font-medium">{t("method")}</legend>
              <div className="grid gap-2 sm:grid-cols-2">
                {MANUAL_METHODS.map((value) => (
                  <label
                    key={value}
                    className={cn(
                      "flex cursor-pointer items-center gap-3 rounded-lg border p-3 text-sm transition-colors",
                      method === value
                        ? "border-primary bg-primary-soft"
                        : "border-border hover:bg-muted",
                    )}
                  >
                    <input
                      type="radio"
                      value={value}
                      className="size-4 accent-primary"
                      {...form.register("method")}
                    />
                    <span className="font-medium">{tMethod(value)}</span>
                  </label>
                ))}
              </div>
            </fieldset>
            <FormField name="reference" label={t("reference")} hint={t(`referenceHint.${method}`)}>
              <Input
                dir="auto"
                autoComplete="off"
                maxLength={200}
                {...form.register("reference")}
              />
            </FormField>
            <FormField name="amount" label={t("amount", { currency })} hint={t("amountHint")}>
              <Input
                inputMode="decimal"
                dir="ltr"
                autoComplete="off"
                className="text-start tabular-nums"
                {...form.register("amount", {
                  onBlur: (event: { target: HTMLInputElement }) =>
                    form.setValue("amount", normalizeAmount(event.target.value)),
                })}
              />
            </FormField>
            <DialogActions>
              <DialogClose disabled={pending}>{t("cancel")}</DialogClose>
              <SubmitButton
                pending={pending}
                icon={<HandCoins aria-hidden />}
                pendingLabel={t("submitting")}
              >
                {t("submit")}
              </SubmitButton>
            </DialogActions>
          </form>
        </Form>
      </Dialog>
    </div>
  );
}
