"use client";

import { ArrowLeft, CircleAlert, Save, Trash2 } from "lucide-react";
import { useLocale, useTranslations } from "next-intl";
import { useId, useState, useTransition } from "react";
import { useForm } from "react-hook-form";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Button, buttonVariants } from "@/components/ui/button";
import { Form } from "@/components/ui/form";
import { StickyActions } from "@/components/ui/sticky-actions";
import { SubmitButton } from "@/components/ui/submit-button";
import type { ActionResult } from "@/lib/admin/action-result";
import { Link, useRouter } from "@/lib/admin/i18n/navigation";
import type { Product } from "@/lib/sdk";
import { useUnsavedChanges } from "@/components/ui/use-unsaved-changes";
import { DeleteProductDialog } from "../delete-product-dialog";
import type { DisplayName } from "../product-name";
import { useHydrated } from "@/components/ui/use-hydrated";
import { DetailsSection } from "./details-section";
import { FormBanner, type Banner } from "./form-banner";
import { imagesChanged, keptUrls, toEntries, withUploaded } from "./image-order";
import { ImagesSection, type PendingImage } from "./images-section";
import { OrganisationSection } from "./organisation-section";
import { PricingSection } from "./pricing-section";
import { formFieldOf, productResolver, type FormLocale, type ProductInput } from "./schema";
import { StatusSection } from "./status-section";
import { productFormValues, type ProductFormValues } from "./values";

export interface ProductFormProps {
  mode: "create" | "edit";
  /** Set when editing; creation gets its id from the API. */
  productId?: string;
  displayName?: DisplayName;
  defaultValues: ProductFormValues;
  images: string[];
  /** Currency codes with their names in the page's language, formatted on the server. */
  currencies: { code: string; label: string }[];
  categories: { value: string; label: string }[];
  /** Viewers see the product but cannot change it. */
  readOnly: boolean;
  notice?: { kind: "created"; imageFailures: number } | null;
  onSubmit: (input: ProductInput) => Promise<ActionResult<Product>>;
  uploadImage: (id: string, data: FormData) => Promise<ActionResult<Product>>;
  deleteProduct: (
    id: string,
  ) => Promise<ActionResult<{ id: string; deleted: boolean; archived: boolean }>>;
}

export function ProductForm(props: ProductFormProps) {
  const { mode, productId, defaultValues, readOnly } = props;
  const t = useTranslations("products.form");
  const locale = useLocale() as FormLocale;
  const router = useRouter();
  const id = useId();
  const [banner, setBanner] = useState<Banner | null>(props.notice ?? null);
  const [navigating, startNavigation] = useTransition();
  const [deleteOpen, setDeleteOpen] = useState(false);
  // The images as last saved, and as the form holds them (order, removal marks) until Save.
  const [savedImages, setSavedImages] = useState(props.images);
  const [images, setImages] = useState(() => toEntries(props.images));
  const [pendingImages, setPendingImages] = useState<PendingImage[]>([]);
  const hydrated = useHydrated();

  const form = useForm<ProductFormValues, { locale: FormLocale }, ProductInput>({
    resolver: productResolver,
    context: { locale },
    defaultValues,
    mode: "onSubmit",
    reValidateMode: "onChange",
  });
  const pending = form.formState.isSubmitting || navigating;
  const tCommon = useTranslations("Common");
  const imagesDirty = imagesChanged(images, savedImages);
  useUnsavedChanges((form.formState.isDirty || imagesDirty) && !pending, tCommon("unsavedChanges"));

  /** The API's field errors go to their fields (the first takes focus), the rest to the banner. */
  function showFailure(result: Extract<ActionResult<unknown>, { ok: false }>) {
    const extra: string[] = [];
    let first = true;
    for (const [apiField, issue] of Object.entries(result.fieldErrors)) {
      const field = formFieldOf(apiField, locale);
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
      if (result.ok) {
        setImages((current) => withUploaded(current, result.data.images));
        // The upload saved the file; the saved order is the server's, until Save sends ours.
        setSavedImages(result.data.images);
      } else failures++;
    }
    return failures;
  }

  const onSubmit = form.handleSubmit(async (input) => {
    setBanner(null);
    // Removals and a new order reach the product with the rest of the form, never on their own.
    const result = await props.onSubmit(
      mode === "edit" && imagesDirty ? { ...input, images: keptUrls(images) } : input,
    );
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
    setSavedImages(result.data.images);
    setImages(toEntries(result.data.images));
    setBanner({ kind: "saved" });
  });

  return (
    <Form {...form}>
      <form
        noValidate
        onSubmit={onSubmit}
        aria-busy={pending}
        aria-labelledby={`${id}-heading`}
        className="flex flex-col gap-6"
      >
        <FormBanner banner={banner} />
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
              <DetailsSection />
              <PricingSection currencies={props.currencies} />
              <ImagesSection
                mode={mode}
                productId={productId}
                images={images}
                setImages={setImages}
                pendingImages={pendingImages}
                setPendingImages={setPendingImages}
                readOnly={readOnly}
                uploadAll={uploadAll}
              />
            </div>
            <div className="flex min-w-0 flex-col gap-6">
              <StatusSection />
              <OrganisationSection categories={props.categories} />
            </div>
          </div>
        </fieldset>

        <StickyActions>
          {readOnly ? null : (
            // Until React runs, a click would submit the form natively (as a GET): keep it off.
            <SubmitButton
              pending={pending}
              disabled={!hydrated}
              icon={<Save aria-hidden />}
              pendingLabel={t("saving")}
            >
              {mode === "create" ? t("create") : t("save")}
            </SubmitButton>
          )}
          <Link href="/products" className={buttonVariants({ variant: "ghost" })}>
            <ArrowLeft aria-hidden className="rtl:rotate-180" />
            {t("back")}
          </Link>
        </StickyActions>
        {/* Deleting is not part of saving: it stays out of the sticky bar, below the form. */}
        {mode === "edit" && !readOnly && productId && props.displayName ? (
          <div className="flex justify-end">
            <Button
              variant="outline"
              className="text-destructive hover:bg-destructive-soft"
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
          </div>
        ) : null}
      </form>
    </Form>
  );
}
