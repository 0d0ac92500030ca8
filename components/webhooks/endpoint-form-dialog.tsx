"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { Save, Webhook } from "lucide-react";
import { useTranslations } from "next-intl";
import { useEffect, useId, useMemo, useState } from "react";
import { useForm, useWatch } from "react-hook-form";
import { z } from "zod";
import { AlertDescription, ErrorAlert } from "@/components/ui/alert";
import { Dialog, DialogActions, DialogClose } from "@/components/ui/dialog";
import { Form, FormField } from "@/components/ui/form";
import { Input } from "@/components/ui/input";
import { SubmitButton } from "@/components/ui/submit-button";
import { Textarea } from "@/components/ui/textarea";
import type { ActionIssue, ActionResult } from "@/lib/admin/action-result";
import { cn } from "@/lib/cn";
import { EVENT_GROUPS, eventKey } from "./events";
import { useWebhookErrorText } from "./use-webhook-error-text";

export interface EndpointFormValues {
  url: string;
  description: string;
  enabled: boolean;
  events: string[];
}

const EMPTY: EndpointFormValues = { url: "", description: "", enabled: true, events: ["*"] };

/** Create (no `endpoint`) or edit one endpoint: URL, description, on/off and its events. */
export function EndpointFormDialog<T>({
  open,
  endpoint,
  onClose,
  submit,
  onDone,
}: {
  open: boolean;
  /** The endpoint being edited; null to create one. */
  endpoint: ({ id: string } & EndpointFormValues) | null;
  onClose: () => void;
  /** The server action: create, or update `endpoint`. */
  submit: (values: EndpointFormValues) => Promise<ActionResult<T>>;
  onDone: (data: T) => void;
}) {
  const t = useTranslations("webhooks.form");
  const errorText = useWebhookErrorText();
  const id = useId();
  const [error, setError] = useState<ActionIssue | null>(null);

  const schema = useMemo(
    () =>
      z.object({
        url: z
          .string()
          .trim()
          .min(1, t("urlRequired"))
          .max(2048, t("urlInvalid"))
          .refine((value) => {
            try {
              return ["https:", "http:"].includes(new URL(value).protocol);
            } catch {
              return false;
            }
          }, t("urlInvalid")),
        description: z.string().trim().max(500, t("descriptionTooLong")),
        enabled: z.boolean(),
        events: z.array(z.string()).min(1, t("eventsRequired")),
      }),
    [t],
  );
  const defaults = endpoint ?? EMPTY;
  const form = useForm<EndpointFormValues>({
    resolver: zodResolver(schema),
    defaultValues: defaults,
  });
  const { errors, isSubmitting, isSubmitted } = form.formState;
  const events = useWatch({ control: form.control, name: "events" });
  const all = events.includes("*");

  // Each opening starts from the endpoint being edited (or an empty form).
  useEffect(() => {
    if (open) form.reset(endpoint ?? EMPTY);
  }, [open, endpoint, form]);

  function setEvents(next: string[]) {
    form.setValue("events", next, { shouldValidate: isSubmitted, shouldDirty: true });
  }
  function toggle(event: string, checked: boolean) {
    const set = new Set(events.filter((e) => e !== "*"));
    if (checked) set.add(event);
    else set.delete(event);
    setEvents([...set]);
  }

  const onSubmit = form.handleSubmit(async (values) => {
    setError(null);
    const input = { ...values, events: values.events.includes("*") ? ["*"] : values.events };
    const result = await submit(input);
    if (result.ok) {
      onDone(result.data);
      return;
    }
    const urlError = result.fieldErrors.url;
    if (urlError) {
      form.setError("url", {
        message: urlError.code === "unsafe_url" ? t("unsafeUrl") : t("urlInvalid"),
      });
    } else setError(result.error);
  });

  return (
    <Dialog
      open={open}
      onClose={() => {
        setError(null);
        onClose();
      }}
      busy={isSubmitting}
      icon={<Webhook />}
      title={endpoint ? t("editTitle") : t("createTitle")}
      description={t("description")}
      size="lg"
    >
      <Form {...form}>
        <form
          noValidate
          onSubmit={onSubmit}
          className="flex flex-col gap-5"
          aria-busy={isSubmitting}
        >
          {error ? (
            <ErrorAlert title={t("errorTitle")}>
              <AlertDescription>{errorText(error)}</AlertDescription>
            </ErrorAlert>
          ) : null}

          <FormField name="url" label={t("url")} hint={t("urlHint")}>
            <Input
              type="url"
              dir="ltr"
              inputMode="url"
              autoComplete="off"
              spellCheck={false}
              placeholder="https://example.com/webhooks/brainsait"
              className="font-mono"
              {...form.register("url")}
            />
          </FormField>

          <FormField name="description" label={t("descriptionLabel")} hint={t("descriptionHint")}>
            <Textarea rows={2} className="min-h-16" {...form.register("description")} />
          </FormField>

          <label className="flex cursor-pointer items-start gap-3 rounded-lg border border-border p-3 text-sm">
            <input
              type="checkbox"
              className="mt-0.5 size-4 accent-primary"
              aria-describedby={`${id}-enabled-hint`}
              {...form.register("enabled")}
            />
            <span className="flex flex-col gap-0.5">
              <span className="font-medium">{t("enabled")}</span>
              <span id={`${id}-enabled-hint`} className="text-muted-foreground">
                {t("enabledHint")}
              </span>
            </span>
          </label>

          <fieldset
            className="flex flex-col gap-3"
            aria-describedby={errors.events ? `${id}-events-error` : `${id}-events-hint`}
          >
            <legend className="mb-2 text-sm leading-none font-medium">{t("events")}</legend>
            <p id={`${id}-events-hint`} className="text-xs text-muted-foreground">
              {t("eventsHint")}
            </p>
            <label
              className={cn(
                "flex cursor-pointer items-start gap-3 rounded-lg border p-3 text-sm transition-colors",
                all ? "border-primary bg-primary-soft" : "border-border hover:bg-muted",
              )}
            >
              <input
                type="checkbox"
                checked={all}
                onChange={(event) => setEvents(event.currentTarget.checked ? ["*"] : [])}
                className="mt-0.5 size-4 accent-primary"
              />
              <span className="flex flex-col gap-0.5">
                <span className="font-medium">{t("allEvents")}</span>
                <span className="text-muted-foreground">{t("allEventsHint")}</span>
              </span>
            </label>
            <EventPicker selected={events} disabled={all} onToggle={toggle} />
            {errors.events?.message ? (
              <p id={`${id}-events-error`} className="text-sm text-destructive">
                {errors.events.message}
              </p>
            ) : null}
          </fieldset>

          <DialogActions>
            <DialogClose disabled={isSubmitting}>{t("cancel")}</DialogClose>
            <SubmitButton
              pending={isSubmitting}
              icon={<Save aria-hidden />}
              pendingLabel={t("submitting")}
            >
              {endpoint ? t("submitEdit") : t("submitCreate")}
            </SubmitButton>
          </DialogActions>
        </form>
      </Form>
    </Dialog>
  );
}

