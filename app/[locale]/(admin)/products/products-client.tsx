"use client";

import {
  Archive,
  ArrowDown,
  ArrowUp,
  ArrowUpDown,
  CircleAlert,
  CircleCheck,
  FilePen,
  ImageOff,
  Loader2,
  Pencil,
  Search,
  Trash2,
  X,
  Zap,
} from "lucide-react";
import { useLocale, useTranslations } from "next-intl";
import { useSearchParams } from "next/navigation";
import {
  createContext,
  useCallback,
  useContext,
  useEffect,
  useId,
  useOptimistic,
  useRef,
  useState,
  useTransition,
  type FormEvent,
  type ReactNode,
} from "react";
import { DeleteProductDialog } from "@/components/products/delete-product-dialog";
import { ProductName, type DisplayName } from "@/components/products/product-name";
import { useErrorText } from "@/components/products/use-error-text";
import { useHydrated } from "@/components/products/use-hydrated";
import { StatusBadge } from "@/components/products/status-badge";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { Button, buttonVariants } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { NativeSelect } from "@/components/ui/native-select";
import { cn } from "@/lib/cn";
import { Link, usePathname, useRouter } from "@/lib/admin/i18n/navigation";
import type { ProductStatus } from "@/lib/products/contract";
import { bulkUpdateProducts, deleteProduct } from "./actions";
import type { SortColumn } from "./search-params";

/** One table row, already formatted by the server (so server and browser render the same). */
export interface ProductRow {
  id: string;
  name: DisplayName;
  sku: string | null;
  status: ProductStatus;
  price: string;
  inventory: string;
  updated: string;
  updatedIso: string;
  thumbnail: string | null;
}

const SEARCH_DELAY_MS = 350;

interface FiltersProps {
  state: { q: string; status: string; category: string };
  /** Kept as they are when the filters change (and sent along if the form submits natively). */
  hidden: { sort: string; limit: string };
  categories: string[];
  clearHref: string;
}

/**
 * Search and filters, all in the URL. Without JavaScript the form submits as a GET; with it,
 * selects apply at once and the search applies as the user pauses typing.
 */
