"use client";

import {
  PayPalButtons,
  PayPalScriptProvider,
  usePayPalScriptReducer,
} from "@paypal/react-paypal-js";
import { LoaderCircle } from "lucide-react";
import { useLocale, useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useRef, useState, useTransition } from "react";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { capturePayPalOrder, startPayPalOrder } from "../actions";
import { PaymentError, type PaymentProblem } from "./payment-error";

interface PayPalPaymentProps {
  token: string;
  clientId: string;
  mode: "sandbox" | "live";
  currency: string;
}

/** PayPal's JS SDK knows Arabic by one locale code (its locale codes reference). */
const PAYPAL_LOCALES = { en: "en_US", ar: "ar_EG" } as const;

/**
 * PayPal's buttons: the order is made and captured by our API (never in the browser), then the
 * page is read again and shows the receipt.
 */
export function PayPalPayment({ token, clientId, mode, currency }: PayPalPaymentProps) {
  const locale = useLocale();
  return (
    <PayPalScriptProvider
      options={{
        clientId,
        currency,
        intent: "capture",
        components: "buttons",
        locale: PAYPAL_LOCALES[locale],
        environment: mode === "live" ? "production" : "sandbox",
      }}
    >
      <Buttons token={token} />
    </PayPalScriptProvider>
  );
}

function Buttons({ token }: { token: string }) {
  const t = useTranslations("Checkout.pay");
  const router = useRouter();
  const [{ isPending, isRejected }] = usePayPalScriptReducer();
  const [problem, setProblem] = useState<PaymentProblem | null>(null);
  const [cancelled, setCancelled] = useState(false);
  const [capturing, setCapturing] = useState(false);
  const [refreshing, startRefresh] = useTransition();
  // PayPal calls onError after a createOrder that threw: keep the first, better worded, problem.
  const reported = useRef(false);
  const report = (next: PaymentProblem) => {
    if (reported.current) return;
    reported.current = true;
    setProblem(next);
  };

  if (isRejected) return <PaymentError problem="unavailable" />;
  return (
    <div className="flex flex-col gap-3" aria-busy={isPending || capturing || refreshing}>
      {isPending ? <Status label={t("paypalLoading")} /> : null}
      {capturing || refreshing ? <Status label={t("paypalCapturing")} /> : null}
      {problem ? <PaymentError problem={problem} /> : null}
      {cancelled ? (
        <Alert role="status">
          <AlertDescription className="col-start-1 col-end-3">
            {t("paypalCancelled")}
          </AlertDescription>
        </Alert>
      ) : null}
      <PayPalButtons
        style={{ layout: "vertical", label: "pay", shape: "rect", height: 44 }}
        disabled={capturing || refreshing}
        createOrder={async () => {
          reported.current = false;
          setProblem(null);
          setCancelled(false);
          const order = await startPayPalOrder(token);
          if (!order.ok) {
            if (order.error.code === "CHECKOUT_CLOSED") startRefresh(() => router.refresh());
            report(order.error.code === "UNAVAILABLE" ? "unavailable" : "generic");
            throw new Error(order.error.message);
          }
          return order.data.id;
        }}
        onApprove={async ({ orderID }) => {
          setCapturing(true);
          const captured = await capturePayPalOrder(token, { paypalOrderId: orderID });
          setCapturing(false);
          if (!captured.ok) {
            // The API's detail is English only; the worded problem says it all.
            report(captured.error.code === "PAYMENT_DECLINED" ? "paypal_declined" : "generic");
            return;
          }
          startRefresh(() => router.refresh());
        }}
        onCancel={() => setCancelled(true)}
        onError={() => report("generic")}
      />
    </div>
  );
}

function Status({ label }: { label: string }) {
  return (
    <p role="status" className="flex items-center gap-2 text-sm text-muted-foreground">
      <LoaderCircle aria-hidden className="size-4 animate-spin" />
      {label}
    </p>
  );
}
