import "server-only";
import { getTranslations } from "next-intl/server";
import QRCode from "qrcode";
import type { ReactNode } from "react";
import { DEFAULT_DISPLAY_PREFERENCES } from "@/lib/admin/format/core";
import { getDisplayFormatter } from "@/lib/admin/format/server";
import { cn } from "@/lib/cn";
import type { PublicInvoice } from "@/lib/sdk";

type Labels = Awaited<ReturnType<typeof getTranslations<"Invoices.document">>>;

/**
 * The printable tax invoice or credit note (docs/invoices.md, "The document"). Laid out as Saudi
 * invoices are, whatever the page's language: English labels first, Arabic labels last,
 * values between them; so the document itself is `dir="ltr"` with Arabic runs marked `rtl`. The
 * English labels come from messages/en.json and the Arabic ones from messages/ar.json. It reads
 * the same for the team and for the customer: default digits and calendar, the store's time zone.
 */
export async function InvoiceDocument({
  invoice,
  locale,
}: {
  invoice: PublicInvoice;
  locale: "en" | "ar";
}) {
  const [en, ar, format, qr] = await Promise.all([
    getTranslations({ locale: "en", namespace: "Invoices.document" }),
    getTranslations({ locale: "ar", namespace: "Invoices.document" }),
    getDisplayFormatter(locale, DEFAULT_DISPLAY_PREFERENCES),
    QRCode.toString(invoice.qr, { type: "svg", errorCorrectionLevel: "M", margin: 2 }),
  ]);
  const digits = new Intl.NumberFormat("en", {
    style: "currency",
    currency: invoice.currency,
  }).resolvedOptions().maximumFractionDigits;
  const amount = (n: number) =>
    format.number(n, { minimumFractionDigits: digits, maximumFractionDigits: digits });
  const issued = format.dateTime(new Date(invoice.issuedAt), {
    dateStyle: "long",
    timeStyle: "short",
    timeZone: invoice.seller.timeZone,
  });
  const both = (key: Parameters<Labels>[0], values?: Record<string, string>) => ({
    en: en(key, values),
    ar: ar(key, values),
  });
  const isInvoice = invoice.kind === "invoice";
  const rate = String(invoice.vatRate);
  const title = both(isInvoice ? "invoiceTitle" : "creditNoteTitle");

  return (
    <article
      dir="ltr"
      lang="en"
      aria-label={`${title.en} ${invoice.number}`}
      className="mx-auto flex w-full max-w-[186mm] flex-col gap-5 bg-card p-6 text-[13px] leading-snug text-card-foreground shadow-sm print:max-w-none print:p-0 print:shadow-none"
    >
      <header className="flex flex-col-reverse gap-4 border-b-2 border-foreground pb-4 sm:flex-row sm:items-start sm:justify-between">
        <div className="flex min-w-0 items-center gap-3">
          {invoice.seller.logoUrl ? (
            // eslint-disable-next-line @next/next/no-img-element
            <img
              src={invoice.seller.logoUrl}
              alt={`${en("logo")} / ${ar("logo")}`}
              className="size-16 shrink-0 object-contain"
            />
          ) : null}
          <div className="min-w-0">
            <p className="text-base font-semibold">{invoice.seller.name.en}</p>
            <Ar className="text-base font-semibold">{invoice.seller.name.ar}</Ar>
          </div>
        </div>
        <h1 className="flex flex-col items-end gap-0.5 text-end">
          <span className="text-lg font-bold">{title.en}</span>
          <Ar className="text-lg font-bold">{title.ar}</Ar>
        </h1>
      </header>

      <div className="grid items-start gap-6 sm:grid-cols-[minmax(0,1fr)_auto]">
        <dl className="flex flex-col">
          <BiRow label={both(isInvoice ? "number" : "creditNoteNumber")}>
            <Code>{invoice.number}</Code>
          </BiRow>
          <BiRow label={both("issued")}>
            {/* Formatted in the page's language: kept in its own direction inside the document. */}
            <bdi dir={locale === "ar" ? "rtl" : "ltr"} lang={locale}>
              {issued}
            </bdi>
          </BiRow>
          <BiRow label={both("order")}>
            <Code>{invoice.orderNumber}</Code>
          </BiRow>
          {invoice.invoiceNumber ? (
            <BiRow label={both("reference")}>
              <Code>{invoice.invoiceNumber}</Code>
            </BiRow>
          ) : null}
          {invoice.reason ? (
            <BiRow label={both("reason")}>
              {en(`reasons.${invoice.reason}`)} / <Ar inline>{ar(`reasons.${invoice.reason}`)}</Ar>
            </BiRow>
          ) : null}
          <BiRow label={both("vatNumber")}>
            {invoice.seller.vatNumber ? (
              <Code>{invoice.seller.vatNumber}</Code>
            ) : (
              <>
                {en("noVatNumber")} / <Ar inline>{ar("noVatNumber")}</Ar>
              </>
            )}
          </BiRow>
        </dl>
        <figure className="flex flex-col items-center gap-1" data-testid="invoice-qr">
          <div
            role="img"
            aria-label={`${en("qr")} / ${ar("qr")}`}
            className="size-36 [&_svg]:size-full"
            // The SVG is drawn here on the server by `qrcode` from the stored payload.
            dangerouslySetInnerHTML={{ __html: qr }}
          />
        </figure>
      </div>

      <div className="grid gap-4 sm:grid-cols-2">
        <Party title={both("seller")}>
          <p>{invoice.seller.name.en}</p>
          <Ar>{invoice.seller.name.ar}</Ar>
        </Party>
        <Party title={both("buyer")}>
          {invoice.buyer.name || invoice.buyer.email ? (
            <>
              {invoice.buyer.name ? <p dir="auto">{invoice.buyer.name}</p> : null}
              {invoice.buyer.email ? (
                <p className="break-all">
                  <Code>{invoice.buyer.email}</Code>
                </p>
              ) : null}
            </>
          ) : (
            <p>
              {en("cashCustomer")} / <Ar inline>{ar("cashCustomer")}</Ar>
            </p>
          )}
        </Party>
      </div>

      {/* Scrolls sideways on a phone rather than squeeze six columns; paper is wide enough. */}
      <div
        role="region"
        aria-label={`${en("item")} / ${ar("item")}`}
        tabIndex={0}
        className="overflow-x-auto print:overflow-visible"
      >
        <table className="w-full min-w-[34rem] border-collapse text-[12px] print:min-w-0">
          <caption className="pb-1 text-start text-muted-foreground">
            {en("currency", { currency: invoice.currency })} ·{" "}
            <Ar inline>{ar("currency", { currency: invoice.currency })}</Ar>
            {invoice.pricesIncludeVat ? (
              <>
                {" · "}
                {en("pricesIncludeVat")} · <Ar inline>{ar("pricesIncludeVat")}</Ar>
              </>
            ) : null}
          </caption>
          <thead>
            <tr className="border-y border-foreground bg-muted print:bg-transparent">
              <Th label={both("item")} className="text-start" />
              <Th label={both("quantity")} />
              <Th label={both("unitPrice")} />
              <Th label={both("taxable")} />
              <Th label={both("vat")} />
              <Th label={both("lineTotal")} />
            </tr>
          </thead>
          <tbody>
            {invoice.lines.map((line, i) => (
              <tr key={i} className="border-b border-border align-top break-inside-avoid">
                <td className="px-1.5 py-1.5">
                  {line.name.en ? <p>{line.name.en}</p> : null}
                  {line.name.ar ? <Ar>{line.name.ar}</Ar> : null}
                </td>
                <Num>{format.number(line.quantity)}</Num>
                <Num>{amount(line.unitPrice)}</Num>
                <Num>{amount(line.subtotal)}</Num>
                <Num>{amount(line.tax)}</Num>
                <Num>{amount(line.total)}</Num>
              </tr>
            ))}
          </tbody>
        </table>
      </div>

      <dl className="ms-auto flex w-full max-w-[150mm] flex-col" data-testid="invoice-totals">
        <BiRow label={both("totalExclVat")}>{amount(invoice.subtotal)}</BiRow>
        <BiRow label={both("vatAt", { rate })}>{amount(invoice.tax)}</BiRow>
        <BiRow label={both("totalInclVat")} strong>
          {amount(invoice.total)} {invoice.currency}
        </BiRow>
      </dl>
    </article>
  );
}

