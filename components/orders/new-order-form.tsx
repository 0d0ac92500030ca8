"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import {
  CircleAlert,
  ImageOff,
  Loader2,
  PackageSearch,
  Plus,
  Search,
  ShoppingCart,
  Trash2,
} from "lucide-react";
import { useFormatter, useLocale, useTranslations } from "next-intl";
import { useEffect, useId, useRef, useState, useTransition, type ReactNode } from "react";
import { useFieldArray, useForm, useWatch, type Resolver } from "react-hook-form";
import { z } from "zod";
import { displayName, ProductName } from "@/components/products/product-name";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { Textarea } from "@/components/ui/textarea";
import type { ActionIssue, ActionResult } from "@/lib/action-result";
import { cn } from "@/lib/cn";
import { useRouter } from "@/lib/admin/i18n/navigation";
import { MAX_MINOR, MoneyFormatError, toMajor, toMinor } from "@/lib/money";
import { lineAmounts, sumAmounts, type LineAmounts } from "@/lib/orders/totals";
import { NewOrderInput, type CreateOrderResult, type ProductOption } from "./order-schemas";
import { useErrorText } from "./use-error-text";

interface FormValues {
  items: { productId: string; quantity: string }[];
  customerEmail: string;
  customerName: string;
  notes: string;
}

/** Form strings to the API's input: empty means "not given", quantities become numbers. */
function toInput(values: FormValues) {
  return {
    items: values.items.map((item) => ({
      productId: item.productId,
      quantity: /^\d+$/.test(item.quantity.trim()) ? Number(item.quantity) : Number.NaN,
    })),
    customerEmail: values.customerEmail.trim() || undefined,
    customerName: values.customerName.trim() || undefined,
    notes: values.notes.trim() || undefined,
  };
}

const resolver: Resolver<FormValues, unknown, NewOrderInput> = zodResolver(
  z.preprocess((values) => toInput(values as FormValues), NewOrderInput) as unknown as z.ZodType<
    NewOrderInput,
    FormValues
  >,
);

interface NewOrderFormProps {
  /** The store's money rules, for the summary (the server computes the real totals). */
  store: { currency: string; vatRateBp: number; pricesIncludeVat: boolean };
  initialProducts: ProductOption[];
  searchProducts: (query: string) => Promise<ActionResult<ProductOption[]>>;
  onSubmit: (input: NewOrderInput) => Promise<CreateOrderResult>;
}

const SEARCH_DELAY_MS = 300;

/**
 * A manual order: pick products (searched on the server as the user pauses typing), set
 * quantities and the customer, and see an estimate of the totals under the store's VAT rule.
 */
