"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import {
  ArrowLeft,
  CircleAlert,
  CircleCheck,
  ImagePlus,
  Loader2,
  Save,
  Trash2,
  X,
} from "lucide-react";
import { useLocale, useTranslations } from "next-intl";
import { useEffect, useId, useRef, useState, useTransition, type ReactNode } from "react";
import {
  useController,
  useForm,
  useWatch,
  type FieldError,
  type FieldErrors,
  type Resolver,
} from "react-hook-form";
import { z } from "zod";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { Button, buttonVariants } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { FilePicker } from "@/components/ui/file-picker";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { NativeSelect } from "@/components/ui/native-select";
import { Textarea } from "@/components/ui/textarea";
import type { ActionIssue, ActionResult } from "@/lib/action-result";
import { cn } from "@/lib/cn";
import { Link, useRouter } from "@/lib/admin/i18n/navigation";
import { currencyExponent, MoneyFormatError, toMinor } from "@/lib/money";
import { PRODUCT_STATUSES, ProductCreate } from "@/lib/products/contract";
import type { Product } from "@/lib/sdk";
import { DeleteProductDialog } from "./delete-product-dialog";
import { IMAGE_TYPES, MAX_IMAGE_BYTES, MAX_IMAGES } from "./product-limits";
import type { DisplayName } from "./product-name";
import { productFormValues, type ProductFormValues } from "./product-form-values";
import { useErrorText } from "./use-error-text";
import { useHydrated } from "./use-hydrated";
import { productIssueText } from "./issue-text";

type ProductInput = z.output<typeof ProductCreate>;

/** Form strings to the API's input: empty means "none", numbers become numbers. */
function toInput(values: ProductFormValues) {
  const price = values.price.trim();
  const inventory = values.inventory.trim();
  return {
    name: { en: values.name.en, ar: values.name.ar },
    description: { en: values.description.en, ar: values.description.ar },
    price: price === "" ? undefined : price,
    currency: values.currency,
    category: values.category.trim() || null,
    tags: values.tags,
    sku: values.sku.trim() || null,
    status: values.status,
    inventory: inventory === "" ? 0 : Number(inventory),
  };
}

/** The API's own schema (ProductCreate), applied to the form's values turned into API input. */
const productFormSchema = z.preprocess(
  (values) => toInput(values as ProductFormValues),
  ProductCreate,
) as unknown as z.ZodType<ProductInput, ProductFormValues>;
const schemaResolver = zodResolver(productFormSchema);

const FIELD_PATHS = {
  "name.en": ["name", "en"],
  "name.ar": ["name", "ar"],
  price: ["price"],
} as const;

/**
 * The rules the API's service checks across fields, so the form says what the API would, before
 * the round trip. Kept apart from the schema: zod skips refinements while any field fails, and
 * these should show together with the rest. The codes are the API's.
 */
function crossFieldIssues(
  values: ProductFormValues,
  locale: "en" | "ar",
): [keyof typeof FIELD_PATHS, string][] {
  const input = toInput(values);
  const issues: [keyof typeof FIELD_PATHS, string][] = [];
  const en = input.name.en.trim();
  const ar = input.name.ar.trim();
  // "A name in either language" sits under the page's own language.
  if (!en && !ar) issues.push([`name.${locale}`, "required"]);
  if (input.status === "active") {
    if (!en) issues.push(["name.en", "required_for_active"]);
    if (!ar) issues.push(["name.ar", "required_for_active"]);
  }
  if (input.price !== undefined && /^\d+(\.\d+)?$/.test(input.price)) {
    try {
      toMinor(input.price, input.currency);
    } catch (error) {
      if (!(error instanceof MoneyFormatError)) throw error;
      issues.push(["price", error.code]);
    }
  }
  return issues;
}