export function ProductFilters({ state, hidden, categories, clearHref }: FiltersProps) {
  const t = useTranslations("products.filters");
  const tStatus = useTranslations("products.status");
  const id = useId();
  const router = useRouter();
  const pathname = usePathname();
  const searchParams = useSearchParams();
  const formRef = useRef<HTMLFormElement>(null);
  const inputRef = useRef<HTMLInputElement>(null);
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  const [pending, startTransition] = useTransition();
  // The selects show the new choice while the page loads, not the old one.
  const [optimistic, setOptimistic] = useOptimistic(state);
  const active = Boolean(state.q || state.status || state.category);

  useEffect(() => () => clearTimeout(timer.current), []);

  function apply(changes: Partial<FiltersProps["state"]>) {
    clearTimeout(timer.current);
    const form = formRef.current;
    if (!form) return;
    const query = new URLSearchParams();
    const values: Record<string, FormDataEntryValue | undefined> = {
      ...Object.fromEntries(new FormData(form)),
      ...changes,
    };
    for (const key of ["q", "status", "category", "sort", "limit"] as const) {
      const value = String(values[key] ?? "").trim();
      if (value) query.set(key, value);
    }
    // New filters start again on page 1 (page is simply left out).
    const search = query.toString();
    if (search === new URLSearchParams(searchParams).toString()) return;
    startTransition(() => {
      setOptimistic({ ...optimistic, ...changes });
      router.replace(`${pathname}${search ? `?${search}` : ""}`, { scroll: false });
    });
  }

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    apply({});
  }

  function clear() {
    if (inputRef.current) inputRef.current.value = "";
    clearTimeout(timer.current);
    startTransition(() => {
      setOptimistic({ q: "", status: "", category: "" });
      router.replace(clearHref, { scroll: false });
    });
  }

  return (
    <form
      ref={formRef}
      role="search"
      aria-label={t("label")}
      method="get"
      onSubmit={onSubmit}
      className="flex flex-col gap-3 rounded-xl border border-border bg-card p-3 shadow-sm sm:flex-row sm:flex-wrap sm:items-end"
    >
      <div className="flex min-w-0 flex-1 flex-col gap-1.5 sm:min-w-64">
        <Label htmlFor={`${id}-q`}>{t("search")}</Label>
        <div className="relative">
          <Search
            aria-hidden
            className="pointer-events-none absolute start-3 top-1/2 size-4 -translate-y-1/2 text-muted-foreground"
          />
          <Input
            ref={inputRef}
            id={`${id}-q`}
            type="search"
            name="q"
            defaultValue={state.q}
            placeholder={t("searchPlaceholder")}
            maxLength={200}
            autoComplete="off"
            className="ps-9"
            onChange={(event) => {
              clearTimeout(timer.current);
              const value = event.currentTarget.value;
              timer.current = setTimeout(() => apply({ q: value }), SEARCH_DELAY_MS);
            }}
          />
        </div>
      </div>
      <div className="flex flex-col gap-1.5 sm:w-44">
        <Label htmlFor={`${id}-status`}>{t("status")}</Label>
        <NativeSelect
          id={`${id}-status`}
          name="status"
          value={optimistic.status}
          onChange={(event) => apply({ status: event.currentTarget.value })}
        >
          <option value="">{t("allStatuses")}</option>
          {(["active", "draft", "archived"] as const).map((status) => (
            <option key={status} value={status}>
              {tStatus(status)}
            </option>
          ))}
        </NativeSelect>
      </div>
      <div className="flex flex-col gap-1.5 sm:w-52">
        <Label htmlFor={`${id}-category`}>{t("category")}</Label>
        <NativeSelect
          id={`${id}-category`}
          name="category"
          value={optimistic.category}
          onChange={(event) => apply({ category: event.currentTarget.value })}
        >
          <option value="">{t("allCategories")}</option>
          {/* A category from the URL that no product uses any more stays selectable. */}
          {[...new Set([...categories, state.category].filter(Boolean))].map((category) => (
            <option key={category} value={category}>
              {category}
            </option>
          ))}
        </NativeSelect>
      </div>
      {hidden.sort ? <input type="hidden" name="sort" value={hidden.sort} /> : null}
      {hidden.limit ? <input type="hidden" name="limit" value={hidden.limit} /> : null}
      <div className="flex items-center gap-2">
        <Button type="submit" variant="secondary" aria-busy={pending}>
          {pending ? <Loader2 aria-hidden className="animate-spin" /> : <Search aria-hidden />}
          {t("submit")}
        </Button>
        {active ? (
          <Button type="button" variant="ghost" onClick={clear}>
            <X aria-hidden />
            {t("clear")}
          </Button>
        ) : null}
      </div>
    </form>
  );
}

/** Rows per page; each choice is a URL the server prepared. */
export function PageSizeSelect({
  value,
  options,
}: {
  value: number;
  options: { value: number; label: string; href: string }[];
}) {
  const t = useTranslations("products.pagination");
  const id = useId();
  const router = useRouter();
  const hydrated = useHydrated();
  return (
    <div className="flex items-center gap-2">
      <Label htmlFor={id} className="font-normal text-muted-foreground">
        {t("perPage")}
      </Label>
      <NativeSelect
        id={id}
        value={value}
        disabled={!hydrated}
        className="h-9 w-20"
        onChange={(event) => {
          const option = options.find((o) => String(o.value) === event.currentTarget.value);
          if (option) router.push(option.href, { scroll: false });
        }}
      >
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </NativeSelect>
    </div>
  );
}

type BulkAction = "activate" | "archive" | "draft";

type Outcome =
  | {
      kind: "bulk";
      action: BulkAction;
      updated: number;
      failures: { name: DisplayName; code: string }[];
    }
  | { kind: "removed"; archived: boolean; name: DisplayName }
  | { kind: "error"; code: string };

const FeedbackContext = createContext<(outcome: Outcome | null) => void>(() => {});

/**
 * Where the list reports what an action did. It sits above the table, not in it, so the report
 * stays when the table goes (the last product of a search deleted). A new search clears it.
 */
export function ProductsFeedback({
  resetKey,
  children,
}: {
  resetKey: string;
  children: ReactNode;
}) {
  const [report, setReport] = useState<{ key: string; outcome: Outcome } | null>(null);
  const outcome = report?.key === resetKey ? report.outcome : null;
  const set = useCallback(
    (next: Outcome | null) => setReport(next ? { key: resetKey, outcome: next } : null),
    [resetKey],
  );
  return (
    <FeedbackContext.Provider value={set}>
      <div aria-live="polite" role="status" className="empty:hidden">
        {outcome ? <OutcomeAlert outcome={outcome} onDismiss={() => set(null)} /> : null}
      </div>
      {children}
    </FeedbackContext.Provider>
  );
}

