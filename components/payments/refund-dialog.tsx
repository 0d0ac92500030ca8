"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { ArrowLeft, CircleCheck, Clock, Undo2 } from "lucide-react";
import { useTranslations } from "next-intl";
import { useDisplayFormatter } from "@/lib/admin/format/client";
import { useEffect, useMemo, useRef, useState, useTransition } from "react";
import { useForm } from "react-hook-form";
import { z } from "zod";
import { Alert, AlertDescription, ErrorAlert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Dialog, DialogActions, DialogClose } from "@/components/ui/dialog";
import { Form, FormField } from "@/components/ui/form";
import { Input } from "@/components/ui/input";
import { SubmitButton } from "@/components/ui/submit-button";
import { Textarea } from "@/components/ui/textarea";
import type { ActionIssue, ActionResult } from "@/lib/admin/action-result";
import { toMinor } from "@/lib/money";
import { amountSchema, amountText, normalizeAmount, toMajor } from "./amount";
import { newIdempotencyKey, usePaymentErrorText } from "./use-payment-error-text";

export interface RefundInput {
  amount: string;
  reason: string;
  idempotencyKey: string;
}

export interface RefundOutcome {
  amount: number;
  currency: string;
  status: "pending" | "succeeded" | "failed";
  failureMessage: string | null;
}

type Notice =
  | { kind: "done" | "pending"; amount: string }
  | { kind: "failed"; amount: string; detail: string | null }
  | null;

/**
 * The payment page's Refund button and its dialog: an amount (all that is left by default, never
 * more) and a reason, then a confirmation that names the amount, since a refund cannot be undone.
 */
