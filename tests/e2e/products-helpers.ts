import type { APIRequestContext, Page } from "@playwright/test";
import { DEMO, expect, type AppLocale } from "./fixtures";

/** An access token for the demo owner, straight from the Store API (test data set-up only). */
export async function apiToken(request: APIRequestContext): Promise<string> {
  const response = await request.post("/api/v1/auth/login", {
    headers: { "X-Tenant-ID": DEMO.tenant },
    data: { email: DEMO.email, password: DEMO.password },
  });
  expect(response.ok()).toBe(true);
  return ((await response.json()) as { access_token: string }).access_token;
}

export interface ApiProduct {
  id: string;
  name: { en: string; ar: string };
  price: number;
  status: string;
}

export async function createProduct(
  request: APIRequestContext,
  token: string,
  input: Record<string, unknown>,
): Promise<ApiProduct> {
  const response = await request.post("/api/v1/store/products", {
    headers: { "X-Tenant-ID": DEMO.tenant, Authorization: `Bearer ${token}` },
    data: input,
  });
  expect(response.status(), await response.text()).toBe(201);
  return (await response.json()) as ApiProduct;
}

export async function listProducts(
  request: APIRequestContext,
  token: string,
  query: Record<string, string>,
): Promise<{ data: ApiProduct[]; pagination: { total: number } }> {
  const response = await request.get("/api/v1/store/products", {
    headers: { "X-Tenant-ID": DEMO.tenant, Authorization: `Bearer ${token}` },
    params: query,
  });
  expect(response.ok()).toBe(true);
  return response.json();
}

/** An ICU message with rich tags (`<product>…</product>`) as the page shows it, as plain text. */
export function plain(message: string, values: Record<string, string>): string {
  return message
    .replace(/<\/?[a-z]+>/g, "")
    .replace(/\{(\w+)\}/g, (_, key: string) => values[key] ?? `{${key}}`);
}

/** A number as the browser formats it for the page's language (the import page formats there). */
export function browserNumber(page: Page, locale: AppLocale, value: number): Promise<string> {
  return page.evaluate(([l, v]) => new Intl.NumberFormat(l as string).format(v as number), [
    locale,
    value,
  ] as const);
}

/** A CSV in the export's format (header row plus records), as a file for setInputFiles. */
export function csvFile(records: Record<string, string>[]) {
  const columns = [
    "sku",
    "name_en",
    "name_ar",
    "description_en",
    "description_ar",
    "price",
    "currency",
    "category",
    "tags",
    "status",
    "inventory",
    "images",
  ];
  const cell = (value: string) => (/[",\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value);
  const lines = [
    columns.join(","),
    ...records.map((record) => columns.map((column) => cell(record[column] ?? "")).join(",")),
  ];
  return {
    name: "products.csv",
    mimeType: "text/csv",
    buffer: Buffer.from(`\uFEFF${lines.join("\r\n")}\r\n`, "utf8"),
  };
}
