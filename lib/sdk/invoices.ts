import type { z } from "zod";
import type {
  InvoiceList,
  InvoiceListQuery,
  InvoiceSchema,
  OrderInvoices,
  PublicInvoiceSchema,
} from "@/lib/invoices/contract";
import type { Camelize } from "./casing";
import type { HttpClient } from "./client";

export type Invoice = Camelize<z.infer<typeof InvoiceSchema>>;
export type PublicInvoice = Camelize<z.infer<typeof PublicInvoiceSchema>>;
export type InvoiceList = Camelize<z.infer<typeof InvoiceList>>;
export type OrderInvoices = Camelize<z.infer<typeof OrderInvoices>>;
export type InvoiceListParams = Partial<
  Omit<Camelize<z.infer<typeof InvoiceListQuery>>, "page" | "limit">
> & { page?: number; limit?: number };

const seg = encodeURIComponent;

/** Tax invoices and credit notes (docs/invoices.md): read-only but for issuing one by hand. */
export class InvoicesResource {
  constructor(private readonly http: HttpClient) {}

  list(params: InvoiceListParams = {}): Promise<InvoiceList> {
    return this.http.request("GET", "/api/v1/invoices", { query: params });
  }

  get(id: string): Promise<Invoice> {
    return this.http.request("GET", `/api/v1/invoices/${seg(id)}`);
  }

  /** The order's invoice and credit notes, oldest first. */
  listForOrder(orderId: string): Promise<OrderInvoices> {
    return this.http.request("GET", `/api/v1/store/orders/${seg(orderId)}/invoices`);
  }

  /** Issues the order's invoice if it has none; returns the one it has otherwise. */
  issue(orderId: string): Promise<Invoice> {
    return this.http.request("POST", `/api/v1/store/orders/${seg(orderId)}/invoices`);
  }

  exportCsv(params: Omit<InvoiceListParams, "page" | "limit"> = {}): Promise<Response> {
    return this.http.send("GET", "/api/v1/invoices/export", { query: params, accept: "text/csv" });
  }

  /** The customer's link (no sign-in): the document by its token. */
  getByToken(token: string): Promise<PublicInvoice> {
    return this.http.request("GET", `/api/v1/invoice-links/${seg(token)}`);
  }
}
