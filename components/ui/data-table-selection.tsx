"use client";

import { useEffect, useRef, useState, type ComponentProps } from "react";
import { cn } from "@/lib/cn";

/**
 * Which rows of a DataTable are selected. Only ids still on the page count, so rows that left it
 * (deleted, filtered out) are no longer selected.
 */
export function useRowSelection(ids: readonly string[]) {
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const selectedIds = ids.filter((id) => selected.has(id));
  const all = ids.length > 0 && selectedIds.length === ids.length;
  return {
    selectedIds,
    all,
    some: selectedIds.length > 0 && !all,
    isSelected: (id: string) => selected.has(id),
    toggle(id: string, on: boolean) {
      setSelected((current) => {
        const next = new Set(current);
        if (on) next.add(id);
        else next.delete(id);
        return next;
      });
    },
    /** Selects exactly these ids (none clears the selection). */
    set: (next: Iterable<string>) => setSelected(new Set(next)),
  };
}

/** A row's (or the header's select-all) checkbox; `indeterminate` only exists as a DOM property. */
export function SelectionCheckbox({
  indeterminate = false,
  className,
  ...props
}: Omit<ComponentProps<"input">, "type"> & { indeterminate?: boolean }) {
  const ref = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (ref.current) ref.current.indeterminate = indeterminate;
  }, [indeterminate]);
  return (
    <input
      ref={ref}
      type="checkbox"
      className={cn("size-4 accent-primary", className)}
      {...props}
    />
  );
}
