"use client";

import { Loader2, Trash2 } from "lucide-react";
import { useTranslations } from "next-intl";
import { useEffect, useId, useRef, useTransition } from "react";
import { Button } from "@/components/ui/button";
import type { ActionResult } from "@/lib/action-result";
import type { DisplayName } from "./product-name";

type DeleteResult = ActionResult<{ id: string; deleted: boolean; archived: boolean }>;
interface Target {
  id: string;
  name: DisplayName;
}

interface DeleteProductDialogProps<T extends Target> {
  /** The product to confirm; null keeps the dialog closed. */
  product: T | null;
  onClose: () => void;
  onConfirm: (id: string) => Promise<DeleteResult>;
  onDone: (result: DeleteResult, product: T) => void;
}

/**
 * Confirms a deletion. A modal <dialog> traps focus, closes on Escape and returns focus to the
 * button that opened it; Cancel gets the initial focus, so Enter never deletes by accident.
 */
export function DeleteProductDialog<T extends Target>({
  product,
  onClose,
  onConfirm,
  onDone,
}: DeleteProductDialogProps<T>) {
  const t = useTranslations("products.delete");
  const id = useId();
  const ref = useRef<HTMLDialogElement>(null);
  const cancelRef = useRef<HTMLButtonElement>(null);
  const [pending, startTransition] = useTransition();

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (product && !dialog.open) {
      dialog.showModal();
      cancelRef.current?.focus();
    }
    if (!product && dialog.open) dialog.close();
  }, [product]);

  function confirm() {
    if (!product) return;
    startTransition(async () => {
      const result = await onConfirm(product.id);
      ref.current?.close();
      onDone(result, product);
    });
  }

  return (
    <dialog
      ref={ref}
      role="alertdialog"
      aria-modal="true"
      aria-labelledby={`${id}-title`}
      aria-describedby={`${id}-description`}
      onClose={onClose}
      onCancel={(event) => {
        // Escape while the deletion runs would hide a request that still completes.
        if (pending) event.preventDefault();
      }}
      onClick={(event) => {
        if (event.target === event.currentTarget && !pending) event.currentTarget.close();
      }}
      className="m-auto w-[calc(100%-2rem)] max-w-md rounded-xl border border-border bg-card p-0 text-foreground shadow-xl backdrop:bg-foreground/40"
    >
      {product ? (
        <div className="flex flex-col gap-4 p-6">
          <div className="flex items-start gap-4">
            <span
              aria-hidden
              className="flex size-10 shrink-0 items-center justify-center rounded-full bg-destructive-soft text-destructive"
            >
              <Trash2 className="size-5" />
            </span>
            <div className="flex flex-col gap-1.5">
              <h2 id={`${id}-title`} className="text-lg leading-tight font-semibold">
                {t("title")}
              </h2>
              <p id={`${id}-description`} className="text-sm text-muted-foreground">
                {t.rich("description", {
                  name: product.name.text,
                  product: (chunks) => (
                    <bdi
                      lang={product.name.lang}
                      dir="auto"
                      className="font-medium text-foreground"
                    >
                      {chunks}
                    </bdi>
                  ),
                })}
              </p>
            </div>
          </div>
          <div className="flex flex-col-reverse gap-2 sm:flex-row sm:justify-end">
            <Button
              ref={cancelRef}
              variant="outline"
              disabled={pending}
              onClick={() => ref.current?.close()}
            >
              {t("cancel")}
            </Button>
            <Button variant="destructive" disabled={pending} onClick={confirm}>
              {pending ? <Loader2 aria-hidden className="animate-spin" /> : <Trash2 aria-hidden />}
              {pending ? t("deleting") : t("confirm")}
            </Button>
          </div>
        </div>
      ) : null}
    </dialog>
  );
}
