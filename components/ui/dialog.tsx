"use client";

import {
  createContext,
  useContext,
  useEffect,
  useId,
  useRef,
  type ReactNode,
  type RefObject,
} from "react";
import { Button, type ButtonProps } from "@/components/ui/button";
import { cn } from "@/lib/cn";

/** Closes the enclosing Dialog the way Escape does, so its onClose runs once, from one place. */
const DialogCloseContext = createContext<() => void>(() => {});

/** The enclosing Dialog's close function, for a button or a finished request inside it. */
export function useDialogClose(): () => void {
  return useContext(DialogCloseContext);
}

export interface DialogProps {
  /** Whether the dialog is shown; the parent owns this state. */
  open: boolean;
  /** Called when the dialog closes itself (Escape, the backdrop, or a button calling close). */
  onClose: () => void;
  title: ReactNode;
  description?: ReactNode;
  /** A small icon beside the title. */
  icon?: ReactNode;
  tone?: "default" | "destructive";
  /** alertdialog for confirmations of something that cannot be undone. */
  role?: "dialog" | "alertdialog";
  /** While true, Escape and the backdrop do not close it (a request is still running). */
  busy?: boolean;
  /** What gets focus on open; by default the browser picks the first focusable element. */
  initialFocus?: RefObject<HTMLElement | null>;
  size?: "md" | "lg";
  children: ReactNode;
}

/**
 * A modal built on <dialog>: the top layer, focus trapping, Escape and focus return come from the
 * platform. The body is rendered only while open, so each opening starts fresh.
 */
export function Dialog({
  open,
  onClose,
  title,
  description,
  icon,
  tone = "default",
  role = "dialog",
  busy = false,
  initialFocus,
  size = "md",
  children,
}: DialogProps) {
  const id = useId();
  const ref = useRef<HTMLDialogElement>(null);

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) {
      dialog.showModal();
      initialFocus?.current?.focus();
    }
    if (!open && dialog.open) dialog.close();
  }, [open, initialFocus]);

  const close = () => ref.current?.close();

  return (
    <dialog
      ref={ref}
      role={role}
      aria-modal="true"
      aria-labelledby={`${id}-title`}
      aria-describedby={description ? `${id}-description` : undefined}
      onClose={onClose}
      onCancel={(event) => {
        if (busy) event.preventDefault();
      }}
      onClick={(event) => {
        // A click on the backdrop lands on the dialog element itself.
        if (event.target === event.currentTarget && !busy) event.currentTarget.close();
      }}
      className={cn(
        "m-auto max-h-[calc(100dvh-2rem)] w-[calc(100%-2rem)] overflow-y-auto rounded-xl border border-border bg-card p-0 text-foreground shadow-xl backdrop:bg-foreground/40",
        size === "lg" ? "max-w-2xl" : "max-w-md",
      )}
    >
      {open ? (
        <div className="flex flex-col gap-5 p-6">
          <div className="flex items-start gap-4">
            {icon ? (
              <span
                aria-hidden
                className={cn(
                  "flex size-10 shrink-0 items-center justify-center rounded-full [&_svg]:size-5",
                  tone === "destructive"
                    ? "bg-destructive-soft text-destructive"
                    : "bg-primary-soft text-primary-soft-foreground",
                )}
              >
                {icon}
              </span>
            ) : null}
            <div className="flex min-w-0 flex-col gap-1.5">
              <h2 id={`${id}-title`} className="text-lg leading-tight font-semibold">
                {title}
              </h2>
              {description ? (
                <div id={`${id}-description`} className="text-sm text-muted-foreground">
                  {description}
                </div>
              ) : null}
            </div>
          </div>
          <DialogCloseContext.Provider value={close}>{children}</DialogCloseContext.Provider>
        </div>
      ) : null}
    </dialog>
  );
}

/** The row of buttons at the bottom of a dialog: stacked on phones, at the end edge otherwise. */
export function DialogActions({
  children,
  className,
}: {
  children: ReactNode;
  className?: string;
}) {
  return (
    <div className={cn("flex flex-col-reverse gap-2 sm:flex-row sm:justify-end", className)}>
      {children}
    </div>
  );
}

/** A button that closes the enclosing Dialog (Cancel, Done, Close). Outline unless told. */
export function DialogClose({ variant = "outline", onClick, ...props }: ButtonProps) {
  const close = useDialogClose();
  return (
    <Button
      variant={variant}
      onClick={(event) => {
        onClick?.(event);
        if (!event.defaultPrevented) close();
      }}
      {...props}
    />
  );
}
