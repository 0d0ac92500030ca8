import { OpenAPIHono, createRoute, z } from "@hono/zod-openapi";
import type { ApiEnv } from "@/lib/api/platform/env";
import { serviceContext } from "@/lib/api/platform/context";
import { csvDownload } from "@/lib/api/platform/stream";
import { errorBody } from "@/lib/api/platform/errors";
import { secured } from "@/lib/api/platform/route-parts";
import { commonErrors, jsonBody, jsonResponse, tenantHeader } from "@/lib/api/platform/openapi";
import { AppError, NotFoundError, ValidationError } from "@/lib/errors";
import { log } from "@/lib/log";
import {
  BulkAction,
  BulkResult,
  CategoryList,
  CategoryNamesInput,
  CategoryNamesResult,
  DeleteResult,
  ImportResult,
  ProductCreate,
  ProductList,
  ProductListQuery,
  ProductSchema,
  ProductUpdate,
} from "./contract";
import { exportProductsCsv, importProductsCsv } from "./csv";
import { MAX_IMAGE_BYTES } from "@/lib/storage";
import { addProductImage } from "./images";
import { productHasOrders } from "@/lib/orders/service";
import * as products from "./service";
import { defineModule, MULTIPART_MARGIN_BYTES } from "@/lib/api/platform/module";

const tags = ["Products"];
const IdParam = z.object({
  id: z.string().openapi({
    param: { name: "id", in: "path" },
    example: "3f0e6c0e-8a0b-4c0e-9c9e-1d2f3a4b5c6d",
  }),
});

const list = createRoute({
  method: "get",
  path: "/",
  tags,
  summary: "List products (search matches English and Arabic, ignoring Arabic diacritics)",
  ...secured("products:read"),
  request: { headers: tenantHeader, query: ProductListQuery },
  responses: { 200: jsonResponse(ProductList, "A page of products"), ...commonErrors },
});

const create = createRoute({
  method: "post",
  path: "/",
  tags,
  summary: "Create a product",
  ...secured("products:write"),
  request: { headers: tenantHeader, body: jsonBody(ProductCreate) },
  responses: {
    201: jsonResponse(ProductSchema, "Created"),
    409: { ...commonErrors[422], description: "The SKU is taken (SKU_TAKEN)" },
    ...commonErrors,
  },
});

const categories = createRoute({
  method: "get",
  path: "/categories",
  tags,
  summary: "Categories in use, with counts (for suggestions)",
  ...secured("products:read"),
  request: { headers: tenantHeader },
  responses: { 200: jsonResponse(CategoryList, "Categories"), ...commonErrors },
});

const nameCategory = createRoute({
  method: "put",
  path: "/categories/names",
  tags,
  summary: "Name a category in English and Arabic (or forget its names)",
  description:
    "Products keep their `category` value; this sets what people read for it. Needs products:write.",
  ...secured("products:write"),
  request: { headers: tenantHeader, body: jsonBody(CategoryNamesInput) },
  responses: {
    200: jsonResponse(CategoryNamesResult, "The category's names now"),
    ...commonErrors,
  },
});

const bulk = createRoute({
  method: "post",
  path: "/bulk",
  tags,
  summary: "Activate, archive or return to draft up to 100 products",
  ...secured("products:write"),
  request: { headers: tenantHeader, body: jsonBody(BulkAction) },
  responses: { 200: jsonResponse(BulkResult, "What changed and what could not"), ...commonErrors },
});

const exportCsv = createRoute({
  method: "get",
  path: "/export",
  tags,
  summary: "Export products as CSV (UTF-8 with BOM; same filters as the list)",
  ...secured("products:read"),
  request: {
    headers: tenantHeader,
    query: ProductListQuery.pick({ status: true, category: true, q: true }),
  },
  responses: {
    200: { description: "CSV", content: { "text/csv": { schema: z.string() } } },
    ...commonErrors,
  },
});

const importCsv = createRoute({
  method: "post",
  path: "/import",
  tags,
  summary: "Import products from CSV, all or nothing (rows with a known SKU update that product)",
  description:
    "Send the CSV as the body (`Content-Type: text/csv`). With `Accept: application/x-ndjson` the reply streams " +
    '`{"type":"progress","phase","processed","total"}` lines and ends with `{"type":"result",...}`.',
  ...secured("products:write"),
  request: {
    headers: tenantHeader,
    body: { content: { "text/csv": { schema: z.string() } }, required: true },
  },
  responses: {
    ...commonErrors,
    200: jsonResponse(ImportResult, "Imported"),
    422: jsonResponse(ImportResult, "Nothing imported; `errors` per row"),
  },
});

const get = createRoute({
  method: "get",
  path: "/{id}",
  tags,
  summary: "Get a product",
  ...secured("products:read"),
  request: { headers: tenantHeader, params: IdParam },
  responses: { 200: jsonResponse(ProductSchema, "The product"), ...commonErrors },
});

const update = createRoute({
  method: "patch",
  path: "/{id}",
  tags,
  summary: "Update a product (only the fields sent)",
  ...secured("products:write"),
  request: { headers: tenantHeader, params: IdParam, body: jsonBody(ProductUpdate) },
  responses: { 200: jsonResponse(ProductSchema, "Updated"), ...commonErrors },
});

const remove = createRoute({
  method: "delete",
  path: "/{id}",
  tags,
  summary: "Delete a product (archived instead when orders reference it)",
  ...secured("products:write"),
  request: { headers: tenantHeader, params: IdParam },
  responses: { 200: jsonResponse(DeleteResult, "Deleted or archived"), ...commonErrors },
});

