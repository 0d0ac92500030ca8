"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import {
  fail,
  fromApiError,
  fromZodError,
  ok,
  type ActionIssue,
  type ActionResult,
} from "@/lib/action-result";
import { requireStore } from "@/lib/admin/session";
import { BulkAction, ProductCreate, ProductUpdate } from "@/lib/products/contract";
import type { Product } from "@/lib/sdk";
import { IMAGE_TYPES, MAX_IMAGE_BYTES } from "@/components/products/product-limits";

// The admin layout: list, detail and home pages all read products, and all are dynamic, so
// invalidating it refreshes the current page and drops stale client-cached ones.
const ADMIN_LAYOUT = "/[locale]/(admin)";

const ProductId = z.uuid();

/** API failures, with a taken SKU shown next to the SKU field. */
function productFailure(error: unknown) {
  const result = fromApiError(error);
  if (result.error.code === "SKU_TAKEN") result.fieldErrors.sku ??= result.error;
  return result;
}

function invalidId(): ActionResult<never> {
  return fail("PRODUCT_NOT_FOUND", "Product not found");
}

export async function createProduct(
  locale: string,
  input: unknown,
): Promise<ActionResult<Product>> {
  const store = await requireStore(locale);
  const parsed = ProductCreate.safeParse(input);
  if (!parsed.success) return fromZodError(parsed.error);
  try {
    const product = await store.products.create(parsed.data);
    revalidatePath(ADMIN_LAYOUT, "layout");
    return ok(product);
  } catch (error) {
    return productFailure(error);
  }
}

export async function updateProduct(
  locale: string,
  id: string,
  input: unknown,
): Promise<ActionResult<Product>> {
  const store = await requireStore(locale);
  if (!ProductId.safeParse(id).success) return invalidId();
  const parsed = ProductUpdate.safeParse(input);
  if (!parsed.success) return fromZodError(parsed.error);
  try {
    const product = await store.products.update(id, parsed.data);
    revalidatePath(ADMIN_LAYOUT, "layout");
    return ok(product);
  } catch (error) {
    return productFailure(error);
  }
}

export async function deleteProduct(
  locale: string,
  id: string,
): Promise<ActionResult<{ id: string; deleted: boolean; archived: boolean }>> {
  const store = await requireStore(locale);
  if (!ProductId.safeParse(id).success) return invalidId();
  try {
    const result = await store.products.delete(id);
    revalidatePath(ADMIN_LAYOUT, "layout");
    return ok(result);
  } catch (error) {
    return productFailure(error);
  }
}

export async function bulkUpdateProducts(
  locale: string,
  input: unknown,
): Promise<ActionResult<{ updated: string[]; errors: { id: string; code: string }[] }>> {
  const store = await requireStore(locale);
  const parsed = BulkAction.safeParse(input);
  if (!parsed.success) return fromZodError(parsed.error);
  try {
    const result = await store.products.bulk(parsed.data);
    revalidatePath(ADMIN_LAYOUT, "layout");
    // The API's details are English prose; the page words each code itself.
    return ok({
      updated: result.updated,
      errors: result.errors.map(({ id, code }) => ({ id, code })),
    });
  } catch (error) {
    return productFailure(error);
  }
}

/** Adds one image (a `file` field) to a product; checked here too, before it reaches the API. */
export async function uploadProductImage(
  locale: string,
  id: string,
  formData: FormData,
): Promise<ActionResult<Product>> {
  const store = await requireStore(locale);
  if (!ProductId.safeParse(id).success) return invalidId();
  const file = formData.get("file");
  const fileError = (issue: ActionIssue) => fail(issue.code, issue.message, { file: issue });
  if (!(file instanceof File) || file.size === 0)
    return fileError({ code: "required", message: "Choose an image" });
  if (file.size > MAX_IMAGE_BYTES)
    return fileError({ code: "too_large", message: "Images can be at most 5 MB" });
  if (!(IMAGE_TYPES as readonly string[]).includes(file.type))
    return fileError({
      code: "unsupported_type",
      message: "Upload a PNG, JPEG, WebP or GIF image",
    });
  try {
    const product = await store.products.uploadImage(id, file, file.name);
    revalidatePath(ADMIN_LAYOUT, "layout");
    return ok(product);
  } catch (error) {
    return productFailure(error);
  }
}

export async function removeProductImage(
  locale: string,
  id: string,
  url: string,
): Promise<ActionResult<Product>> {
  const store = await requireStore(locale);
  if (!ProductId.safeParse(id).success) return invalidId();
  try {
    const product = await store.products.get(id);
    const updated = await store.products.update(id, {
      images: product.images.filter((image) => image !== url),
    });
    revalidatePath(ADMIN_LAYOUT, "layout");
    return ok(updated);
  } catch (error) {
    return productFailure(error);
  }
}