const resolver: Resolver<ProductFormValues, { locale: "en" | "ar" }, ProductInput> = async (
  values,
  context,
  options,
) => {
  const result = await schemaResolver(values, context, options);
  const issues = crossFieldIssues(values, context?.locale ?? "en");
  if (!issues.length) return result;
  // Merged into the schema's errors; a field keeps its first error.
  const errors: Record<string, unknown> = { ...result.errors };
  for (const [field, code] of issues) {
    const [head, sub] = FIELD_PATHS[field];
    const error = { type: code, message: code };
    if (sub === undefined) errors[head] ??= error;
    else errors[head] = { [sub]: error, ...(errors[head] as object | undefined) };
  }
  return { values: {}, errors: errors as FieldErrors<ProductFormValues> };
};

/** Fields the API names that this form shows; others go to the alert at the top. */
const FORM_FIELDS = new Set([
  "name.en",
  "name.ar",
  "description.en",
  "description.ar",
  "price",
  "currency",
  "category",
  "tags",
  "sku",
  "status",
  "inventory",
]);

function formField(apiField: string, locale: "en" | "ar"): string | null {
  if (apiField === "name") return `name.${locale}`;
  if (apiField.startsWith("tags.")) return "tags";
  return FORM_FIELDS.has(apiField) ? apiField : null;
}

export interface ProductFormProps {
  mode: "create" | "edit";
  /** Set when editing; creation gets its id from the API. */
  productId?: string;
  displayName?: DisplayName;
  defaultValues: ProductFormValues;
  images: string[];
  /** Currency codes with their names in the page's language, formatted on the server. */
  currencies: { code: string; label: string }[];
  categories: string[];
  /** Viewers see the product but cannot change it. */
  readOnly: boolean;
  notice?: { kind: "created"; imageFailures: number } | null;
  onSubmit: (input: ProductInput) => Promise<ActionResult<Product>>;
  uploadImage: (id: string, data: FormData) => Promise<ActionResult<Product>>;
  removeImage: (id: string, url: string) => Promise<ActionResult<Product>>;
  deleteProduct: (
    id: string,
  ) => Promise<ActionResult<{ id: string; deleted: boolean; archived: boolean }>>;
}

type Banner =
  | { kind: "saved" }
  | { kind: "created"; imageFailures: number }
  | { kind: "error"; issue: ActionIssue; extra: string[] };

interface PendingImage {
  file: File;
  preview: string;
}

