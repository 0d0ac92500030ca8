import { randomUUID } from "node:crypto";
import type { ServiceContext } from "@/lib/context";
import { authorize } from "@/lib/auth/permissions";
import { recordAudit } from "@/lib/audit/service";
import { ValidationError } from "@/lib/errors";
import { validateImage, type FileStorage } from "@/lib/storage";
import { findProductRowForUpdate, updateProductRow } from "./service";

export const MAX_IMAGES = 20;

export async function addProductImage(
  ctx: ServiceContext,
  storage: FileStorage,
  productId: string,
  bytes: Uint8Array,
) {
  authorize(ctx.actor, "products:write");
  const type = validateImage(bytes);
  return ctx.db.transaction(async (tx) => {
    const row = await findProductRowForUpdate(tx, ctx, productId);
    if (row.images.length >= MAX_IMAGES) {
      const message = `A product can have at most ${MAX_IMAGES} images`;
      throw new ValidationError(
        message,
        [{ field: "file", code: "too_many", message }],
        "IMAGE_INVALID",
      );
    }
    const key = `${ctx.tenant.id}/${randomUUID()}.${type.ext}`;
    await storage.put(key, bytes, type.contentType);
    const product = await updateProductRow(tx, ctx, productId, {
      ...row,
      images: [...row.images, `/api/v1/files/${key}`],
    });
    await recordAudit(tx, ctx, {
      action: "product.image_added",
      resourceType: "product",
      resourceId: productId,
    });
    return product;
  });
}
