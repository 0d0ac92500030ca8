import type { ComponentProps, ReactNode } from "react";
import { buttonVariants } from "@/components/ui/button";
import { cn } from "@/lib/cn";

type FilePickerProps = Omit<ComponentProps<"input">, "type" | "children"> & {
  id: string;
  /** The button's text; it is also the input's label. */
  label: ReactNode;
  /** Beside the button, e.g. the chosen file's name. */
  status?: ReactNode;
};

/**
 * A file input whose button speaks the page's language (the native one follows the browser's).
 * The input stays in the page, visually hidden, so keyboard and screen readers use it as usual.
 */
export function FilePicker({ id, label, status, className, ...props }: FilePickerProps) {
  return (
    <div
      className={cn(
        "flex min-w-0 items-center gap-3 rounded-md border border-dashed border-input bg-card p-2",
        className,
      )}
    >
      <input id={id} type="file" className="peer sr-only" {...props} />
      <label
        htmlFor={id}
        className={cn(
          buttonVariants({ variant: "secondary", size: "sm" }),
          "cursor-pointer peer-focus-visible:outline-2 peer-focus-visible:outline-offset-2 peer-focus-visible:outline-ring peer-disabled:pointer-events-none peer-disabled:opacity-60",
        )}
      >
        {label}
      </label>
      {status ? (
        <span className="min-w-0 truncate text-sm text-muted-foreground">{status}</span>
      ) : null}
    </div>
  );
}