export function RefundAction({
  currency,
  refundable,
  onRefund,
}: {
  currency: string;
  /** What is left to refund, in major units. */
  refundable: number;
  onRefund: (input: RefundInput) => Promise<ActionResult<RefundOutcome>>;
}) {
  const t = useTranslations("Payments.refund");
  const format = useDisplayFormatter();
  const errorText = usePaymentErrorText();
  const [open, setOpen] = useState(false);
  const [step, setStep] = useState<"form" | "confirm">("form");
  const [confirmed, setConfirmed] = useState<RefundInput | null>(null);
  const [error, setError] = useState<ActionIssue | null>(null);
  const [notice, setNotice] = useState<Notice>(null);
  const [pending, startTransition] = useTransition();
  const backRef = useRef<HTMLButtonElement>(null);

  // The confirmation's safe choice takes the focus, so Enter never refunds by accident.
  useEffect(() => {
    if (open && step === "confirm") backRef.current?.focus();
  }, [open, step]);

  const money = (amount: number) => format.number(amount, { style: "currency", currency });
  const maxMinor = toMinor(refundable, currency);
  const max = money(refundable);
  const schema = useMemo(
    () =>
      z.object({
        amount: amountSchema(currency, maxMinor, {
          required: t("amountRequired"),
          invalid: t("amountInvalid", { currency, example: amountText(10, currency) }),
          tooLow: t("amountTooLow"),
          tooHigh: t("amountTooHigh", { max }),
        }),
        reason: z.string().trim().max(500, t("reasonTooLong")),
      }),
    [t, currency, maxMinor, max],
  );
  const defaults = { amount: amountText(refundable, currency), reason: "" };
  const form = useForm<z.input<typeof schema>, unknown, z.output<typeof schema>>({
    resolver: zodResolver(schema),
    defaultValues: defaults,
  });

  const confirmedAmount = confirmed
    ? money(toMajor(toMinor(confirmed.amount, currency), currency))
    : "";

  function start() {
    form.reset(defaults);
    setStep("form");
    setError(null);
    setNotice(null);
    setOpen(true);
  }

  const onContinue = form.handleSubmit((values) => {
    // A new key per confirmation: changing the amount makes a different request.
    setConfirmed({ ...values, idempotencyKey: newIdempotencyKey() });
    setError(null);
    setStep("confirm");
  });

  function refund() {
    if (!confirmed) return;
    startTransition(async () => {
      setError(null);
      const result = await onRefund(confirmed);
      if (!result.ok) {
        const field = result.fieldErrors.amount;
        if (field) {
          setStep("form");
          form.setError("amount", {
            message:
              field.code === "REFUND_EXCEEDS_CAPTURED" ? errorText(field) : t("amountRejected"),
          });
        } else setError(result.error);
        return;
      }
      const amount = money(result.data.amount);
      setNotice(
        result.data.status === "failed"
          ? { kind: "failed", amount, detail: result.data.failureMessage }
          : { kind: result.data.status === "pending" ? "pending" : "done", amount },
      );
      setOpen(false);
    });
  }

  return (
    <div className="flex flex-col gap-3">
      <div aria-live="polite" className="max-w-2xl empty:hidden">
        {notice?.kind === "failed" ? (
          <ErrorAlert title={t("failedTitle", { amount: notice.amount })}>
            {notice.detail ? (
              <AlertDescription dir="ltr" lang="en" className="text-start">
                {notice.detail}
              </AlertDescription>
            ) : null}
          </ErrorAlert>
        ) : notice ? (
          <Alert variant="success" role="status">
            {notice.kind === "done" ? <CircleCheck aria-hidden /> : <Clock aria-hidden />}
            <AlertDescription>
              {notice.kind === "done"
                ? t("done", { amount: notice.amount })
                : t("pending", { amount: notice.amount })}
            </AlertDescription>
          </Alert>
        ) : null}
      </div>

      {refundable > 0 ? (
        <div className="flex flex-wrap items-center gap-3">
          <Button
            variant="outline"
            className="text-destructive hover:bg-destructive-soft"
            aria-haspopup="dialog"
            onClick={start}
          >
            <Undo2 aria-hidden />
            {t("button")}
          </Button>
          <span className="text-sm text-muted-foreground">{t("left", { amount: max })}</span>
        </div>
      ) : null}

      <Dialog
        open={open}
        onClose={() => setOpen(false)}
        busy={pending}
        tone={step === "confirm" ? "destructive" : "default"}
        role={step === "confirm" ? "alertdialog" : "dialog"}
        icon={<Undo2 />}
        title={step === "form" ? t("title") : t("confirmTitle")}
        description={step === "form" ? t("description", { max }) : null}
      >
        {step === "form" ? (
          <Form {...form}>
            <form noValidate onSubmit={onContinue} className="flex flex-col gap-5">
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
              <FormField name="reason" label={t("reason")} hint={t("reasonHint")}>
                <Textarea rows={3} className="min-h-20" dir="auto" {...form.register("reason")} />
              </FormField>
              <DialogActions>
                <DialogClose>{t("cancel")}</DialogClose>
                <Button type="submit">{t("continue")}</Button>
              </DialogActions>
            </form>
          </Form>
        ) : (
          <>
            <p className="text-base font-medium">{t("confirm", { amount: confirmedAmount })}</p>
            {confirmed?.reason ? (
              <p className="text-sm text-muted-foreground">
                {t.rich("confirmReason", {
                  reason: confirmed.reason,
                  r: (chunks) => <bdi>{chunks}</bdi>,
                })}
              </p>
            ) : null}
            {error ? (
              <ErrorAlert title={t("errorTitle")}>
                <AlertDescription>{errorText(error)}</AlertDescription>
                {error.code.startsWith("PROVIDER_") ? (
                  // The provider's own words, for someone checking its dashboard.
                  <AlertDescription dir="ltr" lang="en" className="text-start text-xs">
                    {error.message}
                  </AlertDescription>
                ) : null}
              </ErrorAlert>
            ) : null}
            <DialogActions>
              <Button
                ref={backRef}
                variant="outline"
                disabled={pending}
                onClick={() => setStep("form")}
              >
                <ArrowLeft aria-hidden className="rtl:rotate-180" />
                {t("back")}
              </Button>
              <SubmitButton
                type="button"
                variant="destructive"
                pending={pending}
                icon={<Undo2 aria-hidden />}
                pendingLabel={t("submitting")}
                onClick={refund}
              >
                {t("confirmButton", { amount: confirmedAmount })}
              </SubmitButton>
            </DialogActions>
          </>
        )}
      </Dialog>
    </div>
  );
}
