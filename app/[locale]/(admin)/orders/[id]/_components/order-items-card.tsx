import { ReceiptText } from "lucide-react";
import { displayName, ProductName } from "@/components/products/product-name";
import { DataTable, TBody, Td, Th, THead } from "@/components/ui/data-table";
import { Link } from "@/lib/admin/i18n/navigation";
import { toMajor, toMinor } from "@/lib/money";
import type { OrderWithTimeline } from "@/lib/sdk";
import { OrderCard, orderFormat, type OrderCardProps } from "./order-card";

type OrderItem = OrderWithTimeline["items"][number];

/** The order's lines (a list on phones, a table wider) and its totals under its VAT rule. */
export async function OrderItemsCard(props: OrderCardProps) {
  const { order, locale } = props;
  const { t, format, money } = await orderFormat(props);
  const vatRate = format.number(order.vatRate / 100, {
    style: "percent",
    maximumFractionDigits: 2,
  });
  return (
    <OrderCard icon={ReceiptText} title={t("items.title")} contentClassName="flex flex-col gap-5">
      {order.items.length === 0 ? (
        <p className="text-sm text-muted-foreground">{t("items.none")}</p>
      ) : (
        <>
          {/* Phones get a list: five columns do not fit beside each other there. */}
          <ul
            aria-label={t("items.title")}
            className="flex flex-col divide-y divide-border sm:hidden"
          >
            {order.items.map((item) => (
              <li key={item.id} className="flex flex-col gap-1 py-3 first:pt-0">
                <div className="flex items-start justify-between gap-3">
                  <LineName item={item} locale={locale} />
                  <span className="font-medium whitespace-nowrap tabular-nums">
                    {money(order.pricesIncludeVat ? item.total : item.subtotal)}
                  </span>
                </div>
                <p className="flex flex-wrap gap-x-3 text-xs text-muted-foreground">
                  <span className="tabular-nums">
                    {t("items.quantityTimesPrice", {
                      quantity: format.number(item.quantity),
                      price: money(item.unitPrice),
                    })}
                  </span>
                  <LineSku sku={item.sku} none={t("items.noSku")} />
                </p>
              </li>
            ))}
          </ul>
          <div className="hidden sm:block">
            <DataTable
              caption={t("items.caption", { count: order.items.length })}
              minWidth="min-w-[28rem]"
            >
              <THead>
                <tr>
                  <Th>{t("items.product")}</Th>
                  {/* Beside the side cards the column does not fit until very wide screens. */}
                  <Th className="hidden 2xl:table-cell">{t("items.sku")}</Th>
                  <Th className="text-end">{t("items.unitPrice")}</Th>
                  <Th className="text-end">{t("items.quantity")}</Th>
                  <Th className="text-end">{t("items.lineTotal")}</Th>
                </tr>
              </THead>
              <TBody>
                {order.items.map((item) => (
                  <tr key={item.id} className="[&>*]:align-middle">
                    <Th scope="row">
                      <div className="flex flex-col gap-0.5">
                        <LineName item={item} locale={locale} />
                        <span className="2xl:hidden">
                          <LineSku sku={item.sku} none={t("items.noSku")} />
                        </span>
                      </div>
                    </Th>
                    <Td className="hidden 2xl:table-cell">
                      <LineSku sku={item.sku} none={t("items.noSku")} />
                    </Td>
                    <Td className="text-end whitespace-nowrap tabular-nums">
                      {money(item.unitPrice)}
                    </Td>
                    <Td className="text-end tabular-nums">{format.number(item.quantity)}</Td>
                    <Td className="text-end font-medium whitespace-nowrap tabular-nums">
                      {/* What the line costs as priced: VAT-inclusive prices include it. */}
                      {money(order.pricesIncludeVat ? item.total : item.subtotal)}
                    </Td>
                  </tr>
                ))}
              </TBody>
            </DataTable>
          </div>
        </>
      )}
      <dl className="ms-auto grid w-full max-w-sm grid-cols-[1fr_auto] gap-x-6 gap-y-2 text-sm">
        {order.discount || order.shipping ? (
          <>
            <dt className="text-muted-foreground">{t("totals.items")}</dt>
            <dd className="text-end tabular-nums">{money(itemsPrice(order))}</dd>
          </>
        ) : null}
        {order.discount ? (
          <>
            <dt className="text-muted-foreground">{t("totals.discount")}</dt>
            <dd className="text-end tabular-nums">{money(-order.discount)}</dd>
          </>
        ) : null}
        {order.shipping ? (
          <>
            <dt className="text-muted-foreground">{t("totals.shipping")}</dt>
            <dd className="text-end tabular-nums">{money(order.shipping)}</dd>
          </>
        ) : null}
        <dt className="text-muted-foreground">{t("totals.subtotal")}</dt>
        <dd className="text-end tabular-nums">{money(order.subtotal)}</dd>
        <dt className="text-muted-foreground">{t("totals.vat", { rate: vatRate })}</dt>
        <dd className="text-end tabular-nums">{money(order.tax)}</dd>
        <div className="col-span-2 grid grid-cols-subgrid border-t border-border pt-2 font-semibold">
          <dt>{t("totals.total")}</dt>
          <dd className="text-end tabular-nums">{money(order.total)}</dd>
        </div>
        <dd className="col-span-2 text-xs text-muted-foreground">
          {order.pricesIncludeVat
            ? t("totals.includesVat", { rate: vatRate })
            : t("totals.excludesVat", { rate: vatRate })}
        </dd>
      </dl>
    </OrderCard>
  );
}

/** A line's name in the page's language (else the other, marked), linking to its product. */
function LineName({ item, locale }: { item: OrderItem; locale: "en" | "ar" }) {
  const name = <ProductName name={displayName(item.name, locale)} />;
  if (!item.productId) return <span className="font-medium">{name}</span>;
  return (
    <Link
      href={`/products/${item.productId}`}
      className="font-medium underline-offset-4 hover:underline"
    >
      {name}
    </Link>
  );
}

function LineSku({ sku, none }: { sku: string | null; none: string }) {
  return sku ? (
    <bdi dir="ltr" className="font-mono text-xs">
      {sku}
    </bdi>
  ) : (
    <span className="text-muted-foreground">{none}</span>
  );
}

/** The products before discount and shipping, as the store prices them (summed in minor units). */
function itemsPrice(order: OrderWithTimeline): number {
  const minor = order.items.reduce(
    (sum, item) =>
      sum + toMinor(order.pricesIncludeVat ? item.total : item.subtotal, order.currency),
    0,
  );
  return toMajor(minor, order.currency);
}
