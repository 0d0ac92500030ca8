import { FileText } from "lucide-react";
import { getTranslations } from "next-intl/server";
import { IssueInvoiceButton } from "@/components/invoices/issue-invoice-button";
import { Link } from "@/lib/admin/i18n/navigation";
import { StoreApiError, type BrainSAITStore, type Invoice } from "@/lib/sdk";
import { issueInvoice } from "../../../invoices/actions";
import { OrderCard, orderFormat, type OrderCardProps } from "./order-card";

/** The order's invoice and credit notes, or null when the role may not read invoices. */
export async function orderInvoices(
  store: BrainSAITStore,
  orderId: string,
): Promise<Invoice[] | null> {
  try {
    return (await store.invoices.listForOrder(orderId)).data;
  } catch (error) {
    if (error instanceof StoreApiError && error.status === 403) return null;
    throw error;
  }
}

const INVOICEABLE = ["paid", "fulfilled", "completed"];

/** Invoices card: each document links to its printable page; a paid order without one can get one. */
export async function OrderInvoicesCard({
  invoices,
  canWrite,
  ...props
}: OrderCardProps & { invoices: Invoice[] | null; canWrite: boolean }) {
  if (!invoices) return null;
  const { order, locale } = props;
  const { money, when } = await orderFormat(props);
  const t = await getTranslations({ locale, namespace: "Invoices" });
  const hasInvoice = invoices.some((i) => i.kind === "invoice");
  const invoiceable = INVOICEABLE.includes(order.status) && order.amountRefunded === 0;
  const note = hasInvoice
    ? null
    : invoiceable
      ? t("card.missing")
      : order.status === "pending"
        ? t("card.none")
        : t("card.notInvoiceable");
  return (
    <OrderCard icon={FileText} title={t("card.title")} description={t("card.description")}>
      <div className="flex flex-col gap-3">
        {invoices.length ? (
          <ul className="flex flex-col divide-y divide-border" data-testid="order-invoices">
            {invoices.map((i) => (
              <li key={i.id} className="flex items-start justify-between gap-3 py-2">
                <div className="flex min-w-0 flex-col">
                  <Link
                    href={`/invoices/${i.id}`}
                    className="font-medium text-primary underline-offset-4 hover:underline"
                  >
                    <bdi dir="ltr">{i.number}</bdi>
                  </Link>
                  <span className="text-xs text-muted-foreground">
                    {t(`kinds.${i.kind}`)} · {when(i.issuedAt)}
                    {i.invoiceNumber ? (
                      <>
                        {" · "}
                        {t("card.credits", { number: i.invoiceNumber })}
                      </>
                    ) : null}
                  </span>
                </div>
                <span className="shrink-0 tabular-nums">{money(i.total)}</span>
              </li>
            ))}
          </ul>
        ) : null}
        {note ? <p className="text-sm text-muted-foreground">{note}</p> : null}
        {canWrite && !hasInvoice && invoiceable ? (
          <div>
            <IssueInvoiceButton onIssue={issueInvoice.bind(null, locale, order.id)} />
          </div>
        ) : null}
      </div>
    </OrderCard>
  );
}
