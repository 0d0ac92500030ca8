"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { CircleCheck, Loader2, Pencil, Save } from "lucide-react";
import { useTranslations } from "next-intl";
import { useEffect, useId, useRef, useState, type ReactNode } from "react";
import { useForm, type Resolver } from "react-hook-form";
import { z } from "zod";
import { Alert, AlertDescription, ErrorAlert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { Textarea } from "@/components/ui/textarea";
import type { ActionIssue, ActionResult } from "@/lib/admin/action-result";
import { formatPhone } from "@/lib/orders/phone";
import { OrderDetailsInput } from "./order-schemas";
import { useOrderErrorText } from "./use-order-error-text";

export interface OrderDetailsValues {
  customerEmail: string;
  customerName: string;
  /** E.164 as saved; what the merchant types is normalised by the API's rule (Saudi by default). */
  customerPhone: string;
  notes: string;
}
const FIELDS = ["customerEmail", "customerName", "customerPhone", "notes"] as const;

/** Form strings to the API's input: an emptied field clears the value. */
function toInput(values: OrderDetailsValues) {
  return Object.fromEntries(FIELDS.map((field) => [field, values[field].trim() || null]));
}

const resolver: Resolver<OrderDetailsValues, unknown, OrderDetailsInput> = zodResolver(
  z.preprocess(
    (values) => toInput(values as OrderDetailsValues),
    OrderDetailsInput,
  ) as unknown as z.ZodType<OrderDetailsInput, OrderDetailsValues>,
);

interface OrderDetailsFormProps {
  /** The saved values; what the card shows until someone edits them. */
  defaultValues: OrderDetailsValues;
  readOnly: boolean;
  onSubmit: (input: OrderDetailsInput) => Promise<ActionResult<OrderDetailsInput>>;
}

type Banner = { kind: "saved" } | { kind: "error"; issue: ActionIssue };

/** The customer and the notes, shown as text, edited in place by a small form. */
export function OrderDetailsForm({ defaultValues, readOnly, onSubmit }: OrderDetailsFormProps) {
  const t = useTranslations("orders.details");
  const errorText = useOrderErrorText();
  const id = useId();
  const [editing, setEditing] = useState(false);
  const [banner, setBanner] = useState<Banner | null>(null);
  const editRef = useRef<HTMLButtonElement>(null);
  const firstFieldRef = useRef<HTMLInputElement | null>(null);
  const returnFocus = useRef(false);

  const form = useForm<OrderDetailsValues, unknown, OrderDetailsInput>({
    resolver,
    defaultValues,
    mode: "onSubmit",
    reValidateMode: "onChange",
  });
  const { errors, isSubmitting } = form.formState;

  useEffect(() => {
    if (editing) firstFieldRef.current?.focus();
    else if (returnFocus.current) editRef.current?.focus();
    returnFocus.current = false;
  }, [editing]);

  function startEditing() {
    form.reset(defaultValues);
    setBanner(null);
    setEditing(true);
  }

  function stopEditing() {
    returnFocus.current = true;
    setEditing(false);
  }

  async function save(input: OrderDetailsInput) {
    setBanner(null);
    const result = await onSubmit(input);
    if (!result.ok) {
      let first = true;
      for (const [field, issue] of Object.entries(result.fieldErrors)) {
        if (!(FIELDS as readonly string[]).includes(field)) continue;
        form.setError(
          field as (typeof FIELDS)[number],
          { type: issue.code, message: issue.message },
          { shouldFocus: first },
        );
        first = false;
      }
      setBanner({ kind: "error", issue: result.error });
      return;
    }
    setBanner({ kind: "saved" });
    stopEditing();
  }

  const errorId = (field: string) => `${id}-${field}-error`;
  const fieldProps = (field: (typeof FIELDS)[number]) => ({
    id: `${id}-${field}`,
    "aria-invalid": errors[field] ? true : undefined,
    "aria-describedby": errors[field] ? errorId(field) : undefined,
  });
  const fieldError = (field: (typeof FIELDS)[number], text: string) =>
    errors[field] ? (
      <p id={errorId(field)} className="text-sm text-destructive">
        {text}
      </p>
    ) : null;

  const bannerView =
    banner?.kind === "error" ? (
      <ErrorAlert title={t("errorTitle")}>
        <AlertDescription>
          {banner.issue.code === "VALIDATION_ERROR"
            ? t("errorFields")
            : errorText(banner.issue.code)}
        </AlertDescription>
      </ErrorAlert>
    ) : banner?.kind === "saved" ? (
      <Alert variant="success" role="status">
        <CircleCheck aria-hidden />
        <AlertDescription>{t("saved")}</AlertDescription>
      </Alert>
    ) : null;

  if (!editing) {
    return (
      <div className="flex flex-col gap-4">
        <div aria-live="polite" className="empty:hidden">
          {bannerView}
        </div>
        <dl className="flex flex-col gap-3 text-sm">
          <Item label={t("name")} empty={t("none")}>
            {defaultValues.customerName ? <bdi>{defaultValues.customerName}</bdi> : null}
          </Item>
          <Item label={t("email")} empty={t("none")}>
            {defaultValues.customerEmail ? (
              <a
                href={`mailto:${defaultValues.customerEmail}`}
                className="break-all text-primary underline-offset-4 hover:underline"
              >
                <bdi dir="ltr">{defaultValues.customerEmail}</bdi>
              </a>
            ) : null}
          </Item>
          <Item label={t("phone")} empty={t("none")}>
            {defaultValues.customerPhone ? (
              <a
                href={`tel:${defaultValues.customerPhone}`}
                className="text-primary underline-offset-4 hover:underline"
              >
                <bdi dir="ltr">{formatPhone(defaultValues.customerPhone)}</bdi>
              </a>
            ) : null}
          </Item>
          <Item label={t("notes")} empty={t("noNotes")}>
            {defaultValues.notes ? (
              // plaintext: each line takes its own direction but keeps the page's alignment.
              <span className="block font-normal whitespace-pre-wrap [unicode-bidi:plaintext]">
                {defaultValues.notes}
              </span>
            ) : null}
          </Item>
        </dl>
        {readOnly ? null : (
          <Button
            ref={editRef}
            variant="outline"
            size="sm"
            className="self-start"
            onClick={startEditing}
          >
            <Pencil aria-hidden />
            {t("edit")}
          </Button>
        )}
      </div>
    );
  }

  const { ref: nameRef, ...nameField } = form.register("customerName");
  return (
    <form
      noValidate
      onSubmit={(event) => void form.handleSubmit(save)(event)}
      aria-label={t("formLabel")}
      aria-busy={isSubmitting}
      className="flex flex-col gap-4"
    >
      <div aria-live="polite" className="empty:hidden">
        {bannerView}
      </div>
      <fieldset disabled={isSubmitting} className="m-0 flex min-w-0 flex-col gap-4 border-0 p-0">
        <div className="flex flex-col gap-2">
          <Label htmlFor={`${id}-customerName`}>{t("name")}</Label>
          <Input
            {...fieldProps("customerName")}
            {...nameField}
            ref={(element) => {
              nameRef(element);
              firstFieldRef.current = element;
            }}
            maxLength={200}
            autoComplete="off"
            dir="auto"
          />
          {fieldError("customerName", t("errors.nameTooLong"))}
        </div>
        <div className="flex flex-col gap-2">
          <Label htmlFor={`${id}-customerEmail`}>{t("email")}</Label>
          <Input
            {...fieldProps("customerEmail")}
            {...form.register("customerEmail")}
            type="email"
            maxLength={320}
            autoComplete="off"
            dir="ltr"
          />
          {fieldError("customerEmail", t("errors.emailInvalid"))}
        </div>
        <div className="flex flex-col gap-2">
          <Label htmlFor={`${id}-customerPhone`}>{t("phone")}</Label>
          <Input
            {...fieldProps("customerPhone")}
            {...form.register("customerPhone")}
            type="tel"
            inputMode="tel"
            maxLength={40}
            autoComplete="off"
            placeholder="+966 5X XXX XXXX"
            dir="ltr"
            className="text-start"
          />
          {fieldError("customerPhone", t("errors.phoneInvalid"))}
        </div>
        <div className="flex flex-col gap-2">
          <Label htmlFor={`${id}-notes`}>{t("notes")}</Label>
          <Textarea
            {...fieldProps("notes")}
            {...form.register("notes")}
            rows={4}
            maxLength={5000}
            dir="auto"
          />
          {fieldError("notes", t("errors.notesTooLong"))}
        </div>
        <div className="flex flex-wrap gap-2">
          <Button type="submit" size="sm">
            {isSubmitting ? <Loader2 aria-hidden className="animate-spin" /> : <Save aria-hidden />}
            {isSubmitting ? t("saving") : t("save")}
          </Button>
          <Button type="button" variant="ghost" size="sm" onClick={stopEditing}>
            {t("cancel")}
          </Button>
        </div>
      </fieldset>
    </form>
  );
}

function Item({ label, empty, children }: { label: string; empty: string; children: ReactNode }) {
  return (
    <div className="flex flex-col gap-0.5">
      <dt className="text-muted-foreground">{label}</dt>
      <dd className="font-medium">
        {children ?? <span className="font-normal text-muted-foreground">{empty}</span>}
      </dd>
    </div>
  );
}
