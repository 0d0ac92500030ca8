"use client";

import { Loader2, PackageSearch, Plus } from "lucide-react";
import { useLocale, useTranslations } from "next-intl";
import { useEffect, useId, useRef, useState, useTransition } from "react";
import { displayName, ProductName } from "@/components/products/product-name";
import { ProductThumbnail } from "@/components/products/product-thumbnail";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { SearchInput } from "@/components/ui/live-filters";
import { Label } from "@/components/ui/label";
import type { ActionResult } from "@/lib/admin/action-result";
import { cn } from "@/lib/cn";
import type { ProductOption } from "../order-schemas";
import { useOrderErrorText } from "../use-order-error-text";

const SEARCH_DELAY_MS = 300;

/** Search and add products; the search runs on the server, after a pause in typing. */
export function ProductPicker({
  initialProducts,
  search,
  storeCurrency,
  onFound,
  onAdd,
  inOrder,
  money,
}: {
  initialProducts: ProductOption[];
  search: (query: string) => Promise<ActionResult<ProductOption[]>>;
  storeCurrency: string;
  onFound: (products: ProductOption[]) => void;
  onAdd: (product: ProductOption) => void;
  inOrder: ReadonlySet<string>;
  money: (amount: number, currency?: string) => string;
}) {
  const t = useTranslations("orders.new.picker");
  const errorText = useOrderErrorText();
  const locale = useLocale() as "en" | "ar";
  const id = useId();
  const [query, setQuery] = useState("");
  const [results, setResults] = useState(initialProducts);
  const [failed, setFailed] = useState<string | null>(null);
  const [searching, startSearch] = useTransition();
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  // Only the latest search may fill the list; an older, slower answer is dropped.
  const latest = useRef(0);

  useEffect(() => () => clearTimeout(timer.current), []);

  function runSearch(value: string) {
    const ticket = ++latest.current;
    startSearch(async () => {
      const result = await search(value.trim());
      if (ticket !== latest.current) return;
      if (result.ok) {
        setResults(result.data);
        setFailed(null);
        onFound(result.data);
      } else {
        setFailed(result.error.code);
      }
    });
  }

  return (
    <Card>
      <CardHeader className="pb-4">
        <CardTitle className="text-base">{t("title")}</CardTitle>
        <CardDescription>{t("description")}</CardDescription>
      </CardHeader>
      <CardContent className="flex flex-col gap-3">
        <div className="flex flex-col gap-2">
          <Label htmlFor={`${id}-q`}>{t("search")}</Label>
          <SearchInput
            id={`${id}-q`}
            value={query}
            placeholder={t("placeholder")}
            maxLength={200}
            autoComplete="off"
            dir="auto"
            className="pe-9"
            end={
              searching ? (
                <Loader2
                  aria-hidden
                  className="absolute end-3 top-1/2 size-4 -translate-y-1/2 animate-spin text-muted-foreground"
                />
              ) : null
            }
            aria-controls={`${id}-results`}
            aria-describedby={`${id}-count`}
            onChange={(event) => {
              const value = event.currentTarget.value;
              setQuery(value);
              clearTimeout(timer.current);
              timer.current = setTimeout(() => runSearch(value), SEARCH_DELAY_MS);
            }}
            onKeyDown={(event) => {
              // Enter searches now; it must not submit the whole order.
              if (event.key === "Enter") {
                event.preventDefault();
                clearTimeout(timer.current);
                runSearch(query);
              }
            }}
          />
        </div>
        <p id={`${id}-count`} aria-live="polite" className="text-xs text-muted-foreground">
          {failed
            ? errorText(failed)
            : results.length === 0
              ? query.trim()
                ? t("noMatches")
                : t("noProducts")
              : t("count", { count: results.length })}
        </p>
        {results.length > 0 ? (
          <ul
            id={`${id}-results`}
            aria-label={t("results")}
            aria-busy={searching}
            className="flex max-h-80 flex-col divide-y divide-border overflow-y-auto rounded-lg border border-border"
          >
            {results.map((product) => {
              const name = displayName(product.name, locale);
              const otherCurrency = product.currency !== storeCurrency;
              const outOfStock = product.inventory <= 0;
              const added = inOrder.has(product.id);
              return (
                <li key={product.id} className="flex items-center gap-3 px-3 py-2">
                  <ProductThumbnail src={product.image} size={36} />
                  <div className="flex min-w-0 flex-1 flex-col gap-0.5">
                    <span className="text-sm font-medium">
                      <ProductName name={name} />
                    </span>
                    <span className="flex flex-wrap gap-x-2 text-xs text-muted-foreground">
                      {product.sku ? (
                        <bdi dir="ltr" className="font-mono">
                          {product.sku}
                        </bdi>
                      ) : null}
                      <span className="tabular-nums">{money(product.price, product.currency)}</span>
                      <span className={cn(outOfStock && "font-medium text-destructive")}>
                        {outOfStock ? t("outOfStock") : t("stock", { count: product.inventory })}
                      </span>
                    </span>
                    {otherCurrency ? (
                      <span className="text-xs text-muted-foreground">
                        {t("otherCurrency", { currency: product.currency })}
                      </span>
                    ) : null}
                  </div>
                  <Button
                    variant={added ? "secondary" : "outline"}
                    size="sm"
                    disabled={otherCurrency || outOfStock}
                    aria-label={t(added ? "addAnother" : "add", { name: name.text })}
                    onClick={() => onAdd(product)}
                  >
                    <Plus aria-hidden />
                    <span aria-hidden>{t("addShort")}</span>
                  </Button>
                </li>
              );
            })}
          </ul>
        ) : (
          <div className="flex flex-col items-center gap-2 rounded-lg border border-dashed border-border px-4 py-6 text-center text-sm text-muted-foreground">
            <PackageSearch aria-hidden className="size-6" />
            <span>{query.trim() ? t("noMatchesHint") : t("noProductsHint")}</span>
          </div>
        )}
      </CardContent>
    </Card>
  );
}