/** The events grouped by resource; with "all events" on, every box shows checked and locked. */
function EventPicker({
  selected,
  disabled,
  onToggle,
}: {
  selected: string[];
  disabled: boolean;
  onToggle: (event: string, checked: boolean) => void;
}) {
  const tGroup = useTranslations("webhooks.groups");
  const tEvent = useTranslations("webhooks.eventNames");
  return (
    <div className="grid gap-3 sm:grid-cols-2">
      {EVENT_GROUPS.map((group) => (
        <fieldset
          key={group.key}
          disabled={disabled}
          className="flex flex-col gap-2 rounded-lg border border-border p-3"
        >
          <legend className="px-1 text-sm font-medium">{tGroup(group.key)}</legend>
          {group.events.map((event) => (
            <label
              key={event}
              className={cn(
                "flex items-start gap-2 text-sm",
                disabled ? "text-muted-foreground" : "cursor-pointer",
              )}
            >
              <input
                type="checkbox"
                checked={disabled || selected.includes(event)}
                onChange={(e) => onToggle(event, e.currentTarget.checked)}
                className="mt-0.5 size-4 shrink-0 accent-primary"
              />
              <span className="flex min-w-0 flex-col">
                <span>{tEvent(eventKey(event) as "order_created")}</span>
                <code dir="ltr" className="self-start font-mono text-xs text-muted-foreground">
                  {event}
                </code>
              </span>
            </label>
          ))}
        </fieldset>
      ))}
    </div>
  );
}