export function NewOrderForm({ store, initialProducts, ...props }: NewOrderFormProps) {
  const t = useTranslations("orders.new");
  const errorText = useErrorText();
  const format = useFormatter();
  const locale = useLocale() as "en" | "ar";
  const router = useRouter();
  const id = useId();
  const [navigating, startNavigation] = useTransition();
  const [banner, setBanner] = useState<ActionIssue | null>(null);
  // Every product the form has seen, for the lines' names and prices; stock as last known.
  const [known, setKnown] = useState(() => new Map(initialProducts.map((p) => [p.id, p])));
  const bannerRef = useRef<HTMLDivElement>(null);

  const form = useForm<FormValues, unknown, NewOrderInput>({
    resolver,
    defaultValues: { items: [], customerEmail: "", customerName: "", notes: "" },
    mode: "onSubmit",
    reValidateMode: "onChange",
  });
  const { errors, isSubmitting } = form.formState;
  const lines = useFieldArray({ control: form.control, name: "items" });
  const watched = useWatch({ control: form.control, name: "items" });
  const pending = isSubmitting || navigating;

  useEffect(() => {
    if (banner) bannerRef.current?.focus();
  }, [banner]);

  const money = (amount: number, currency = store.currency) =>
    format.number(amount, { style: "currency", currency });
  const vatRate = format.number(store.vatRateBp / 10_000, {
    style: "percent",
    maximumFractionDigits: 2,
  });

  /**
   * Each line's amounts in minor units, by the same arithmetic as the server (display only);
   * "too_big" beyond the most an amount can be (docs/api.md "Limits"), which the server refuses.
   */
  const amounts: (LineAmounts | "too_big" | null)[] = (watched ?? []).map((item) => {
    const product = known.get(item.productId);
    const quantity = Number(item.quantity);
    if (!product || !Number.isInteger(quantity) || quantity < 1) return null;
    try {
      const unit = toMinor(product.price, product.currency);
      return lineAmounts(unit, quantity, store.vatRateBp, store.pricesIncludeVat);
    } catch (error) {
      if (error instanceof MoneyFormatError) return error.code === "too_big" ? "too_big" : null;
      throw error;
    }
  });
  let totals: LineAmounts | null = null;
  try {
    if (!amounts.includes("too_big"))
      totals = sumAmounts(amounts.filter((a): a is LineAmounts => a !== null && a !== "too_big"));
  } catch (error) {
    if (!(error instanceof MoneyFormatError)) throw error;
  }
  const major = (minor: number) => toMajor(minor, store.currency);
  const maxAmount = money(major(MAX_MINOR));

  function remember(products: ProductOption[]) {
    setKnown((current) => {
      const next = new Map(current);
      for (const product of products) next.set(product.id, product);
      return next;
    });
  }

  function addProduct(product: ProductOption) {
    remember([product]);
    const index = (watched ?? []).findIndex((item) => item.productId === product.id);
    if (index >= 0) {
      const quantity = Number(form.getValues(`items.${index}.quantity`)) || 0;
      form.setValue(`items.${index}.quantity`, String(quantity + 1), { shouldValidate: false });
      return;
    }
    lines.append({ productId: product.id, quantity: "1" }, { shouldFocus: false });
    form.clearErrors("items");
  }

  function showFailure(result: Extract<CreateOrderResult, { ok: false }>) {
    if ("stock" in result) {
      // Fresh stock numbers for every product on the order.
      setKnown((current) => {
        const next = new Map(current);
        for (const [productId, inventory] of Object.entries(result.stock)) {
          const product = next.get(productId);
          if (product) next.set(productId, { ...product, inventory });
        }
        return next;
      });
    }
    let first = true;
    for (const [field, issue] of Object.entries(result.fieldErrors)) {
      // A whole line ("items.0", its total too big) is marked on its quantity, the part to change.
      const match = /^items\.(\d+)(?:\.(productId|quantity))?$/.exec(field);
      const target = match
        ? (`items.${match[1]}.${match[2] ?? "quantity"}` as `items.${number}.quantity`)
        : (["customerEmail", "customerName", "notes", "items"] as const).find((f) => f === field);
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

  const lineError = (index: number): string | null => {
    const error = errors.items?.[index];
    const product = known.get(watched?.[index]?.productId ?? "");
    if (error?.productId) {
      const code = error.productId.type;
      if (code === "not_found") return t("errors.productGone");
      if (code === "not_available") return t("errors.productInactive");
      if (code === "currency_mismatch")
        return t("errors.currencyMismatch", {
          currency: product?.currency ?? "",
          storeCurrency: store.currency,
        });
      return t("errors.productInvalid");
    }
    if (amounts[index] === "too_big" || error?.quantity?.type === "too_big")
      return t("errors.lineTooBig", { max: maxAmount });
    if (error?.quantity) {
      if (error.quantity.type === "insufficient_stock")
        return product
          ? t("errors.insufficientStockLine", { available: product.inventory })
          : t("errors.insufficientStockUnknown");
      return t("errors.quantity");
    }
    return null;
  };

  const itemsError =
    errors.items?.root ?? (errors.items && !Array.isArray(errors.items) ? errors.items : null);

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
          <Alert variant="destructive" role="alert">
            <CircleAlert aria-hidden />
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
          </Alert>
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
              inOrder={new Set((watched ?? []).map((item) => item.productId))}
              money={money}
            />

            <Card>
              <CardHeader className="pb-4">
                <CardTitle className="text-base">{t("lines.title")}</CardTitle>
              </CardHeader>
              <CardContent className="flex flex-col gap-3">
                {lines.fields.length === 0 ? (
                  <div
                    className={cn(
                      "flex flex-col items-center gap-2 rounded-lg border border-dashed px-4 py-8 text-center text-sm text-muted-foreground",
                      itemsError ? "border-destructive" : "border-border",
                    )}
                  >
                    <ShoppingCart aria-hidden className="size-6" />
                    <p>{t("lines.empty")}</p>
                    {itemsError ? (
                      <p
                        id={`${id}-items-error`}
                        className="font-medium text-destructive"
                        role="alert"
                      >
                        {t("errors.noItems")}
                      </p>
                    ) : null}
                  </div>
                ) : (
                  <ul
                    aria-label={t("lines.title")}
                    className="flex flex-col divide-y divide-border"
                  >
                    {lines.fields.map((field, index) => {
                      const product = known.get(field.productId);
                      const name = product ? displayName(product.name, locale) : null;
                      const error = lineError(index);
                      const quantity = Number(watched?.[index]?.quantity);
                      const short =
                        product && Number.isInteger(quantity) && quantity > product.inventory;
                      const line = amounts[index];
                      const inputId = `${id}-qty-${index}`;
                      return (
                        <li
                          key={field.id}
                          className="grid grid-cols-[minmax(0,1fr)_auto] items-start gap-x-4 gap-y-2 py-3 first:pt-0 last:pb-0 sm:grid-cols-[minmax(0,1fr)_7rem_8rem_auto]"
                        >
                          <div className="flex min-w-0 flex-col gap-0.5">
                            <span className="font-medium">
                              {name ? <ProductName name={name} /> : field.productId}
                            </span>
                            <span className="text-xs text-muted-foreground">
                              {product ? (
                                <>
                                  {t("lines.unitPrice", {
                                    price: money(product.price, product.currency),
                                  })}
                                  {" · "}
                                  <span className={cn(short && "font-medium text-amber-800")}>
                                    {t("picker.stock", { count: product.inventory })}
                                  </span>
                                </>
                              ) : null}
                            </span>
                          </div>
                          <div className="col-start-1 row-start-2 flex flex-col gap-1 sm:col-start-2 sm:row-start-1">
                            <Label htmlFor={inputId} className="sr-only">
                              {t("lines.quantityFor", { name: name?.text ?? "" })}
                            </Label>
                            <Input
                              id={inputId}
                              type="number"
                              inputMode="numeric"
                              min={1}
                              max={100000}
                              step={1}
                              dir="ltr"
                              className="h-9 text-end"
                              aria-invalid={error ? true : undefined}
                              aria-describedby={error ? `${inputId}-error` : undefined}
                              {...form.register(`items.${index}.quantity`)}
                            />
                          </div>
                          <p className="col-start-2 row-start-1 pt-1 text-end font-medium whitespace-nowrap tabular-nums sm:col-start-3">
                            <span className="sr-only">{t("lines.lineTotal")}: </span>
                            {line && line !== "too_big"
                              ? money(major(store.pricesIncludeVat ? line.total : line.subtotal))
                              : "—"}
                          </p>
                          <Button
                            variant="ghost"
                            size="icon"
                            className="col-start-2 row-start-2 size-9 justify-self-end text-destructive hover:bg-destructive-soft sm:col-start-4 sm:row-start-1"
                            aria-label={t("lines.remove", { name: name?.text ?? "" })}
                            onClick={() => lines.remove(index)}
                          >
                            <Trash2 aria-hidden />
                          </Button>
                          {error ? (
                            <p
                              id={`${inputId}-error`}
                              className="col-span-full text-sm font-medium text-destructive"
                            >
                              {error}
                            </p>
                          ) : short ? (
                            <p className="col-span-full text-sm text-amber-800">
                              {t("lines.moreThanStock", { available: product?.inventory ?? 0 })}
                            </p>
                          ) : null}
                        </li>
                      );
                    })}
                  </ul>
                )}
              </CardContent>
            </Card>

            <Card>
              <CardHeader className="pb-4">
                <CardTitle className="text-base">{t("customer.title")}</CardTitle>
                <CardDescription>{t("customer.description")}</CardDescription>
              </CardHeader>
              <CardContent className="flex flex-col gap-4">
                <div className="grid gap-4 sm:grid-cols-2">
                  <Field
                    label={t("customer.email")}
                    htmlFor={`${id}-email`}
                    error={errors.customerEmail ? t("errors.emailInvalid") : null}
                  >
                    <Input
                      id={`${id}-email`}
                      type="email"
                      dir="ltr"
                      maxLength={320}
                      autoComplete="off"
                      aria-invalid={errors.customerEmail ? true : undefined}
                      aria-describedby={errors.customerEmail ? `${id}-email-error` : undefined}
                      {...form.register("customerEmail")}
                    />
                  </Field>
                  <Field
                    label={t("customer.name")}
                    htmlFor={`${id}-name`}
                    error={errors.customerName ? t("errors.nameTooLong") : null}
                  >
                    <Input
                      id={`${id}-name`}
                      dir="auto"
                      maxLength={200}
                      autoComplete="off"
                      aria-invalid={errors.customerName ? true : undefined}
                      aria-describedby={errors.customerName ? `${id}-name-error` : undefined}
                      {...form.register("customerName")}
                    />
                  </Field>
                </div>
                <Field
                  label={t("customer.notes")}
                  htmlFor={`${id}-notes`}
                  error={errors.notes ? t("errors.notesTooLong") : null}
                >
                  <Textarea
                    id={`${id}-notes`}
                    dir="auto"
                    rows={3}
                    maxLength={5000}
                    aria-invalid={errors.notes ? true : undefined}
                    aria-describedby={
                      [`${id}-notes-hint`, errors.notes ? `${id}-notes-error` : null]
                        .filter(Boolean)
                        .join(" ") || undefined
                    }
                    {...form.register("notes")}
                  />
                  <p id={`${id}-notes-hint`} className="text-xs text-muted-foreground">
                    {t("customer.notesHint")}
                  </p>
                </Field>
              </CardContent>
            </Card>
          </div>

          <Card className="lg:sticky lg:top-6">
            <CardHeader className="pb-4">
              <CardTitle className="text-base">{t("summary.title")}</CardTitle>
              <CardDescription>{t("summary.description")}</CardDescription>
            </CardHeader>
            <CardContent className="flex flex-col gap-4">
              <dl aria-live="polite" className="grid grid-cols-[1fr_auto] gap-x-6 gap-y-2 text-sm">
                <dt className="text-muted-foreground">{t("summary.items")}</dt>
                <dd className="text-end tabular-nums">
                  {format.number(
                    (watched ?? []).reduce((sum, item) => sum + (Number(item.quantity) || 0), 0),
                  )}
                </dd>
                <dt className="text-muted-foreground">{t("summary.subtotal")}</dt>
                <dd className="text-end tabular-nums">
                  {totals ? money(major(totals.subtotal)) : "—"}
                </dd>
                <dt className="text-muted-foreground">{t("summary.vat", { rate: vatRate })}</dt>
                <dd className="text-end tabular-nums">{totals ? money(major(totals.tax)) : "—"}</dd>
                <div className="col-span-2 grid grid-cols-subgrid border-t border-border pt-2 font-semibold">
                  <dt>{t("summary.total")}</dt>
                  <dd className="text-end tabular-nums">
                    {totals ? money(major(totals.total)) : "—"}
                  </dd>
                </div>
              </dl>
              {totals ? null : (
                <p className="text-sm font-medium text-destructive">
                  {t("errors.totalTooBig", { max: maxAmount })}
                </p>
              )}
              <p className="text-xs text-muted-foreground">
                {store.pricesIncludeVat
                  ? t("summary.includesVat", { rate: vatRate })
                  : t("summary.excludesVat", { rate: vatRate })}
              </p>
              <Button type="submit" className="w-full">
                {pending ? <Loader2 aria-hidden className="animate-spin" /> : <Plus aria-hidden />}
                {pending ? t("creating") : t("create")}
              </Button>
            </CardContent>
          </Card>
        </div>
      </fieldset>
    </form>
  );
}

/** Search and add products; the search runs on the server, after a pause in typing. */
function ProductPicker({
  initialProducts,
  search,
  storeCurrency,
  onFound,
  onAdd,
  inOrder,
  money,
}: {
  initialProducts: ProductOption[];
  search: (query: string) => Promise<ActionResult<ProductOption[]>>;
  storeCurrency: string;
  onFound: (products: ProductOption[]) => void;
  onAdd: (product: ProductOption) => void;
  inOrder: ReadonlySet<string>;
  money: (amount: number, currency?: string) => string;
}) {
  const t = useTranslations("orders.new.picker");
  const errorText = useErrorText();
  const locale = useLocale() as "en" | "ar";
  const id = useId();
  const [query, setQuery] = useState("");
  const [results, setResults] = useState(initialProducts);
  const [failed, setFailed] = useState<string | null>(null);
  const [searching, startSearch] = useTransition();
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  // Only the latest search may fill the list; an older, slower answer is dropped.
  const latest = useRef(0);

  useEffect(() => () => clearTimeout(timer.current), []);

  function runSearch(value: string) {
    const ticket = ++latest.current;
    startSearch(async () => {
      const result = await search(value.trim());
      if (ticket !== latest.current) return;
      if (result.ok) {
        setResults(result.data);
        setFailed(null);
        onFound(result.data);
      } else {
        setFailed(result.error.code);
      }
    });
  }

  return (
    <Card>
      <CardHeader className="pb-4">
        <CardTitle className="text-base">{t("title")}</CardTitle>
        <CardDescription>{t("description")}</CardDescription>
      </CardHeader>
      <CardContent className="flex flex-col gap-3">
        <div className="flex flex-col gap-2">
          <Label htmlFor={`${id}-q`}>{t("search")}</Label>
          <div className="relative">
            <Search
              aria-hidden
              className="pointer-events-none absolute start-3 top-1/2 size-4 -translate-y-1/2 text-muted-foreground"
            />
            <Input
              id={`${id}-q`}
              type="search"
              value={query}
              placeholder={t("placeholder")}
              maxLength={200}
              autoComplete="off"
              dir="auto"
              className="ps-9 pe-9"
              aria-controls={`${id}-results`}
              aria-describedby={`${id}-count`}
              onChange={(event) => {
                const value = event.currentTarget.value;
                setQuery(value);
                clearTimeout(timer.current);
                timer.current = setTimeout(() => runSearch(value), SEARCH_DELAY_MS);
              }}
              onKeyDown={(event) => {
                // Enter searches now; it must not submit the whole order.
                if (event.key === "Enter") {
                  event.preventDefault();
                  clearTimeout(timer.current);
                  runSearch(query);
                }
              }}
            />
            {searching ? (
              <Loader2
                aria-hidden
                className="absolute end-3 top-1/2 size-4 -translate-y-1/2 animate-spin text-muted-foreground"
              />
            ) : null}
          </div>
        </div>
        <p id={`${id}-count`} aria-live="polite" className="text-xs text-muted-foreground">
          {failed
            ? errorText(failed)
            : results.length === 0
              ? query.trim()
                ? t("noMatches")
                : t("noProducts")
              : t("count", { count: results.length })}
        </p>
        {results.length > 0 ? (
          <ul
            id={`${id}-results`}
            aria-label={t("results")}
            aria-busy={searching}
            className="flex max-h-80 flex-col divide-y divide-border overflow-y-auto rounded-lg border border-border"
          >
            {results.map((product) => {
              const name = displayName(product.name, locale);
              const otherCurrency = product.currency !== storeCurrency;
              const outOfStock = product.inventory <= 0;
              const added = inOrder.has(product.id);
              return (
                <li key={product.id} className="flex items-center gap-3 px-3 py-2">
                  <Thumbnail src={product.image} />
                  <div className="flex min-w-0 flex-1 flex-col gap-0.5">
                    <span className="text-sm font-medium">
                      <ProductName name={name} />
                    </span>
                    <span className="flex flex-wrap gap-x-2 text-xs text-muted-foreground">
                      {product.sku ? (
                        <bdi dir="ltr" className="font-mono">
                          {product.sku}
                        </bdi>
                      ) : null}
                      <span className="tabular-nums">{money(product.price, product.currency)}</span>
                      <span className={cn(outOfStock && "font-medium text-destructive")}>
                        {outOfStock ? t("outOfStock") : t("stock", { count: product.inventory })}
                      </span>
                    </span>
                    {otherCurrency ? (
                      <span className="text-xs text-muted-foreground">
                        {t("otherCurrency", { currency: product.currency })}
                      </span>
                    ) : null}
                  </div>
                  <Button
                    variant={added ? "secondary" : "outline"}
                    size="sm"
                    disabled={otherCurrency || outOfStock}
                    aria-label={t(added ? "addAnother" : "add", { name: name.text })}
                    onClick={() => onAdd(product)}
                  >
                    <Plus aria-hidden />
                    <span aria-hidden>{t("addShort")}</span>
                  </Button>
                </li>
              );
            })}
          </ul>
        ) : (
          <div className="flex flex-col items-center gap-2 rounded-lg border border-dashed border-border px-4 py-6 text-center text-sm text-muted-foreground">
            <PackageSearch aria-hidden className="size-6" />
            <span>{query.trim() ? t("noMatchesHint") : t("noProductsHint")}</span>
          </div>
        )}
      </CardContent>
    </Card>
  );
}

function Thumbnail({ src }: { src: string | null }) {
  if (!src) {
    return (
      <span
        aria-hidden
        className="flex size-9 shrink-0 items-center justify-center rounded-md bg-muted text-muted-foreground"
      >
        <ImageOff className="size-4" />
      </span>
    );
  }
  return (
    // Uploaded files come from the Store API with long-lived caching; the image optimiser would
    // only fetch them from this same server again.
    // eslint-disable-next-line @next/next/no-img-element
    <img
      src={src}
      alt=""
      width={36}
      height={36}
      loading="lazy"
      decoding="async"
      className="size-9 shrink-0 rounded-md border border-border bg-muted object-cover"
    />
  );
}

function Field({
  label,
  htmlFor,
  error,
  children,
}: {
  label: string;
  htmlFor: string;
  error: string | null;
  children: ReactNode;
}) {
  return (
    <div className="flex min-w-0 flex-col gap-2">
      <Label htmlFor={htmlFor}>{label}</Label>
      {children}
      {error ? (
        <p id={`${htmlFor}-error`} className="text-sm text-destructive">
          {error}
        </p>
      ) : null}
    </div>
  );
}
