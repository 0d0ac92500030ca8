"use client";

import { Elements, PaymentElement, useElements, useStripe } from "@stripe/react-stripe-js";
import { loadStripe, type Stripe, type StripeError } from "@stripe/stripe-js";
import { CreditCard, LoaderCircle, Lock } from "lucide-react";
import { useLocale, useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useEffect, useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { startStripePayment } from "../actions";
import { PaymentError, problemOf } from "./payment-error";

interface StripePaymentProps {
  token: string;
  publishableKey: string;
  /** What the button says is paid, already formatted. */
  amount: string;
}

type Setup =
  | { status: "loading" }
  | { status: "ready"; stripe: Stripe; clientSecret: string }
  | { status: "failed" };

/**
 * Stripe's Payment Element, in the page's language: the PaymentIntent (from our API) and Stripe.js
 * load side by side; card details go from Stripe's frame to Stripe, never through our server.
 */
export function StripePayment({ token, publishableKey, amount }: StripePaymentProps) {
  const t = useTranslations("Checkout.pay");
  const locale = useLocale();
  const [attempt, setAttempt] = useState(0);
  const [setup, setSetup] = useState<Setup>({ status: "loading" });
  const router = useRouter();

  useEffect(() => {
    let current = true;
    Promise.all([loadStripe(publishableKey, { locale }), startStripePayment(token)])
      .then(([stripe, intent]) => {
        if (!current) return;
        // Paid, cancelled or expired since the page was read: show that page instead.
        if (!intent.ok && intent.error.code === "CHECKOUT_CLOSED") return router.refresh();
        setSetup(
          stripe && intent.ok
            ? { status: "ready", stripe, clientSecret: intent.data.clientSecret }
            : { status: "failed" },
        );
      })
      .catch(() => current && setSetup({ status: "failed" }));
    return () => {
      current = false;
    };
  }, [token, publishableKey, locale, attempt, router]);

  return (
    <section aria-labelledby="checkout-card-title" className="flex flex-col gap-4">
      <header className="flex flex-col gap-1">
        <h3 id="checkout-card-title" className="flex items-center gap-2 font-semibold">
          <CreditCard aria-hidden className="size-4 text-muted-foreground" />
          {t("card")}
        </h3>
        <p className="flex items-center gap-1.5 text-xs text-muted-foreground">
          <Lock aria-hidden className="size-3" />
          {t("cardHint")}
        </p>
      </header>
      {setup.status === "ready" ? (
        <Elements
          stripe={setup.stripe}
          options={{
            clientSecret: setup.clientSecret,
            locale,
            appearance: {
              theme: "stripe",
              variables: { colorPrimary: "#0f766e", borderRadius: "6px" },
            },
          }}
        >
          <CardForm amount={amount} />
        </Elements>
      ) : setup.status === "loading" ? (
        <Loading label={t("loading")} />
      ) : (
        <div className="flex flex-col items-start gap-3">
          <PaymentError problem="unavailable" />
          <Button
            variant="outline"
            onClick={() => {
              setSetup({ status: "loading" });
              setAttempt((n) => n + 1);
            }}
          >
            {t("retry")}
          </Button>
        </div>
      )}
    </section>
  );
}

function CardForm({ amount }: { amount: string }) {
  const t = useTranslations("Checkout.pay");
  const stripe = useStripe();
  const elements = useElements();
  const [ready, setReady] = useState(false);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<StripeError | null>(null);

  async function pay(event: FormEvent) {
    event.preventDefault();
    if (!stripe || !elements) return;
    setPending(true);
    setError(null);
    const here = window.location.pathname.replace(/\/+$/, "");
    const { error } = await stripe.confirmPayment({
      elements,
      confirmParams: { return_url: new URL(`${here}/return`, window.location.origin).href },
    });
    // Only reached when the payment failed: otherwise Stripe has gone on to return_url.
    setError(error);
    setPending(false);
  }

  return (
    <form onSubmit={pay} aria-busy={pending} className="flex flex-col gap-4">
      <PaymentElement
        options={{ layout: "tabs" }}
        onReady={() => setReady(true)}
        onLoadError={() => setError({ type: "api_error" } as StripeError)}
      />
      {ready ? null : <Loading label={t("loading")} />}
      {/* The Element words its own field errors beside the fields. */}
      {error && error.type !== "validation_error" ? (
        <PaymentError problem={problemOf(error.code)} provider="Stripe" message={error.message} />
      ) : null}
      <Button type="submit" size="lg" disabled={!ready || pending || !stripe}>
        {pending ? <LoaderCircle aria-hidden className="animate-spin" /> : null}
        {pending ? t("submitting") : t("submit", { amount })}
      </Button>
    </form>
  );
}

function Loading({ label }: { label: string }) {
  return (
    <p role="status" className="flex items-center gap-2 text-sm text-muted-foreground">
      <LoaderCircle aria-hidden className="size-4 animate-spin" />
      {label}
    </p>
  );
}
