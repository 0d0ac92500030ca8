import type { Metadata } from "next";
import { headers } from "next/headers";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { cache } from "react";
import { InvoiceDocument } from "@/components/invoices/invoice-document";
import { PrintButton } from "@/components/invoices/print-button";
import { adminClientIp } from "@/lib/client-ip";
import { resolveLocale } from "@/lib/admin/i18n/params";
import { BrainSAITStore, StoreApiError } from "@/lib/sdk";

interface Props {
  params: Promise<{ locale: string; token: string }>;
}

/** The document behind a customer's link, read once per request; unknown links are a 404. */
const getInvoice = cache(async (token: string) => {
  if (!token || token.length > 200) notFound();
  const forwardedFor = adminClientIp((await headers()).get("x-forwarded-for"));
  // The token is the credential and names the store; the slug the client needs is ignored.
  const store = new BrainSAITStore({ tenantId: "invoice", forwardedFor });
  try {
    return await store.invoices.getByToken(token);
  } catch (error) {
    if (error instanceof StoreApiError && (error.status === 404 || error.status === 422))
      notFound();
    throw error;
  }
});

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const locale = await resolveLocale(params);
  const invoice = await getInvoice((await params).token);
  const t = await getTranslations({ locale, namespace: "Invoices.metadata" });
  return { title: t("customer", { number: invoice.number }) };
}

/** The customer's copy of a tax invoice or credit note (docs/invoices.md): no sign-in. */
export default async function CustomerInvoicePage({ params }: Props) {
  const locale = await resolveLocale(params);
  const invoice = await getInvoice((await params).token);
  const t = await getTranslations({ locale, namespace: "Invoices.chrome" });
  return (
    <div className="flex flex-col gap-4">
      <div className="flex justify-end print:hidden">
        <PrintButton label={t("print")} />
      </div>
      <InvoiceDocument invoice={invoice} locale={locale} />
    </div>
  );
}
