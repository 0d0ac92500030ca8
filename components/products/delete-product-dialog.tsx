"use client";

import { Trash2 } from "lucide-react";
import { useTranslations } from "next-intl";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import type { ActionResult } from "@/lib/admin/action-result";
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
  /** After the request, with the dialog closed: the caller reports the outcome. */
  onDone: (result: DeleteResult, product: T) => void;
}

/** Confirms a deletion (Cancel focused first, so Enter never deletes by accident). */
export function DeleteProductDialog<T extends Target>({
  product,
  onClose,
  onConfirm,
  onDone,
}: DeleteProductDialogProps<T>) {
  const t = useTranslations("products.delete");
  return (
    <ConfirmDialog
      open={product !== null}
      onClose={onClose}
      tone="destructive"
      icon={<Trash2 />}
      title={t("title")}
      description={
        product
          ? t.rich("description", {
              name: product.name.text,
              product: (chunks) => (
                <bdi lang={product.name.lang} dir="auto" className="font-medium text-foreground">
                  {chunks}
                </bdi>
              ),
            })
          : null
      }
      cancelLabel={t("cancel")}
      confirmLabel={t("confirm")}
      pendingLabel={t("deleting")}
      confirmIcon={<Trash2 aria-hidden />}
      onConfirm={async () => {
        if (!product) return;
        const result = await onConfirm(product.id);
        onClose();
        onDone(result, product);
      }}
    />
  );
}