/** An Arabic run inside the `ltr` document. */
function Ar({
  children,
  className,
  inline,
}: {
  children: ReactNode;
  className?: string;
  inline?: boolean;
}) {
  const Tag = inline ? "span" : "p";
  return (
    // In an `rtl` run, "start" is where Arabic begins: the far edge from the English.
    <Tag lang="ar" dir="rtl" className={cn(!inline && "text-start", className)}>
      {children}
    </Tag>
  );
}

/** Numbers, ids and emails: `ltr` whatever surrounds them. */
function Code({ children }: { children: ReactNode }) {
  return (
    <bdi dir="ltr" className="font-medium">
      {children}
    </bdi>
  );
}

/** English label, value, Arabic label: one line of the document. */
function BiRow({
  label,
  children,
  strong,
}: {
  label: { en: string; ar: string };
  children: ReactNode;
  strong?: boolean;
}) {
  return (
    <div
      className={cn(
        // A phone puts the value under its two labels; paper and wider screens between them.
        "grid grid-cols-2 items-baseline gap-x-3 border-b border-border py-1 sm:grid-cols-[minmax(0,1fr)_auto_minmax(0,1fr)]",
        strong && "border-y-2 border-foreground text-[14px] font-bold",
      )}
    >
      <dt className="text-muted-foreground print:text-foreground">{label.en}</dt>
      <dd className="order-last col-span-2 tabular-nums sm:order-none sm:col-span-1 sm:text-center">
        {children}
      </dd>
      <dt lang="ar" dir="rtl" className="text-start text-muted-foreground print:text-foreground">
        {label.ar}
      </dt>
    </div>
  );
}

function Party({ title, children }: { title: { en: string; ar: string }; children: ReactNode }) {
  return (
    <section className="flex flex-col gap-1 rounded-md border border-border p-3">
      <h2 className="flex justify-between gap-2 border-b border-border pb-1 font-semibold">
        <span>{title.en}</span>
        <span lang="ar" dir="rtl">
          {title.ar}
        </span>
      </h2>
      {children}
    </section>
  );
}

function Th({ label, className }: { label: { en: string; ar: string }; className?: string }) {
  return (
    <th scope="col" className={cn("px-1.5 py-1 text-end align-bottom font-semibold", className)}>
      <span className="block">{label.en}</span>
      <span lang="ar" dir="rtl" className="block text-start">
        {label.ar}
      </span>
    </th>
  );
}

function Num({ children }: { children: ReactNode }) {
  return <td className="px-1.5 py-1.5 text-end tabular-nums">{children}</td>;
}
