"use server";

import { z } from "zod";
import { adminAction, fieldIssues, Locale, toResult } from "@/lib/admin/safe-action";
import { ImageForm, imageFile } from "@/lib/admin/image-upload";
import {
  BulkAction,
  CategoryNamesInput,
  ProductCreate,
  ProductUpdate,
} from "@/lib/products/contract";
import { IMAGE_TYPES, MAX_IMAGE_BYTES } from "@/components/products/product-limits";

// List, detail and home pages all read products: the "products" tag refreshes them all.
const productAction = adminAction.metadata({
  updates: "products",
  notFound: { code: "PRODUCT_NOT_FOUND", message: "Product not found" },
  // A taken SKU is shown next to the SKU field.
  errorFields: { SKU_TAKEN: "sku" },
});
const withId = productAction.bindArgsSchemas([Locale, z.uuid()]);

export const createProduct = toResult(
  productAction
    .inputSchema(ProductCreate, fieldIssues(ProductCreate))
    .action(({ parsedInput, ctx: { store } }) => store.products.create(parsedInput)),
);

export const updateProduct = toResult(
  withId
    .inputSchema(ProductUpdate, fieldIssues(ProductUpdate))
    .action(({ parsedInput, bindArgsParsedInputs: [, id], ctx: { store } }) =>
      store.products.update(id, parsedInput),
    ),
);

export const deleteProduct = toResult(
  withId.action(({ bindArgsParsedInputs: [, id], ctx: { store } }) => store.products.delete(id)),
);

export const bulkUpdateProducts = toResult(
  productAction
    .inputSchema(BulkAction, fieldIssues(BulkAction))
    .action(async ({ parsedInput, ctx: { store } }) => {
      const result = await store.products.bulk(parsedInput);
      // The API's details are English prose; the page words each code itself.
      return {
        updated: result.updated,
        errors: result.errors.map(({ id, code }) => ({ id, code })),
      };
    }),
);

/** Adds one image (a `file` field) to a product. */
export const uploadProductImage = toResult(
  withId
    .inputSchema(ImageForm, fieldIssues(ImageForm))
    .action(({ parsedInput, bindArgsParsedInputs: [, id], ctx: { store } }) => {
      const file = imageFile(parsedInput, MAX_IMAGE_BYTES, IMAGE_TYPES);
      return store.products.uploadImage(id, file, file.name);
    }),
);

/** Names a category in English and Arabic (both empty forgets the names). */
export const nameCategory = toResult(
  productAction
    .inputSchema(CategoryNamesInput, fieldIssues(CategoryNamesInput))
    .action(({ parsedInput, ctx: { store } }) => store.products.nameCategory(parsedInput)),
);
