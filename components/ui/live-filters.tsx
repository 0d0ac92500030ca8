"use client";

import { Loader2, Search } from "lucide-react";
import { useSearchParams } from "next/navigation";
import {
  useEffect,
  useOptimistic,
  useRef,
  useTransition,
  type ComponentProps,
  type FormEvent,
  type ReactNode,
} from "react";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { cn } from "@/lib/cn";
import { usePathname, useRouter } from "@/lib/admin/i18n/navigation";

const TYPING_DELAY_MS = 350;

/**
 * A list's search and filters, all in the URL (`keys`, then the hidden sort and limit). Without
 * JavaScript the form submits as a GET; with it, `apply` replaces the URL at once and `applyLater`
 * as the user pauses typing. New filters start again on page 1 (page is simply left out).
 */
export function useLiveFilters<K extends string>(
  keys: readonly K[],
  state: Record<K, string>,
  clearHref: string,
) {
  const router = useRouter();
  const pathname = usePathname();
  const searchParams = useSearchParams();
  const formRef = useRef<HTMLFormElement>(null);
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  const [pending, startTransition] = useTransition();
  // Selects show the new choice while the page loads, not the old one.
  const [optimistic, setOptimistic] = useOptimistic(state);

  useEffect(() => () => clearTimeout(timer.current), []);

  function apply(changes: Partial<Record<K, string>>) {
    clearTimeout(timer.current);
    const form = formRef.current;
    if (!form) return;
    const values: Record<string, FormDataEntryValue | undefined> = {
      ...Object.fromEntries(new FormData(form)),
      ...changes,
    };
    const query = new URLSearchParams();
    for (const key of [...keys, "sort", "limit"]) {
      const value = String(values[key] ?? "").trim();
      if (value) query.set(key, value);
    }
    const search = query.toString();
    if (search === new URLSearchParams(searchParams).toString()) return;
    startTransition(() => {
      setOptimistic({ ...optimistic, ...changes });
      router.replace(`${pathname}${search ? `?${search}` : ""}`, { scroll: false });
    });
  }

  function applyLater(changes: Partial<Record<K, string>>) {
    clearTimeout(timer.current);
    timer.current = setTimeout(() => apply(changes), TYPING_DELAY_MS);
  }

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    apply({});
  }

  function clear() {
    clearTimeout(timer.current);
    for (const element of Array.from(formRef.current?.elements ?? [])) {
      if (element instanceof HTMLInputElement && element.type !== "hidden") element.value = "";
    }
    startTransition(() => {
      setOptimistic(Object.fromEntries(keys.map((key) => [key, ""])) as Record<K, string>);
      router.replace(clearHref, { scroll: false });
    });
  }

  return {
    formRef,
    pending,
    optimistic,
    active: keys.some((key) => state[key]),
    apply,
    applyLater,
    onSubmit,
    clear,
  };
}

/** A search box: the magnifier inside, at the start; `end` (a spinner) inside, at the end. */
export function SearchInput({
  className,
  end,
  ...props
}: ComponentProps<typeof Input> & { end?: ReactNode }) {
  return (
    <div className="relative">
      <Search
        aria-hidden
        className="pointer-events-none absolute start-3 top-1/2 size-4 -translate-y-1/2 text-muted-foreground"
      />
      <Input type="search" className={cn("ps-9", className)} {...props} />
      {end}
    </div>
  );
}

/** The filters' submit button, spinning while the filtered page loads. */
export function FilterSubmit({
  pending,
  size,
  children,
}: {
  pending: boolean;
  size?: "sm";
  children: string;
}) {
  return (
    <Button type="submit" variant="secondary" size={size} aria-busy={pending}>
      {pending ? <Loader2 aria-hidden className="animate-spin" /> : <Search aria-hidden />}
      {children}
    </Button>
  );
}

/**
 * The filters' form (role search, named by `label`; `ref` and `onSubmit` from useLiveFilters),
 * submitting as a GET without JavaScript; the list's sort and size ride along as hidden fields.
 */
export function LiveFilterForm({
  label,
  hidden,
  className,
  children,
  ...form
}: Pick<ComponentProps<"form">, "ref" | "onSubmit"> & {
  label: string;
  hidden: { sort: string; limit: string };
  className?: string;
  children: ReactNode;
}) {
  return (
    <form
      {...form}
      role="search"
      aria-label={label}
      method="get"
      className={cn(
        "flex flex-col gap-3 rounded-xl border border-border bg-card p-3 shadow-sm",
        className,
      )}
    >
      {children}
      {hidden.sort ? <input type="hidden" name="sort" value={hidden.sort} /> : null}
      {hidden.limit ? <input type="hidden" name="limit" value={hidden.limit} /> : null}
    </form>
  );
}

/** The filters' text search (`q`); `onType` gets each new value (useLiveFilters' applyLater). */
export function LiveSearchField({
  id,
  label,
  className,
  onType,
  ...input
}: Pick<ComponentProps<"input">, "placeholder" | "defaultValue" | "dir"> & {
  id: string;
  label: string;
  className: string;
  onType: (q: string) => void;
}) {
  return (
    <div className={className}>
      <Label htmlFor={id}>{label}</Label>
      <SearchInput
        id={id}
        name="q"
        maxLength={200}
        autoComplete="off"
        {...input}
        onChange={(event) => onType(event.currentTarget.value)}
      />
    </div>
  );
}
