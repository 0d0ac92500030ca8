import { CircleCheck, CircleX, Clock, Link2Off, LoaderCircle } from "lucide-react";
import type { ReactNode } from "react";
import { Card, CardContent } from "@/components/ui/card";
import { cn } from "@/lib/cn";

const TONES = {
  success: { icon: CircleCheck, className: "bg-success-soft text-success-soft-foreground" },
  failed: { icon: CircleX, className: "bg-destructive-soft text-destructive-soft-foreground" },
  closed: { icon: Link2Off, className: "bg-muted text-muted-foreground" },
  expired: { icon: Clock, className: "bg-muted text-muted-foreground" },
  pending: { icon: LoaderCircle, className: "bg-primary-soft text-primary-soft-foreground" },
} as const;

/** The page's one message when there is nothing (more) to pay: an icon, the title, what to do. */
export function StatusPanel({
  tone,
  title,
  description,
  children,
}: {
  tone: keyof typeof TONES;
  title: string;
  description: ReactNode;
  children?: ReactNode;
}) {
  const { icon: Icon, className } = TONES[tone];
  return (
    <Card>
      <CardContent className="flex flex-col items-center gap-3 p-8 text-center">
        <span
          aria-hidden
          className={cn("flex size-12 items-center justify-center rounded-full", className)}
        >
          <Icon className={cn("size-6", tone === "pending" && "animate-spin")} />
        </span>
        <h1 className="text-xl font-semibold tracking-tight">{title}</h1>
        <div className="max-w-md text-sm text-balance text-muted-foreground">{description}</div>
        {children}
      </CardContent>
    </Card>
  );
}
