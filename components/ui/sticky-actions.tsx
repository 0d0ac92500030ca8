import type { ComponentProps } from "react";
import { cn } from "@/lib/cn";

/**
 * A long form's Save/Cancel row, kept in view at the bottom of the window while the form
 * scrolls; at the end of the form it rests in its own place, so nothing stays hidden under it.
 */
export function StickyActions({ className, ...props }: ComponentProps<"div">) {
  return (
    <div
      data-sticky-actions=""
      className={cn(
        "sticky bottom-0 z-20 -mx-4 flex flex-wrap items-center gap-3 border-t border-border bg-background/95 px-4 py-3 backdrop-blur-sm print:static",
        className,
      )}
      {...props}
    />
  );
}
