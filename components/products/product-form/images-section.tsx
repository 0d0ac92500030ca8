"use client";

import { ImagePlus, Loader2 } from "lucide-react";
import { useTranslations } from "next-intl";
import { useEffect, useId, useRef, useState, useTransition } from "react";
import { FilePicker } from "@/components/ui/file-picker";
import { IMAGE_TYPES, MAX_IMAGE_BYTES, MAX_IMAGES } from "../product-limits";
import { moveImage, toggleRemoved, type ImageEntry } from "./image-order";
import { ImageTile } from "./image-tile";
import { Section } from "./section";

/** A file chosen before the product exists: uploaded once the product is created. */
export interface PendingImage {
  file: File;
  preview: string;
}

/**
 * The product's images. Editing, a chosen file uploads at once, while removing and reordering
 * wait for Save like every other field; creating, files wait (with a local preview) until the
 * product exists. The first image is the thumbnail.
 */
export function ImagesSection({
  mode,
  productId,
  images,
  setImages,
  pendingImages,
  setPendingImages,
  readOnly,
  uploadAll,
}: {
  mode: "create" | "edit";
  productId?: string;
  images: ImageEntry[];
  setImages: (update: (current: ImageEntry[]) => ImageEntry[]) => void;
  pendingImages: PendingImage[];
  setPendingImages: (update: (current: PendingImage[]) => PendingImage[]) => void;
  readOnly: boolean;
  uploadAll: (id: string, files: File[]) => Promise<number>;
}) {
  const t = useTranslations("products.form");
  const id = useId();
  const [problems, setProblems] = useState<string[]>([]);
  const [busy, startBusy] = useTransition();
  const total = images.length + pendingImages.length;
  // The first image that stays once saved is the one the lists show.
  const thumbnail = images.find((image) => !image.removed)?.url;

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

  // After a move or a remove/undo the tile's button is re-rendered (or gone at an end): focus
  // follows the image to the same button, or to the other one, and the new place is announced.
  const listRef = useRef<HTMLUListElement>(null);
  const focusNext = useRef<{ url: string; actions: string[] } | null>(null);
  const [announcement, setAnnouncement] = useState("");
  useEffect(() => {
    const next = focusNext.current;
    if (!next) return;
    focusNext.current = null;
    const tile = [...(listRef.current?.querySelectorAll<HTMLElement>("[data-image]") ?? [])].find(
      (el) => el.dataset.image === next.url,
    );
    const button = next.actions
      .map((action) => tile?.querySelector<HTMLElement>(`[data-action="${action}"]`))
      .find(Boolean);
    button?.focus();
  });

  function move(index: number, delta: -1 | 1, action: "earlier" | "later") {
    const url = images[index]!.url;
    setImages((current) => moveImage(current, index, delta));
    focusNext.current = { url, actions: [action, action === "earlier" ? "later" : "earlier"] };
    setAnnouncement(t("imageMoved", { index: index + delta + 1 }));
  }

  function toggle(url: string, removed: boolean) {
    setImages((current) => toggleRemoved(current, url));
    focusNext.current = { url, actions: [removed ? "remove" : "undo"] };
    setAnnouncement(removed ? t("imageKept") : t("imageMarked"));
  }

  return (
    <Section title={t("sections.images")} description={t("imagesHint")}>
      {total ? (
        <ul
          ref={listRef}
          aria-label={t("imagesList")}
          className="grid grid-cols-2 gap-3 sm:grid-cols-3 xl:grid-cols-4"
        >
          {images.map(({ url, removed }, index) => (
            <ImageTile
              key={url}
              src={url}
              label={t("imageLabel", { index: index + 1 })}
              note={
                removed ? t("imageRemovedOnSave") : url === thumbnail ? t("thumbnail") : undefined
              }
              removeLabel={t("removeImage", { index: index + 1 })}
              undoLabel={t("keepImage", { index: index + 1 })}
              removed={removed}
              onRemove={readOnly ? undefined : () => toggle(url, removed)}
              move={
                readOnly || images.length < 2
                  ? undefined
                  : {
                      earlierLabel: t("moveImageEarlier", { index: index + 1 }),
                      laterLabel: t("moveImageLater", { index: index + 1 }),
                      onEarlier: index > 0 ? () => move(index, -1, "earlier") : undefined,
                      onLater:
                        index < images.length - 1 ? () => move(index, 1, "later") : undefined,
                    }
              }
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
          <p aria-live="polite" className="sr-only">
            {announcement}
          </p>
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
