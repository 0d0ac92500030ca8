"use client";

import { useTranslations } from "next-intl";
import { useDisplayFormatter } from "@/lib/admin/format/client";
import { useEffect, useId, useRef, useState, useTransition } from "react";
import { useFieldArray, useForm, useWatch } from "react-hook-form";
import { AlertDescription, AlertTitle, ErrorAlert } from "@/components/ui/alert";
import type { ActionIssue, ActionResult } from "@/lib/admin/action-result";
import { useRouter } from "@/lib/admin/i18n/navigation";
import { MAX_MINOR, toMajor } from "@/lib/money";
import { useUnsavedChanges } from "@/components/ui/use-unsaved-changes";
import type { CreateOrderResult, NewOrderInput, ProductOption } from "../order-schemas";
import { useOrderErrorText } from "../use-order-error-text";
import { CustomerSection } from "./customer-section";
import { DeliverySection } from "./delivery-section";
import { estimate, type StoreMoney } from "./estimate";
import { defaultValues, resolver, type FormValues } from "./form-values";
import { LinesSection } from "./lines-section";
import { ProductPicker } from "./product-picker";
import { SummarySection } from "./summary-section";

/** The form's fields the API can name in a refusal (formFieldName of its snake_case field). */
const FIELDS = [
  "customerEmail",
  "customerName",
  "customerPhone",
  "shippingAddress.city",
  "shippingAddress.district",
  "shippingAddress.street",
  "shippingAddress.buildingNumber",
  "shippingAddress.postalCode",
  "shippingAddress.shortCode",
  "paymentMethod",
  "discount",
  "shipping",
  "notes",
  "items",
] as const;

interface NewOrderFormProps {
  /** The store's money rules, for the summary (the server computes the real totals). */
  store: StoreMoney;
  initialProducts: ProductOption[];
  searchProducts: (query: string) => Promise<ActionResult<ProductOption[]>>;
  onSubmit: (input: NewOrderInput) => Promise<CreateOrderResult>;
}

/**
 * A manual order: pick products (searched on the server as the user pauses typing), set
 * quantities and the customer, and see an estimate of the totals under the store's VAT rule.
 */
