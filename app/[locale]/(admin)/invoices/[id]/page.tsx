import { ArrowLeft, FileText } from "lucide-react";
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { InvoiceDocument } from "@/components/invoices/invoice-document";
import { PrintButton } from "@/components/invoices/print-button";
import { buttonVariants } from "@/components/ui/button";
import { CopyField } from "@/components/ui/copy-field";
import { requireMe, sessionStore } from "@/lib/admin/session";
import { Link } from "@/lib/admin/i18n/navigation";
import { resolveLocale } from "@/lib/admin/i18n/params";
import { StoreApiError, type BrainSAITStore, type Invoice } from "@/lib/sdk";

interface Props {
  params: Promise<{ locale: string; id: string }>;
}

async function readInvoice(store: BrainSAITStore, id: string): Promise<Invoice> {
  try {
    return await store.invoices.get(id);
  } catch (error) {
    // 422: an id the API refuses outright (an edited URL) names no document either.
    if (error instanceof StoreApiError && (error.status === 404 || error.status === 422))
      notFound();
    throw error;
  }
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const locale = await resolveLocale(params);
  const { session } = await requireMe(locale);
  const invoice = await readInvoice(sessionStore(session), (await params).id);
  const t = await getTranslations({ locale, namespace: "Invoices.metadata" });
  return { title: t("document", { number: invoice.number }) };
}

/**
 * An invoice or credit note for the team: the printable document (components/invoices), with
 * the way back, printing and the customer's link above it, all hidden on paper.
 */
export default async function InvoicePage({ params }: Props) {
  const locale = await resolveLocale(params);
  const { session } = await requireMe(locale);
  const invoice = await readInvoice(sessionStore(session), (await params).id);
  const t = await getTranslations({ locale, namespace: "Invoices.chrome" });
  const link = buttonVariants({ variant: "outline", size: "sm" });

  return (
    <div className="flex flex-col gap-6 print:gap-0">
      <div className="flex flex-col gap-4 print:hidden">
        <nav aria-label={t("toolbar")} className="flex flex-wrap items-center gap-2">
          <Link href={`/orders/${invoice.orderId}`} className={link}>
            <ArrowLeft aria-hidden className="rtl:rotate-180" />
            {t("backToOrder", { number: invoice.orderNumber })}
          </Link>
          <Link href="/invoices" className={link}>
            <FileText aria-hidden />
            {t("backToList")}
          </Link>
          <span className="ms-auto">
            <PrintButton label={t("print")} />
          </span>
        </nav>
        <div className="max-w-xl">
          <CopyField
            label={t("customerLink")}
            value={invoice.customerUrl}
            hint={t("customerLinkHint")}
          />
        </div>
      </div>
      <InvoiceDocument invoice={invoice} locale={locale} />
    </div>
  );
}
