"use client";

import { Truck } from "lucide-react";
import { useTranslations } from "next-intl";
import { useId, useRef, useState, type FormEvent } from "react";
import { Dialog, DialogActions, DialogClose } from "@/components/ui/dialog";
import { FormField } from "@/components/ui/form";
import { Input } from "@/components/ui/input";
import { SubmitButton } from "@/components/ui/submit-button";
import type { FulfilmentInput } from "./order-schemas";

/**
 * Marking an order fulfilled: the carrier and tracking number, both optional, go with it and
 * show on the order and in its timeline.
 */
export function FulfilDialog({
  open,
  number,
  onClose,
  onConfirm,
}: {
  open: boolean;
  number: string;
  onClose: () => void;
  onConfirm: (shipment: FulfilmentInput) => Promise<void>;
}) {
  const t = useTranslations("orders.actions.fulfil");
  const id = useId();
  const carrierRef = useRef<HTMLInputElement>(null);
  const [pending, setPending] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const text = (name: string) => String(data.get(name) ?? "").trim() || undefined;
    setPending(true);
    try {
      await onConfirm({ carrier: text("carrier"), trackingNumber: text("trackingNumber") });
    } finally {
      setPending(false);
    }
  }

  return (
    <Dialog
      open={open}
      onClose={onClose}
      busy={pending}
      icon={<Truck />}
      initialFocus={carrierRef}
      title={t.rich("title", {
        number,
        n: (chunks) => (
          <bdi dir="ltr" className="whitespace-nowrap">
            {chunks}
          </bdi>
        ),
      })}
      description={t("description")}
    >
      <form id={id} onSubmit={submit} className="flex flex-col gap-4">
        <FormField label={t("carrier")} hint={t("carrierHint")}>
          <Input ref={carrierRef} name="carrier" dir="auto" maxLength={100} autoComplete="off" />
        </FormField>
        <FormField label={t("trackingNumber")}>
          <Input
            name="trackingNumber"
            dir="ltr"
            maxLength={100}
            autoComplete="off"
            className="text-start"
          />
        </FormField>
        <DialogActions>
          <DialogClose disabled={pending}>{t("cancel")}</DialogClose>
          <SubmitButton pending={pending} icon={<Truck aria-hidden />} pendingLabel={t("saving")}>
            {t("confirm")}
          </SubmitButton>
        </DialogActions>
      </form>
    </Dialog>
  );
}
