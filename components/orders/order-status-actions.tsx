"use client";

import {
  Ban,
  CircleCheck,
  CreditCard,
  Loader2,
  PackageCheck,
  Truck,
  Undo2,
  type LucideIcon,
} from "lucide-react";
import { useTranslations } from "next-intl";
import { useEffect, useRef, useState, useTransition } from "react";
import { Alert, AlertDescription, ErrorAlert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import type { ActionResult } from "@/lib/admin/action-result";
import { useRouter } from "@/lib/admin/i18n/navigation";
import { TRANSITIONS, type OrderStatus } from "@/lib/orders/constants";
import { FulfilDialog } from "./fulfil-dialog";
import type { FulfilmentInput } from "./order-schemas";
import { needsConfirmation, REFUND_STATUSES } from "./status-rules";
import { useOrderErrorText } from "./use-order-error-text";

const ICONS: Partial<Record<OrderStatus, LucideIcon>> = {
  paid: CreditCard,
  fulfilled: Truck,
  completed: PackageCheck,
  cancelled: Ban,
  refunded: Undo2,
  partially_refunded: Undo2,
};

type Outcome = { kind: "done"; status: OrderStatus } | { kind: "error"; code: string };

interface OrderStatusActionsProps {
  number: string;
  /** The order's total, formatted, for the refund confirmation. */
  total: string;
  status: OrderStatus;
  /** Where this role may move the order next (TRANSITIONS filtered by role, on the server). */
  next: OrderStatus[];
  canWrite: boolean;
  onChange: (status: OrderStatus) => Promise<ActionResult<{ status: OrderStatus }>>;
  /** Fulfilling, with the carrier and tracking number the dialog asks for. */
  onFulfil: (shipment: FulfilmentInput) => Promise<ActionResult<{ status: OrderStatus }>>;
}

/**
 * The order's next steps as buttons. Moves forward run at once; cancelling and refunds, which
 * cannot be taken back, ask first in a dialog whose safe choice has the focus.
 */
export function OrderStatusActions({
  number,
  total,
  status,
  next,
  canWrite,
  onChange,
  onFulfil,
}: OrderStatusActionsProps) {
  const t = useTranslations("orders.actions");
  const tStatus = useTranslations("orders.status");
  const errorText = useOrderErrorText();
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [running, setRunning] = useState<OrderStatus | null>(null);
  const [confirming, setConfirming] = useState<OrderStatus | null>(null);
  const [fulfilling, setFulfilling] = useState(false);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const outcomeRef = useRef<HTMLDivElement>(null);

  // Success or not, the outcome takes focus: the button pressed is gone once the status moves,
  // and focus would otherwise fall back to the top of the page.
  useEffect(() => {
    if (outcome) outcomeRef.current?.focus();
  }, [outcome]);

  async function change(target: OrderStatus, shipment?: FulfilmentInput) {
    setRunning(target);
    setOutcome(null);
    const result = shipment ? await onFulfil(shipment) : await onChange(target);
    setConfirming(null);
    setFulfilling(false);
    setRunning(null);
    setOutcome(
      result.ok
        ? { kind: "done", status: result.data.status }
        : { kind: "error", code: result.error.code },
    );
    // Someone else moved the order meanwhile: show its current status and choices.
    if (!result.ok && result.error.code === "INVALID_TRANSITION") router.refresh();
  }

  const run = (target: OrderStatus) => startTransition(() => change(target));

  const forward = next.filter((s) => !needsConfirmation(s));
  const backward = next.filter((s) => needsConfirmation(s));

  return (
    <div className="flex flex-col gap-3">
      <div
        ref={outcomeRef}
        tabIndex={-1}
        aria-live="polite"
        className="max-w-2xl outline-none empty:hidden"
      >
        {outcome?.kind === "done" ? (
          <Alert variant="success" role="status">
            <CircleCheck aria-hidden />
            <AlertDescription>{t("done", { status: tStatus(outcome.status) })}</AlertDescription>
          </Alert>
        ) : outcome?.kind === "error" ? (
          <ErrorAlert title={t("failed")}>
            <AlertDescription>{errorText(outcome.code)}</AlertDescription>
          </ErrorAlert>
        ) : null}
      </div>

      {next.length === 0 ? (
        <p className="text-sm text-muted-foreground">
          {!canWrite
            ? t("readOnly")
            : TRANSITIONS[status].some((s) => REFUND_STATUSES.includes(s))
              ? t("refundOnly")
              : t("final", { status: tStatus(status) })}
        </p>
      ) : (
        <div className="flex flex-wrap gap-2">
          {forward.map((target, index) => (
            <ActionButton
              key={target}
              target={target}
              variant={index === 0 ? "default" : "outline"}
              label={t(`to.${target}`)}
              busy={running === target}
              disabled={pending}
              onClick={() => (target === "fulfilled" ? setFulfilling(true) : run(target))}
              haspopup={target === "fulfilled"}
            />
          ))}
          {backward.map((target) => (
            <ActionButton
              key={target}
              target={target}
              variant="outline"
              destructive
              label={t(`to.${target}`)}
              busy={false}
              disabled={pending}
              onClick={() => setConfirming(target)}
              haspopup
            />
          ))}
        </div>
      )}

      <FulfilDialog
        open={fulfilling}
        number={number}
        onClose={() => setFulfilling(false)}
        onConfirm={(shipment) => change("fulfilled", shipment)}
      />

      <ConfirmDialog
        open={confirming !== null}
        onClose={() => setConfirming(null)}
        tone="destructive"
        icon={confirming === "cancelled" ? <Ban /> : <Undo2 />}
        title={
          confirming
            ? t.rich(`confirm.${confirmKey(confirming)}.title`, {
                number,
                n: (chunks) => (
                  <bdi dir="ltr" className="whitespace-nowrap">
                    {chunks}
                  </bdi>
                ),
              })
            : ""
        }
        description={
          confirming ? t(`confirm.${confirmKey(confirming)}.description`, { number, total }) : null
        }
        cancelLabel={confirming ? t(`confirm.${confirmKey(confirming)}.keep`) : null}
        confirmLabel={confirming ? t(`confirm.${confirmKey(confirming)}.confirm`) : null}
        confirmIcon={confirming === "cancelled" ? <Ban aria-hidden /> : <Undo2 aria-hidden />}
        onConfirm={() => (confirming ? change(confirming) : undefined)}
      />
    </div>
  );
}

function confirmKey(status: OrderStatus): "cancel" | "refund" | "partialRefund" {
  if (status === "cancelled") return "cancel";
  return status === "refunded" ? "refund" : "partialRefund";
}

function ActionButton({
  target,
  variant,
  destructive = false,
  label,
  busy,
  disabled,
  onClick,
  haspopup = false,
}: {
  target: OrderStatus;
  variant: "default" | "outline";
  destructive?: boolean;
  label: string;
  busy: boolean;
  disabled: boolean;
  onClick: () => void;
  haspopup?: boolean;
}) {
  const Icon = ICONS[target] ?? CircleCheck;
  return (
    <Button
      variant={variant}
      className={destructive ? "text-destructive hover:bg-destructive-soft" : undefined}
      disabled={disabled}
      aria-busy={busy || undefined}
      aria-haspopup={haspopup ? "dialog" : undefined}
      onClick={onClick}
      data-status={target}
    >
      {busy ? <Loader2 aria-hidden className="animate-spin" /> : <Icon aria-hidden />}
      {label}
    </Button>
  );
}