export function ProductForm(props: ProductFormProps) {
  const { mode, productId, defaultValues, readOnly, currencies, categories } = props;
  const t = useTranslations("products.form");
  const tStatus = useTranslations("products.status");
  const tLang = useTranslations("LocaleNames");
  const errorText = useErrorText();
  const locale = useLocale();
  const router = useRouter();
  const id = useId();
  const [banner, setBanner] = useState<Banner | null>(props.notice ?? null);
  const [navigating, startNavigation] = useTransition();
  const [deleteOpen, setDeleteOpen] = useState(false);
  const [images, setImages] = useState(props.images);
  const [pendingImages, setPendingImages] = useState<PendingImage[]>([]);
  const bannerRef = useRef<HTMLDivElement>(null);
  const hydrated = useHydrated();

  const form = useForm<ProductFormValues, { locale: "en" | "ar" }, ProductInput>({
    resolver,
    context: { locale },
    defaultValues,
    mode: "onSubmit",
    reValidateMode: "onChange",
  });
  const { errors, isSubmitting } = form.formState;
  const pending = isSubmitting || navigating;
  const currency = useWatch({ control: form.control, name: "currency" });
  const decimals = currencyExponent(currency);

  useEffect(() => {
    if (banner) bannerRef.current?.focus();
  }, [banner]);

  const issueText = (field: string, error: { type?: string; message?: string } | undefined) =>
    error ? productIssueText(t, field, error.type ?? "", { currency, decimals }) : undefined;

  const fieldError = (name: string): FieldError | undefined => {
    const state = form.getFieldState(name as "price", form.formState);
    if (state.error) return state.error;
    // Errors on single tags (tags.3) belong to the tags field.
    if (name === "tags" && Array.isArray(errors.tags)) return errors.tags.find(Boolean);
    return undefined;
  };
  const errorId = (name: string) => `${id}-${name.replace(".", "-")}-error`;
  const hintId = (name: string) => `${id}-${name.replace(".", "-")}-hint`;
  const inputId = (name: string) => `${id}-${name.replace(".", "-")}`;
  const a11y = (name: string, hint = false) => ({
    id: inputId(name),
    "aria-invalid": fieldError(name) ? true : undefined,
    "aria-describedby":
      [hint ? hintId(name) : null, fieldError(name) ? errorId(name) : null]
        .filter(Boolean)
        .join(" ") || undefined,
  });
  const errorMessage = (name: string) => {
    const text = issueText(name, fieldError(name));
    return text ? (
      <p id={errorId(name)} className="text-sm text-destructive">
        {text}
      </p>
    ) : null;
  };

  function showFailure(result: Extract<ActionResult<unknown>, { ok: false }>) {
    const extra: string[] = [];
    let first = true;
    for (const [apiField, issue] of Object.entries(result.fieldErrors)) {
      const field = formField(apiField, locale);
      if (field) {
        form.setError(
          field as "price",
          { type: issue.code, message: issue.message },
          { shouldFocus: first },
        );
        first = false;
      } else {
        extra.push(issue.message);
      }
    }
    setBanner({ kind: "error", issue: result.error, extra });
  }

  async function uploadAll(targetId: string, files: File[]): Promise<number> {
    let failures = 0;
    for (const file of files) {
      const data = new FormData();
      data.set("file", file, file.name);
      const result = await props.uploadImage(targetId, data);
      if (result.ok) setImages(result.data.images);
      else failures++;
    }
    return failures;
  }

  const onSubmit = form.handleSubmit(async (input) => {
    setBanner(null);
    const result = await props.onSubmit(input);
    if (!result.ok) {
      showFailure(result);
      return;
    }
    if (mode === "create") {
      const failures = await uploadAll(
        result.data.id,
        pendingImages.map((p) => p.file),
      );
      const query = new URLSearchParams({ created: "1" });
      if (failures) query.set("imageFailures", String(failures));
      startNavigation(() => router.replace(`/products/${result.data.id}?${query}`));
      return;
    }
    form.reset(productFormValues(result.data));
    setBanner({ kind: "saved" });
  });

  return (
    <form
      noValidate
      onSubmit={onSubmit}
      aria-busy={pending}
      aria-labelledby={`${id}-heading`}
      className="flex flex-col gap-6"
    >
      <div ref={bannerRef} tabIndex={-1} className="outline-none empty:hidden">
        {banner?.kind === "error" ? (
          <Alert variant="destructive" role="alert">
            <CircleAlert aria-hidden />
            <AlertTitle>{t("errorTitle")}</AlertTitle>
            <AlertDescription>
              {banner.issue.code === "VALIDATION_ERROR"
                ? t("errorFields")
                : errorText(banner.issue.code)}
            </AlertDescription>
            {banner.extra.map((message) => (
              <AlertDescription key={message} lang="en" dir="ltr">
                {message}
              </AlertDescription>
            ))}
          </Alert>
        ) : banner ? (
          <Alert variant="success" role="status">
            <CircleCheck aria-hidden />
            <AlertTitle>{banner.kind === "saved" ? t("saved") : t("created")}</AlertTitle>
            {banner.kind === "created" && banner.imageFailures > 0 ? (
              <AlertDescription>
                {t("imageFailures", { count: banner.imageFailures })}
              </AlertDescription>
            ) : null}
          </Alert>
        ) : null}
      </div>
      {readOnly ? (
        <Alert>
          <CircleAlert aria-hidden />
          <AlertDescription>{t("readOnly")}</AlertDescription>
        </Alert>
      ) : null}

      {/* A disabled fieldset makes every control read-only at once, for viewers and while saving. */}
      <fieldset disabled={readOnly || pending} className="m-0 min-w-0 border-0 p-0">
        <legend className="sr-only" id={`${id}-heading`}>
          {mode === "create" ? t("createLegend") : t("editLegend")}
        </legend>
        <div className="grid items-start gap-6 lg:grid-cols-[minmax(0,1fr)_20rem]">
          <div className="flex min-w-0 flex-col gap-6">
            <Section title={t("sections.details")} description={t("sections.detailsHint")}>
              <div className="grid gap-6 md:grid-cols-2">
                {/* The page's language first, so it sits on the reading side. */}
                {(locale === "ar" ? (["ar", "en"] as const) : (["en", "ar"] as const)).map(
                  (lang) => (
                    <div key={lang} className="flex min-w-0 flex-col gap-4">
                      <p className="text-xs font-semibold tracking-wide text-muted-foreground uppercase">
                        <span lang={lang}>{tLang(lang)}</span>
                      </p>
                      <Field label={t(`name.${lang}`)} htmlFor={inputId(`name.${lang}`)}>
                        <Input
                          {...a11y(`name.${lang}`)}
                          lang={lang}
                          dir={lang === "ar" ? "rtl" : "ltr"}
                          maxLength={200}
                          autoComplete="off"
                          {...form.register(`name.${lang}`)}
                        />
                        {errorMessage(`name.${lang}`)}
                      </Field>
                      <Field
                        label={t(`description.${lang}`)}
                        htmlFor={inputId(`description.${lang}`)}
                      >
                        <Textarea
                          {...a11y(`description.${lang}`)}
                          lang={lang}
                          dir={lang === "ar" ? "rtl" : "ltr"}
                          rows={5}
                          maxLength={5000}
                          {...form.register(`description.${lang}`)}
                        />
                        {errorMessage(`description.${lang}`)}
                      </Field>
                    </div>
                  ),
                )}
              </div>
            </Section>

            <Section title={t("sections.pricing")}>
              <div className="grid gap-4 sm:grid-cols-[minmax(0,1fr)_minmax(0,14rem)]">
                <Field label={t("price")} htmlFor={inputId("price")}>
                  <Input
                    {...a11y("price", true)}
                    type="number"
                    inputMode={decimals === 0 ? "numeric" : "decimal"}
                    step={decimals === 0 ? 1 : `0.${"0".repeat(decimals - 1)}1`}
                    min={0}
                    dir="ltr"
                    className="text-end"
                    {...form.register("price")}
                  />
                  <p id={hintId("price")} className="text-xs text-muted-foreground">
                    {decimals === 0
                      ? t("priceHintWhole", { currency })
                      : t("priceHint", { currency, decimals })}
                  </p>
                  {errorMessage("price")}
                </Field>
                <Field label={t("currency")} htmlFor={inputId("currency")}>
                  <NativeSelect {...a11y("currency")} {...form.register("currency")}>
                    {currencies.map((option) => (
                      <option key={option.code} value={option.code}>
                        {option.label}
                      </option>
                    ))}
                  </NativeSelect>
                  {errorMessage("currency")}
                </Field>
              </div>
              <Field label={t("inventory")} htmlFor={inputId("inventory")} className="sm:max-w-56">
                <Input
                  {...a11y("inventory", true)}
                  type="number"
                  inputMode="numeric"
                  step={1}
                  min={0}
                  dir="ltr"
                  className="text-end"
                  {...form.register("inventory")}
                />
                <p id={hintId("inventory")} className="text-xs text-muted-foreground">
                  {t("inventoryHint")}
                </p>
                {errorMessage("inventory")}
              </Field>
            </Section>

            <ImagesSection
              mode={mode}
              productId={productId}
              images={images}
              setImages={setImages}
              pendingImages={pendingImages}
              setPendingImages={setPendingImages}
              readOnly={readOnly}
              removeImage={props.removeImage}
              uploadAll={uploadAll}
            />
          </div>

          <div className="flex min-w-0 flex-col gap-6">
            <Section title={t("sections.status")}>
              <Field label={t("status")} htmlFor={inputId("status")}>
                <NativeSelect {...a11y("status", true)} {...form.register("status")}>
                  {PRODUCT_STATUSES.map((status) => (
                    <option key={status} value={status}>
                      {tStatus(status)}
                    </option>
                  ))}
                </NativeSelect>
                <p id={hintId("status")} className="text-xs text-muted-foreground">
                  {t("statusHint")}
                </p>
                {errorMessage("status")}
              </Field>
            </Section>

            <Section title={t("sections.organisation")}>
              <Field label={t("category")} htmlFor={inputId("category")}>
                <Input
                  {...a11y("category", true)}
                  list={`${id}-categories`}
                  maxLength={100}
                  autoComplete="off"
                  dir="auto"
                  {...form.register("category")}
                />
                <datalist id={`${id}-categories`}>
                  {categories.map((category) => (
                    <option key={category} value={category} />
                  ))}
                </datalist>
                <p id={hintId("category")} className="text-xs text-muted-foreground">
                  {t("categoryHint")}
                </p>
                {errorMessage("category")}
              </Field>
              <TagsField
                control={form.control}
                inputProps={a11y("tags", true)}
                hintId={hintId("tags")}
                error={errorMessage("tags")}
              />
              <Field label={t("sku")} htmlFor={inputId("sku")}>
                <Input
                  {...a11y("sku", true)}
                  dir="ltr"
                  maxLength={64}
                  autoComplete="off"
                  spellCheck={false}
                  className="font-mono"
                  {...form.register("sku")}
                />
                <p id={hintId("sku")} className="text-xs text-muted-foreground">
                  {t("skuHint")}
                </p>
                {errorMessage("sku")}
              </Field>
            </Section>
          </div>
        </div>
      </fieldset>

      <div className="flex flex-wrap items-center gap-3 border-t border-border pt-6">
        {readOnly ? null : (
          // Until React runs, a click would submit the form natively (as a GET): keep it off.
          <Button type="submit" disabled={pending || !hydrated}>
            {pending ? <Loader2 aria-hidden className="animate-spin" /> : <Save aria-hidden />}
            {pending ? t("saving") : mode === "create" ? t("create") : t("save")}
          </Button>
        )}
        <Link href="/products" className={buttonVariants({ variant: "ghost" })}>
          <ArrowLeft aria-hidden className="rtl:rotate-180" />
          {t("back")}
        </Link>
        {mode === "edit" && !readOnly && productId && props.displayName ? (
          <>
            <Button
              variant="outline"
              className="ms-auto text-destructive hover:bg-destructive-soft"
              aria-haspopup="dialog"
              disabled={pending}
              onClick={() => setDeleteOpen(true)}
            >
              <Trash2 aria-hidden />
              {t("delete")}
            </Button>
            <DeleteProductDialog
              product={deleteOpen ? { id: productId, name: props.displayName } : null}
              onClose={() => setDeleteOpen(false)}
              onConfirm={props.deleteProduct}
              onDone={(result) => {
                if (result.ok) startNavigation(() => router.replace("/products"));
                else setBanner({ kind: "error", issue: result.error, extra: [] });
              }}
            />
          </>
        ) : null}
      </div>
    </form>
  );
}