export function NewOrderForm({ store, initialProducts, ...props }: NewOrderFormProps) {
  const t = useTranslations("orders.new");
  const errorText = useOrderErrorText();
  const format = useDisplayFormatter();
  const router = useRouter();
  const id = useId();
  const [navigating, startNavigation] = useTransition();
  const [banner, setBanner] = useState<ActionIssue | null>(null);
  // Every product the form has seen, for the lines' names and prices; stock as last known.
  const [known, setKnown] = useState(() => new Map(initialProducts.map((p) => [p.id, p])));
  const bannerRef = useRef<HTMLDivElement>(null);

  const form = useForm<FormValues, unknown, NewOrderInput>({
    resolver,
    defaultValues,
    mode: "onSubmit",
    reValidateMode: "onChange",
  });
  const lines = useFieldArray({ control: form.control, name: "items" });
  const watched = useWatch({ control: form.control, name: "items" }) ?? [];
  const pending = form.formState.isSubmitting || navigating;
  const tCommon = useTranslations("Common");
  useUnsavedChanges(form.formState.isDirty && !pending, tCommon("unsavedChanges"));

  useEffect(() => {
    if (banner) bannerRef.current?.focus();
  }, [banner]);

  const money = (amount: number, currency = store.currency) =>
    format.number(amount, { style: "currency", currency });
  const major = (minor: number) => toMajor(minor, store.currency);
  const maxAmount = money(major(MAX_MINOR));
  const [discountText = "", shippingText = ""] = useWatch({
    control: form.control,
    name: ["discount", "shipping"],
  });
  const {
    lines: estimates,
    totals,
    ...adjust
  } = estimate(watched, known, store, { discount: discountText, shipping: shippingText });

  function remember(products: ProductOption[], stock: Record<string, number> = {}) {
    setKnown((current) => {
      const next = new Map(current);
      for (const product of products) next.set(product.id, product);
      // Fresh stock numbers, after the server refused the order for stock.
      for (const [productId, inventory] of Object.entries(stock)) {
        const product = next.get(productId);
        if (product) next.set(productId, { ...product, inventory });
      }
      return next;
    });
  }

  function addProduct(product: ProductOption) {
    remember([product]);
    const index = watched.findIndex((item) => item.productId === product.id);
    if (index >= 0) {
      const quantity = Number(form.getValues(`items.${index}.quantity`)) || 0;
      form.setValue(`items.${index}.quantity`, String(quantity + 1), { shouldValidate: false });
      return;
    }
    lines.append({ productId: product.id, quantity: "1" }, { shouldFocus: false });
    form.clearErrors("items");
  }

  function showFailure(result: Extract<CreateOrderResult, { ok: false }>) {
    if ("stock" in result) remember([], result.stock);
    let first = true;
    for (const [field, issue] of Object.entries(result.fieldErrors)) {
      // A whole line ("items.0", its total too big) is marked on its quantity, the part to change.
      const match = /^items\.(\d+)(?:\.(productId|quantity))?$/.exec(field);
      const target = match
        ? (`items.${match[1]}.${match[2] ?? "quantity"}` as `items.${number}.quantity`)
        : FIELDS.find((f) => f === field);
      if (!target) continue;
      form.setError(target, { type: issue.code, message: issue.message }, { shouldFocus: first });
      first = false;
    }
    setBanner(result.error);
  }

  const onSubmit = form.handleSubmit(async (input) => {
    setBanner(null);
    const result = await props.onSubmit(input);
    if (!result.ok) {
      showFailure(result);
      return;
    }
    startNavigation(() => router.push(`/orders/${result.data.id}?created=1`));
  });

  return (
    <form
      noValidate
      onSubmit={onSubmit}
      aria-busy={pending}
      aria-labelledby={`${id}-legend`}
      className="flex flex-col gap-6"
    >
      <div ref={bannerRef} tabIndex={-1} className="outline-none empty:hidden">
        {banner ? (
          <ErrorAlert>
            <AlertTitle>
              {banner.code === "INSUFFICIENT_STOCK" ? t("errors.stockTitle") : t("errors.title")}
            </AlertTitle>
            <AlertDescription>
              {banner.code === "INSUFFICIENT_STOCK"
                ? t("errors.stockDescription")
                : banner.code === "VALIDATION_ERROR"
                  ? t("errors.fields")
                  : errorText(banner.code)}
            </AlertDescription>
          </ErrorAlert>
        ) : null}
      </div>

      <fieldset disabled={pending} className="m-0 min-w-0 border-0 p-0">
        <legend id={`${id}-legend`} className="sr-only">
          {t("legend")}
        </legend>
        <div className="grid items-start gap-6 lg:grid-cols-[minmax(0,1fr)_22rem]">
          <div className="flex min-w-0 flex-col gap-6">
            <ProductPicker
              initialProducts={initialProducts}
              search={props.searchProducts}
              storeCurrency={store.currency}
              onFound={remember}
              onAdd={addProduct}
              inOrder={new Set(watched.map((item) => item.productId))}
              money={money}
            />
            <LinesSection
              form={form}
              lines={lines}
              known={known}
              estimates={estimates}
              store={store}
              money={money}
              major={major}
              maxAmount={maxAmount}
            />
            <CustomerSection form={form} />
            <DeliverySection
              form={form}
              currency={store.currency}
              discountTooBig={adjust.discountTooBig}
            />
          </div>
          <SummarySection
            store={store}
            itemCount={watched.reduce((sum, item) => sum + (Number(item.quantity) || 0), 0)}
            totals={totals}
            discount={adjust.discount}
            shipping={adjust.shipping}
            discountTooBig={adjust.discountTooBig}
            money={money}
            major={major}
            maxAmount={maxAmount}
            pending={pending}
          />
        </div>
      </fieldset>
    </form>
  );
}
