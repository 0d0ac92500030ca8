// The invoices service, one file per verb; callers import from here (lib/invoices/service).
export { issueInvoice, issueInvoiceInTx, creditNoteInTx } from "./issue";
export { getInvoice, listInvoices, orderInvoices, publicInvoice } from "./read";
export { invoiceToken, type InvoiceLinks } from "./links";
export type { Invoice, PublicInvoice } from "./present";
