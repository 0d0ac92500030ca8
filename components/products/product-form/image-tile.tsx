import { ArrowLeft, ArrowRight, Undo2, X } from "lucide-react";
import type { ReactNode } from "react";
import { Button } from "@/components/ui/button";
import { cn } from "@/lib/cn";

/** A button of the tile: small, outlined, readable over the picture. */
function TileButton({
  action,
  label,
  onClick,
  disabled,
  className,
  children,
}: {
  /** Which button this is, so focus can find it again after the tile moves or changes. */
  action: "remove" | "undo" | "earlier" | "later";
  label: string;
  onClick: () => void;
  disabled?: boolean;
  className?: string;
  children: ReactNode;
}) {
  return (
    <Button
      type="button"
      variant="outline"
      size="icon"
      className={cn("size-8 bg-card/90", className)}
      aria-label={label}
      title={label}
      data-action={action}
      disabled={disabled}
      onClick={onClick}
    >
      {children}
    </Button>
  );
}

export interface TileMove {
  earlierLabel: string;
  laterLabel: string;
  /** Undefined at that end of the list. */
  onEarlier?: () => void;
  onLater?: () => void;
}

/**
 * One image in the product form's grid: remove (or, once marked, undo) unless read-only, and
 * move earlier/later buttons where the order can change. Arrows point along the reading order.
 */
export function ImageTile({
  src,
  label,
  note,
  removeLabel,
  onRemove,
  removed,
  undoLabel,
  move,
  disabled,
}: {
  src: string;
  label: string;
  note?: string;
  removeLabel: string;
  onRemove?: () => void;
  /** Marked for removal at the next save: dimmed, with an undo button. */
  removed?: boolean;
  undoLabel?: string;
  move?: TileMove;
  disabled?: boolean;
}) {
  return (
    <li
      data-image={src}
      className={cn(
        "relative overflow-hidden rounded-lg border border-border bg-muted",
        removed && "border-dashed border-destructive",
      )}
    >
      {/* Uploaded files and local previews: nothing for Next's image optimiser to improve. */}
      {/* eslint-disable-next-line @next/next/no-img-element */}
      <img
        src={src}
        alt={label}
        className={cn("aspect-square w-full object-cover", removed && "opacity-40 grayscale")}
      />
      {note ? (
        <span
          className={cn(
            "absolute inset-x-0 bottom-0 px-2 py-1 text-xs",
            removed ? "bg-destructive text-white" : "bg-foreground/70 text-white",
          )}
        >
          {note}
        </span>
      ) : null}
      {onRemove ? (
        <div className="absolute end-1.5 top-1.5 flex gap-1">
          {removed ? (
            <TileButton
              action="undo"
              label={undoLabel ?? removeLabel}
              onClick={onRemove}
              disabled={disabled}
            >
              <Undo2 aria-hidden />
            </TileButton>
          ) : (
            <TileButton action="remove" label={removeLabel} onClick={onRemove} disabled={disabled}>
              <X aria-hidden />
            </TileButton>
          )}
        </div>
      ) : null}
      {move && !removed ? (
        <div className="absolute start-1.5 top-1.5 flex gap-1">
          {(
            [
              ["earlier", move.earlierLabel, move.onEarlier, ArrowLeft],
              ["later", move.laterLabel, move.onLater, ArrowRight],
            ] as const
          ).map(([action, label, onClick, Arrow]) =>
            onClick ? (
              <TileButton
                key={action}
                action={action}
                label={label}
                onClick={onClick}
                disabled={disabled}
              >
                <Arrow aria-hidden className="rtl:rotate-180" />
              </TileButton>
            ) : null,
          )}
        </div>
      ) : null}
    </li>
  );
}
