import { randomUUID } from "node:crypto";
import type { ServiceContext } from "@/lib/context";
import { authorize } from "@/lib/auth/permissions";
import { recordAudit } from "@/lib/audit/service";
import { ValidationError } from "@/lib/errors";
import type { FileStorage } from "@/lib/storage";
import { findProductRowForUpdate, updateProductRow } from "./service";

export const MAX_IMAGE_BYTES = 5 * 1024 * 1024;
export const MAX_IMAGES = 20;

/** The type from the file's first bytes, not from its name or the client's say-so. */
export function sniffImage(bytes: Uint8Array): { ext: string; contentType: string } | undefined {
  const b = (i: number) => bytes[i] ?? -1;
  if (b(0) === 0x89 && b(1) === 0x50 && b(2) === 0x4e && b(3) === 0x47)
    return { ext: "png", contentType: "image/png" };
  if (b(0) === 0xff && b(1) === 0xd8 && b(2) === 0xff)
    return { ext: "jpg", contentType: "image/jpeg" };
  if (b(0) === 0x47 && b(1) === 0x49 && b(2) === 0x46 && b(3) === 0x38)
    return { ext: "gif", contentType: "image/gif" };
  const ascii = (from: number, to: number) => String.fromCharCode(...bytes.slice(from, to));
  if (ascii(0, 4) === "RIFF" && ascii(8, 12) === "WEBP")
    return { ext: "webp", contentType: "image/webp" };
  return undefined;
}

export async function addProductImage(
  ctx: ServiceContext,
  storage: FileStorage,
  productId: string,
  bytes: Uint8Array,
) {
  authorize(ctx.actor, "products:write");
  const fail = (code: string, message: string) =>
    new ValidationError(message, [{ field: "file", code, message }], "IMAGE_INVALID");
  if (bytes.byteLength === 0) throw fail("empty", "The file is empty");
  if (bytes.byteLength > MAX_IMAGE_BYTES) throw fail("too_large", "Images can be at most 5 MB");
  const type = sniffImage(bytes);
  if (!type) throw fail("unsupported_type", "Upload a PNG, JPEG, WebP or GIF image");

  return ctx.db.transaction(async (tx) => {
    const row = await findProductRowForUpdate(tx, ctx, productId);
    if (row.images.length >= MAX_IMAGES)
      throw fail("too_many", `A product can have at most ${MAX_IMAGES} images`);
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
