import type { z } from "zod";
import type {
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
} from "@/lib/products/contract";
import { camelize, type Camelize } from "./casing";
import type { HttpClient } from "./client";
import { StoreApiError } from "./errors";
import { ndjsonLines } from "./ndjson";

export type Product = Camelize<z.infer<typeof ProductSchema>>;
export type ProductList = Camelize<z.infer<typeof ProductList>>;
export type ProductCreateInput = Camelize<z.input<typeof ProductCreate>>;
export type ProductUpdateInput = Camelize<z.input<typeof ProductUpdate>>;
export type ProductListParams = Partial<
  Omit<Camelize<z.infer<typeof ProductListQuery>>, "page" | "limit">
> & { page?: number; limit?: number };
export type ProductImportResult = Camelize<z.infer<typeof ImportResult>>;
export type ProductImportProgress = {
  phase: "validating" | "writing";
  processed: number;
  total: number;
};

/** The API's import stream (NDJSON): progress lines, then one result or error line. */
type ImportStreamLine =
  | ({ type: "progress" } & ProductImportProgress)
  | ({ type: "result" } & z.infer<typeof ImportResult>)
  | { type: "error"; error: ConstructorParameters<typeof StoreApiError>[1] };

export class ProductsResource {
  constructor(private readonly http: HttpClient) {}

  list(params: ProductListParams = {}): Promise<ProductList> {
    return this.http.request("GET", "/api/v1/store/products", { query: params });
  }

  get(id: string): Promise<Product> {
    return this.http.request("GET", `/api/v1/store/products/${encodeURIComponent(id)}`);
  }

  create(input: ProductCreateInput, options: { idempotencyKey?: string } = {}): Promise<Product> {
    return this.http.request("POST", "/api/v1/store/products", { body: input, ...options });
  }

  update(id: string, input: ProductUpdateInput): Promise<Product> {
    return this.http.request("PATCH", `/api/v1/store/products/${encodeURIComponent(id)}`, {
      body: input,
    });
  }

  delete(id: string): Promise<Camelize<z.infer<typeof DeleteResult>>> {
    return this.http.request("DELETE", `/api/v1/store/products/${encodeURIComponent(id)}`);
  }

  bulk(input: z.infer<typeof BulkAction>): Promise<Camelize<z.infer<typeof BulkResult>>> {
    return this.http.request("POST", "/api/v1/store/products/bulk", { body: input });
  }

  categories(): Promise<Camelize<z.infer<typeof CategoryList>>> {
    return this.http.request("GET", "/api/v1/store/products/categories");
  }

  /** Names a category in English and Arabic; `names: null` forgets them. */
  nameCategory(
    input: z.input<typeof CategoryNamesInput>,
  ): Promise<Camelize<z.infer<typeof CategoryNamesResult>>> {
    return this.http.request("PUT", "/api/v1/store/products/categories/names", { body: input });
  }

  /** The catalogue as CSV text (UTF-8 with BOM), with the list's filters. */
  async exportCsv(
    params: Pick<ProductListParams, "status" | "category" | "q"> = {},
  ): Promise<Response> {
    return this.http.send("GET", "/api/v1/store/products/export", {
      query: params,
      accept: "text/csv",
    });
  }

  /**
   * Imports a CSV, all or nothing. Resolves with the result (errors per row when nothing was
   * imported); onProgress follows validation and writing.
   */
  async importCsv(
    csv: string,
    options: { onProgress?: (p: ProductImportProgress) => void } = {},
  ): Promise<ProductImportResult> {
    const response = await this.http.send("POST", "/api/v1/store/products/import", {
      body: csv,
      contentType: "text/csv; charset=utf-8",
      accept: "application/x-ndjson",
    });
    for await (const line of ndjsonLines<ImportStreamLine>(response.body!)) {
      if (line.type === "progress")
        options.onProgress?.({ phase: line.phase, processed: line.processed, total: line.total });
      else if (line.type === "result") {
        const { created, updated, errors } = line;
        return camelize<z.infer<typeof ImportResult>>({ created, updated, errors });
      } else if (line.type === "error")
        throw new StoreApiError(line.error.code === "INTERNAL_ERROR" ? 500 : 422, line.error);
    }
    throw new StoreApiError(502, {
      detail: "The import stream ended without a result",
      code: "IMPORT_INCOMPLETE",
    });
  }

  uploadImage(id: string, file: Blob, filename = "image"): Promise<Product> {
    const form = new FormData();
    form.set("file", file, filename);
    return this.http
      .send("POST", `/api/v1/store/products/${encodeURIComponent(id)}/images`, { body: form })
      .then(async (r) => camelize<z.infer<typeof ProductSchema>>(await r.json()));
  }
}