function Section({
  title,
  description,
  children,
}: {
  title: string;
  description?: string;
  children: ReactNode;
}) {
  return (
    <Card>
      <CardHeader className="pb-4">
        <CardTitle className="text-base">{title}</CardTitle>
        {description ? <CardDescription>{description}</CardDescription> : null}
      </CardHeader>
      <CardContent className="flex flex-col gap-4">{children}</CardContent>
    </Card>
  );
}

function Field({
  label,
  htmlFor,
  className,
  children,
}: {
  label: string;
  htmlFor: string;
  className?: string;
  children: ReactNode;
}) {
  return (
    <div className={cn("flex flex-col gap-2", className)}>
      <Label htmlFor={htmlFor}>{label}</Label>
      {children}
    </div>
  );
}

/** Tags as removable chips; Enter or a comma adds what was typed. */
function TagsField({
  control,
  inputProps,
  hintId,
  error,
}: {
  control: ReturnType<
    typeof useForm<ProductFormValues, { locale: "en" | "ar" }, ProductInput>
  >["control"];
  inputProps: { id: string; "aria-invalid"?: boolean; "aria-describedby"?: string };
  hintId: string;
  error: ReactNode;
}) {
  const t = useTranslations("products.form");
  const {
    field: { value: tags, onChange, onBlur, ref },
  } = useController({ control, name: "tags" });
  const [draft, setDraft] = useState("");

  function add(raw: string) {
    const next = raw
      .split(/[,،]/)
      .map((tag) => tag.trim())
      .filter(Boolean);
    if (next.length) onChange([...new Set([...tags, ...next])]);
    setDraft("");
  }

  return (
    <div className="flex flex-col gap-2">
      <Label htmlFor={inputProps.id}>{t("tags")}</Label>
      {tags.length ? (
        <ul aria-label={t("tagsList")} className="flex flex-wrap gap-1.5">
          {tags.map((tag) => (
            <li
              key={tag}
              className="inline-flex items-center gap-1 rounded-full bg-muted py-0.5 ps-2.5 pe-1 text-xs font-medium"
            >
              <bdi dir="auto">{tag}</bdi>
              <button
                type="button"
                className="inline-flex size-5 items-center justify-center rounded-full text-muted-foreground hover:bg-border hover:text-foreground"
                aria-label={t("removeTag", { tag })}
                onClick={() => onChange(tags.filter((other) => other !== tag))}
              >
                <X aria-hidden className="size-3" />
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      <Input
        {...inputProps}
        ref={ref}
        value={draft}
        dir="auto"
        maxLength={50}
        autoComplete="off"
        onChange={(event) => {
          const value = event.currentTarget.value;
          // A comma (Latin or Arabic) ends a tag, also when pasting a list.
          if (/[,،]/.test(value)) add(value);
          else setDraft(value);
        }}
        onKeyDown={(event) => {
          if (event.key === "Enter") {
            event.preventDefault();
            add(draft);
          } else if (event.key === "Backspace" && draft === "" && tags.length) {
            onChange(tags.slice(0, -1));
          }
        }}
        onBlur={() => {
          if (draft.trim()) add(draft);
          onBlur();
        }}
      />
      <p id={hintId} className="text-xs text-muted-foreground">
        {t("tagsHint")}
      </p>
      {error}
    </div>
  );
}

function ImagesSection({
  mode,
  productId,
  images,
  setImages,
  pendingImages,
  setPendingImages,
  readOnly,
  removeImage,
  uploadAll,
}: {
  mode: "create" | "edit";
  productId?: string;
  images: string[];
  setImages: (images: string[]) => void;
  pendingImages: PendingImage[];
  setPendingImages: (update: (current: PendingImage[]) => PendingImage[]) => void;
  readOnly: boolean;
  removeImage: ProductFormProps["removeImage"];
  uploadAll: (id: string, files: File[]) => Promise<number>;
}) {
  const t = useTranslations("products.form");
  const id = useId();
  const [problems, setProblems] = useState<string[]>([]);
  const [busy, startBusy] = useTransition();
  const total = images.length + pendingImages.length;

  // Object URLs hold their file in memory until revoked; whatever is left goes on unmount.
  const previewUrls = useRef(new Set<string>());
  useEffect(() => {
    const urls = previewUrls.current;
    return () => urls.forEach((url) => URL.revokeObjectURL(url));
  }, []);

  function onFiles(list: FileList | null) {
    const files = [...(list ?? [])];
    const found: string[] = [];
    const accepted: File[] = [];
    for (const file of files) {
      if (!(IMAGE_TYPES as readonly string[]).includes(file.type))
        found.push(t("imageErrors.type", { file: file.name }));
      else if (file.size > MAX_IMAGE_BYTES) found.push(t("imageErrors.size", { file: file.name }));
      else if (total + accepted.length >= MAX_IMAGES)
        found.push(t("imageErrors.tooMany", { max: MAX_IMAGES }));
      else accepted.push(file);
    }
    setProblems([...new Set(found)]);
    if (!accepted.length) return;
    if (mode === "create" || !productId) {
      setPendingImages((current) => [
        ...current,
        ...accepted.map((file) => {
          const preview = URL.createObjectURL(file);
          previewUrls.current.add(preview);
          return { file, preview };
        }),
      ]);
      return;
    }
    startBusy(async () => {
      const failures = await uploadAll(productId, accepted);
      if (failures)
        setProblems((current) => [...current, t("imageErrors.upload", { count: failures })]);
    });
  }

  function remove(url: string) {
    if (!productId) return;
    startBusy(async () => {
      const result = await removeImage(productId, url);
      if (result.ok) setImages(result.data.images);
      else setProblems([t("imageErrors.remove")]);
    });
  }

  return (
    <Section title={t("sections.images")} description={t("imagesHint")}>
      {total ? (
        <ul
          aria-label={t("imagesList")}
          className="grid grid-cols-2 gap-3 sm:grid-cols-3 xl:grid-cols-4"
        >
          {images.map((url, index) => (
            <ImageTile
              key={url}
              src={url}
              label={t("imageLabel", { index: index + 1 })}
              removeLabel={t("removeImage", { index: index + 1 })}
              onRemove={readOnly ? undefined : () => remove(url)}
              disabled={busy}
            />
          ))}
          {pendingImages.map((pending, index) => (
            <ImageTile
              key={pending.preview}
              src={pending.preview}
              label={t("imageLabel", { index: images.length + index + 1 })}
              note={t("pendingImage")}
              removeLabel={t("removeImage", { index: images.length + index + 1 })}
              onRemove={() => {
                URL.revokeObjectURL(pending.preview);
                setPendingImages((current) => current.filter((p) => p !== pending));
              }}
            />
          ))}
        </ul>
      ) : (
        <p className="text-sm text-muted-foreground">{t("noImages")}</p>
      )}
      {readOnly ? null : (
        <div className="flex flex-col gap-2">
          <FilePicker
            id={`${id}-file`}
            label={
              <>
                <ImagePlus aria-hidden />
                {t("addImages")}
              </>
            }
            multiple
            accept={IMAGE_TYPES.join(",")}
            disabled={busy || total >= MAX_IMAGES}
            aria-describedby={problems.length ? `${id}-problems` : undefined}
            onChange={(event) => {
              onFiles(event.currentTarget.files);
              event.currentTarget.value = "";
            }}
          />
          {busy ? (
            <p role="status" className="flex items-center gap-2 text-sm text-muted-foreground">
              <Loader2 aria-hidden className="size-4 animate-spin" />
              {t("uploading")}
            </p>
          ) : null}
          {problems.length ? (
            <ul
              id={`${id}-problems`}
              role="alert"
              className="flex flex-col gap-1 text-sm text-destructive"
            >
              {problems.map((problem) => (
                <li key={problem}>{problem}</li>
              ))}
            </ul>
          ) : null}
        </div>
      )}
    </Section>
  );
}

function ImageTile({
  src,
  label,
  note,
  removeLabel,
  onRemove,
  disabled,
}: {
  src: string;
  label: string;
  note?: string;
  removeLabel: string;
  onRemove?: () => void;
  disabled?: boolean;
}) {
  return (
    <li className="relative overflow-hidden rounded-lg border border-border bg-muted">
      {/* Uploaded files and local previews: nothing for Next's image optimiser to improve. */}
      {/* eslint-disable-next-line @next/next/no-img-element */}
      <img src={src} alt={label} className="aspect-square w-full object-cover" />
      {note ? (
        <span className="absolute inset-x-0 bottom-0 bg-foreground/70 px-2 py-1 text-xs text-white">
          {note}
        </span>
      ) : null}
      {onRemove ? (
        <Button
          variant="outline"
          size="icon"
          className="absolute end-1.5 top-1.5 size-8 bg-card/90"
          aria-label={removeLabel}
          disabled={disabled}
          onClick={onRemove}
        >
          <X aria-hidden />
        </Button>
      ) : null}
    </li>
  );
}