interface TableProps {
  rows: ProductRow[];
  sortHeaders: Record<SortColumn, { href: string; direction: "ascending" | "descending" | null }>;
  canWrite: boolean;
  caption: string;
}

export function ProductsTable({ rows, sortHeaders, canWrite, caption }: TableProps) {
  const t = useTranslations("products");
  const locale = useLocale();
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const setOutcome = useContext(FeedbackContext);
  const [pending, startTransition] = useTransition();
  const [deleting, setDeleting] = useState<ProductRow | null>(null);
  const selectAllRef = useRef<HTMLInputElement>(null);
  // Selection and deletion need JavaScript; until it runs, their controls stay off.
  const hydrated = useHydrated();

  // Rows that left the page (deleted, filtered out) are no longer selected.
  const selectedRows = rows.filter((row) => selected.has(row.id));
  const allSelected = rows.length > 0 && selectedRows.length === rows.length;
  const someSelected = selectedRows.length > 0 && !allSelected;

  useEffect(() => {
    if (selectAllRef.current) selectAllRef.current.indeterminate = someSelected;
  }, [someSelected]);

  function toggle(id: string, on: boolean) {
    setSelected((current) => {
      const next = new Set(current);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });
  }

  function runBulk(action: BulkAction) {
    const ids = selectedRows.map((row) => row.id);
    const names = new Map(rows.map((row) => [row.id, row.name]));
    startTransition(async () => {
      const result = await bulkUpdateProducts(locale, { ids, action });
      if (!result.ok) {
        setOutcome({ kind: "error", code: result.error.code });
        return;
      }
      const { updated, errors } = result.data;
      setOutcome({
        kind: "bulk",
        action,
        updated: updated.length,
        failures: errors.map((e) => ({
          name: names.get(e.id) ?? { text: e.id, lang: "en", fallback: false },
          code: e.code,
        })),
      });
      // What could not be changed stays selected, ready for another try.
      setSelected(new Set(errors.map((e) => e.id)));
    });
  }

  return (
    <div className="flex flex-col gap-3">
      {canWrite && selectedRows.length > 0 ? (
        <div
          role="toolbar"
          aria-label={t("bulk.label")}
          className="flex flex-wrap items-center gap-2 rounded-lg border border-primary/30 bg-primary-soft px-3 py-2"
        >
          <span className="me-auto text-sm font-medium text-primary-soft-foreground">
            {t("bulk.selected", { count: selectedRows.length })}
          </span>
          <Button
            size="sm"
            variant="outline"
            disabled={pending}
            onClick={() => runBulk("activate")}
          >
            <Zap aria-hidden />
            {t("bulk.activate")}
          </Button>
          <Button size="sm" variant="outline" disabled={pending} onClick={() => runBulk("archive")}>
            <Archive aria-hidden />
            {t("bulk.archive")}
          </Button>
          <Button size="sm" variant="outline" disabled={pending} onClick={() => runBulk("draft")}>
            <FilePen aria-hidden />
            {t("bulk.draft")}
          </Button>
          <Button
            size="sm"
            variant="ghost"
            disabled={pending}
            onClick={() => setSelected(new Set())}
          >
            <X aria-hidden />
            {t("bulk.clear")}
          </Button>
          {pending ? <Loader2 aria-hidden className="size-4 animate-spin text-primary" /> : null}
        </div>
      ) : null}

      {/* Focusable, so keyboard users can scroll the table sideways on narrow screens. */}
      <div
        tabIndex={0}
        role="region"
        aria-label={caption}
        className="relative overflow-x-auto rounded-xl border border-border bg-card shadow-sm"
      >
        <table
          className="w-full min-w-[36rem] border-collapse text-sm lg:min-w-[44rem]"
          aria-busy={pending}
        >
          <caption className="sr-only">{caption}</caption>
          <thead className="border-b border-border bg-muted/60 text-xs text-muted-foreground">
            <tr>
              {canWrite ? (
                <th scope="col" className="w-10 ps-4 pe-1 text-start">
                  <input
                    ref={selectAllRef}
                    type="checkbox"
                    className="size-4 accent-primary"
                    aria-label={t("table.selectAll")}
                    disabled={!hydrated}
                    checked={allSelected}
                    onChange={(event) =>
                      setSelected(new Set(event.currentTarget.checked ? rows.map((r) => r.id) : []))
                    }
                  />
                </th>
              ) : null}
              <SortHeader
                column="name"
                header={sortHeaders.name}
                className={canWrite ? "ps-2" : "ps-4"}
              >
                {t("table.product")}
              </SortHeader>
              <th scope="col" className="px-3 py-3 text-start font-medium">
                {t("table.status")}
              </th>
              <SortHeader column="price" header={sortHeaders.price} align="end">
                {t("table.price")}
              </SortHeader>
              <SortHeader column="inventory" header={sortHeaders.inventory} align="end">
                {t("table.inventory")}
              </SortHeader>
              <SortHeader
                column="updated_at"
                header={sortHeaders.updated_at}
                className="hidden lg:table-cell"
              >
                {t("table.updated")}
              </SortHeader>
              <th scope="col" className="px-3 py-3 pe-4 text-end font-medium">
                <span className="sr-only">{t("table.actions")}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => {
              const isSelected = selected.has(row.id);
              return (
                <tr
                  key={row.id}
                  className={cn(
                    "border-b border-border last:border-b-0",
                    isSelected ? "bg-primary-soft/60" : "hover:bg-muted/50",
                  )}
                >
                  {canWrite ? (
                    <td className="ps-4 pe-1">
                      <input
                        type="checkbox"
                        className="size-4 accent-primary"
                        aria-label={t("table.select", { name: row.name.text })}
                        disabled={!hydrated}
                        checked={isSelected}
                        onChange={(event) => toggle(row.id, event.currentTarget.checked)}
                      />
                    </td>
                  ) : null}
                  <th
                    scope="row"
                    className={cn(
                      "min-w-56 py-3 pe-3 text-start font-normal",
                      canWrite ? "ps-2" : "ps-4",
                    )}
                  >
                    <div className="flex items-center gap-3">
                      <Thumbnail src={row.thumbnail} />
                      <div className="flex min-w-0 flex-col gap-0.5">
                        <Link
                          href={`/products/${row.id}`}
                          className="font-medium text-foreground underline-offset-4 hover:underline"
                        >
                          <ProductName name={row.name} />
                        </Link>
                        <span className="text-xs text-muted-foreground">
                          {row.sku ? (
                            <bdi dir="ltr" className="font-mono">
                              {row.sku}
                            </bdi>
                          ) : (
                            t("table.noSku")
                          )}
                        </span>
                      </div>
                    </div>
                  </th>
                  <td className="px-3 py-3">
                    <StatusBadge status={row.status} />
                  </td>
                  <td className="px-3 py-3 text-end whitespace-nowrap tabular-nums">{row.price}</td>
                  <td className="px-3 py-3 text-end tabular-nums">{row.inventory}</td>
                  <td className="hidden px-3 py-3 whitespace-nowrap text-muted-foreground lg:table-cell">
                    <time dateTime={row.updatedIso}>{row.updated}</time>
                  </td>
                  <td className="py-2 ps-3 pe-4">
                    <div className="flex items-center justify-end gap-1">
                      <Link
                        href={`/products/${row.id}`}
                        className={buttonVariants({ variant: "ghost", size: "icon" })}
                        aria-label={
                          canWrite
                            ? t("table.edit", { name: row.name.text })
                            : t("table.view", { name: row.name.text })
                        }
                      >
                        <Pencil aria-hidden />
                      </Link>
                      {canWrite ? (
                        <Button
                          variant="ghost"
                          size="icon"
                          className="text-destructive hover:bg-destructive-soft"
                          aria-label={t("table.delete", { name: row.name.text })}
                          aria-haspopup="dialog"
                          disabled={!hydrated}
                          onClick={() => setDeleting(row)}
                        >
                          <Trash2 aria-hidden />
                        </Button>
                      ) : null}
                    </div>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>

      {canWrite ? (
        <DeleteProductDialog
          product={deleting}
          onClose={() => setDeleting(null)}
          onConfirm={(id) => deleteProduct(locale, id)}
          onDone={(result, product) => {
            setOutcome(
              result.ok
                ? { kind: "removed", archived: result.data.archived, name: product.name }
                : { kind: "error", code: result.error.code },
            );
          }}
        />
      ) : null}
    </div>
  );
}

function SortHeader({
  column,
  header,
  align = "start",
  className,
  children,
}: {
  column: SortColumn;
  header: { href: string; direction: "ascending" | "descending" | null };
  align?: "start" | "end";
  className?: string;
  children: React.ReactNode;
}) {
  const t = useTranslations("products.table");
  const Icon =
    header.direction === "ascending"
      ? ArrowUp
      : header.direction === "descending"
        ? ArrowDown
        : ArrowUpDown;
  return (
    <th
      scope="col"
      aria-sort={header.direction ?? undefined}
      className={cn(
        "px-3 py-3 font-medium",
        align === "end" ? "text-end" : "text-start",
        className,
      )}
      data-column={column}
    >
      <Link
        href={header.href}
        scroll={false}
        className={cn(
          "inline-flex items-center gap-1 rounded-sm hover:text-foreground",
          header.direction && "text-foreground",
        )}
      >
        {children}
        <Icon aria-hidden className={cn("size-3.5", !header.direction && "opacity-50")} />
        <span className="sr-only">
          {header.direction === "ascending" ? t("sortDescending") : t("sortAscending")}
        </span>
      </Link>
    </th>
  );
}

function Thumbnail({ src }: { src: string | null }) {
  if (!src) {
    return (
      <span
        aria-hidden
        className="flex size-10 shrink-0 items-center justify-center rounded-md bg-muted text-muted-foreground"
      >
        <ImageOff className="size-4" />
      </span>
    );
  }
  return (
    // Uploaded files come from the Store API with long-lived caching; Next's image optimiser
    // would only fetch them from this same server again.
    // eslint-disable-next-line @next/next/no-img-element
    <img
      src={src}
      alt=""
      width={40}
      height={40}
      loading="lazy"
      decoding="async"
      className="size-10 shrink-0 rounded-md border border-border bg-muted object-cover"
    />
  );
}

/** Why a bulk change failed for one product: the API's code in words. */
function reasonKey(code: string, action: BulkAction) {
  if (code === "PRODUCT_NOT_FOUND") return "notFound" as const;
  if (code === "VALIDATION_ERROR" && action === "activate") return "needsNames" as const;
  return "other" as const;
}

function OutcomeAlert({ outcome, onDismiss }: { outcome: Outcome; onDismiss: () => void }) {
  const t = useTranslations("products");
  const errorText = useErrorText();
  const dismiss = (
    <Button
      variant="ghost"
      size="icon"
      className="absolute end-1 top-1 size-8"
      onClick={onDismiss}
      aria-label={t("dismiss")}
    >
      <X aria-hidden />
    </Button>
  );

  if (outcome.kind === "error") {
    return (
      <Alert variant="destructive" className="pe-10">
        <CircleAlert aria-hidden />
        <AlertTitle>{t("errors.title")}</AlertTitle>
        <AlertDescription>{errorText(outcome.code)}</AlertDescription>
        {dismiss}
      </Alert>
    );
  }
  if (outcome.kind === "removed") {
    return (
      <Alert variant="success" className="pe-10">
        <CircleCheck aria-hidden />
        <AlertDescription>
          {t.rich(outcome.archived ? "delete.archivedInstead" : "delete.deleted", {
            name: outcome.name.text,
            product: (chunks) => (
              <bdi lang={outcome.name.lang} dir="auto" className="font-medium">
                {chunks}
              </bdi>
            ),
          })}
        </AlertDescription>
        {dismiss}
      </Alert>
    );
  }
  const { failures } = outcome;
  return (
    <Alert variant={failures.length ? "destructive" : "success"} className="pe-10">
      {failures.length ? <CircleAlert aria-hidden /> : <CircleCheck aria-hidden />}
      <AlertTitle>
        {t("bulk.done", { count: outcome.updated })}
        {failures.length ? ` ${t("bulk.failed", { count: failures.length })}` : ""}
      </AlertTitle>
      {failures.length ? (
        <AlertDescription>
          <ul className="mt-1 flex list-disc flex-col gap-1 ps-5">
            {failures.map((failure, index) => (
              <li key={index}>
                {t.rich(`bulk.reasons.${reasonKey(failure.code, outcome.action)}`, {
                  name: failure.name.text,
                  product: (chunks) => (
                    <bdi lang={failure.name.lang} dir="auto" className="font-medium">
                      {chunks}
                    </bdi>
                  ),
                })}
              </li>
            ))}
          </ul>
        </AlertDescription>
      ) : null}
      {dismiss}
    </Alert>
  );
}
