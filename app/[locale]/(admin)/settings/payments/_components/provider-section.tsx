import type { ReactNode } from "react";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";

/** One payment method's card: its name and state at the top, its form and tools below. */
export function ProviderSection({
  id,
  title,
  description,
  badges,
  updated,
  children,
}: {
  id: string;
  title: string;
  description: string;
  badges?: ReactNode;
  /** "Last changed …", already in words. */
  updated?: string | null;
  children: ReactNode;
}) {
  return (
    <Card role="region" aria-labelledby={`${id}-title`}>
      <CardHeader>
        <div className="flex flex-wrap items-start justify-between gap-3">
          <div className="flex min-w-0 flex-col gap-1.5">
            <CardTitle id={`${id}-title`}>{title}</CardTitle>
            <CardDescription>{description}</CardDescription>
          </div>
          {badges}
        </div>
        {updated ? <p className="text-xs text-muted-foreground">{updated}</p> : null}
      </CardHeader>
      <CardContent className="flex flex-col gap-6">{children}</CardContent>
    </Card>
  );
}
