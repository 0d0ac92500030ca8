"use client";

import { ImagePlus, Loader2 } from "lucide-react";
import { useTranslations } from "next-intl";
import { useEffect, useId, useRef, useState, useTransition } from "react";
import { FilePicker } from "@/components/ui/file-picker";
import type { ActionResult } from "@/lib/admin/action-result";
import type { Product } from "@/lib/sdk";
import { IMAGE_TYPES, MAX_IMAGE_BYTES, MAX_IMAGES } from "../product-limits";
import { ImageTile } from "./image-tile";
import { Section } from "./section";

/** A file chosen before the product exists: uploaded once the product is created. */
export interface PendingImage {
  file: File;
  preview: string;
}

/**
 * The product's images. Editing, a chosen file uploads at once; creating, it waits (with a local
 * preview) until the product exists.
 */
export function ImagesSection({
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
  removeImage: (id: string, url: string) => Promise<ActionResult<Product>>;
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