const uploadImage = createRoute({
  method: "post",
  path: "/{id}/images",
  tags,
  summary: "Upload an image (PNG, JPEG, WebP or GIF, at most 5 MB) as multipart field `file`",
  ...secured("products:write"),
  request: {
    headers: tenantHeader,
    params: IdParam,
    body: {
      content: {
        "multipart/form-data": {
          schema: z.object({ file: z.any().openapi({ type: "string", format: "binary" }) }),
        },
      },
      required: true,
    },
  },
  responses: {
    201: jsonResponse(ProductSchema, "The product with the new image"),
    ...commonErrors,
  },
});

export function productRoutes() {
  const app = new OpenAPIHono<ApiEnv>();

  app.openapi(list, async (c) =>
    c.json(await products.listProducts(serviceContext(c), c.req.valid("query")), 200),
  );
  app.openapi(create, async (c) =>
    c.json(await products.createProduct(serviceContext(c), c.req.valid("json")), 201),
  );
  app.openapi(categories, async (c) =>
    c.json(await products.listCategories(serviceContext(c)), 200),
  );
  app.openapi(nameCategory, async (c) =>
    c.json(await products.setCategoryNames(serviceContext(c), c.req.valid("json")), 200),
  );
  app.openapi(bulk, async (c) =>
    c.json(await products.bulkSetStatus(serviceContext(c), c.req.valid("json")), 200),
  );

  app.openapi(exportCsv, async (c) => {
    const csv = await exportProductsCsv(serviceContext(c), c.req.valid("query"));
    return csvDownload(c, "products", csv) as never;
  });

  app.openapi(importCsv, async (c) => {
    const ctx = serviceContext(c);
    const csv = await c.req.text();
    if (!(c.req.header("accept") ?? "").includes("application/x-ndjson")) {
      const result = await importProductsCsv(ctx, csv);
      return c.json(result, result.errors.length ? 422 : 200);
    }
    // Stream progress as NDJSON so the admin can show a progress bar.
    const encoder = new TextEncoder();
    const body = new ReadableStream<Uint8Array>({
      async start(controller) {
        const send = (line: unknown) =>
          controller.enqueue(encoder.encode(JSON.stringify(line) + "\n"));
        try {
          const result = await importProductsCsv(ctx, csv, (p) => send({ type: "progress", ...p }));
          send({ type: "result", ...result });
        } catch (err) {
          if (!(err instanceof AppError))
            log.error("product import failed", { requestId: c.var.requestId, err });
          const appError =
            err instanceof AppError
              ? err
              : new AppError(
                  500,
                  "api_error",
                  "INTERNAL_ERROR",
                  "The import failed; nothing was saved",
                );
          send({ type: "error", error: errorBody(appError, c.var.requestId) });
        }
        controller.close();
      },
    });
    return c.body(body, 200, {
      "Content-Type": "application/x-ndjson; charset=utf-8",
      "Cache-Control": "no-store",
    }) as never;
  });

  app.openapi(get, async (c) =>
    c.json(await products.getProduct(serviceContext(c), c.req.valid("param").id), 200),
  );
  app.openapi(update, async (c) =>
    c.json(
      await products.updateProduct(serviceContext(c), c.req.valid("param").id, c.req.valid("json")),
      200,
    ),
  );
  app.openapi(remove, async (c) =>
    c.json(
      await products.deleteProduct(serviceContext(c), c.req.valid("param").id, productHasOrders),
      200,
    ),
  );

  app.openapi(uploadImage, async (c) => {
    const file = (c.req.valid("form") as { file?: unknown }).file;
    if (!(file instanceof File)) {
      throw new ValidationError("Send the image in a field named file", [
        { field: "file", code: "required", message: "Required" },
      ]);
    }
    if (file.size > MAX_IMAGE_BYTES) {
      throw new ValidationError(
        "Images can be at most 5 MB",
        [{ field: "file", code: "too_large", message: "At most 5 MB" }],
        "IMAGE_INVALID",
      );
    }
    const bytes = new Uint8Array(await file.arrayBuffer());
    return c.json(
      await addProductImage(serviceContext(c), c.var.deps.storage, c.req.valid("param").id, bytes),
      201,
    );
  });

  return app;
}

/** Uploaded files, public by unguessable key (storefronts put them in <img>), cached for a year. */
export function fileRoutes() {
  const app = new OpenAPIHono<ApiEnv>();
  app.get("/:tenant/:name", async (c) => {
    const file = await c.var.deps.storage.get(`${c.req.param("tenant")}/${c.req.param("name")}`);
    if (!file) throw new NotFoundError("File not found", "FILE_NOT_FOUND");
    return c.body(file.bytes as Uint8Array<ArrayBuffer>, 200, {
      "Content-Type": file.contentType,
      "Cache-Control": "public, max-age=31536000, immutable",
      "X-Content-Type-Options": "nosniff",
    });
  });
  return app;
}

/** Mounted by lib/api/app.ts; uploads and imports are larger than JSON bodies. */
export const productsModule = defineModule({
  prefix: "/api/v1/store/products",
  routes: productRoutes,
  rules: {
    "/:id/images": { bodyLimit: MAX_IMAGE_BYTES + MULTIPART_MARGIN_BYTES },
    "/import": { bodyLimit: 10 * 1024 * 1024 },
  },
});

/** Uploaded files are served without X-Tenant-ID: the path names the store. */
export const filesModule = defineModule({
  prefix: "/api/v1/files",
  routes: fileRoutes,
  rules: { "/:path{.+}": { public: true } },
});
