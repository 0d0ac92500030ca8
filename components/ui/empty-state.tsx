import type { ReactNode } from "react";
import { Card } from "@/components/ui/card";

/** An empty list or a closed door: an icon, a title, a sentence, maybe a button. */
export function EmptyState({
  icon,
  title,
  description,
  level = 3,
  children,
}: {
  icon: ReactNode;
  title: string;
  description: string;
  /** Under a section's h2 by default; 2 where it stands in for the whole section. */
  level?: 2 | 3;
  children?: ReactNode;
}) {
  const Heading = level === 2 ? "h2" : "h3";
  return (
    <Card className="flex flex-col items-center gap-4 px-6 py-14 text-center">
      <span
        aria-hidden
        className="flex size-12 items-center justify-center rounded-full bg-primary-soft text-primary-soft-foreground [&_svg]:size-6"
      >
        {icon}
      </span>
      <div className="flex max-w-md flex-col gap-1.5">
        <Heading className="text-lg font-semibold">{title}</Heading>
        <p className="text-muted-foreground">{description}</p>
      </div>
      {children ? <div className="flex flex-wrap justify-center gap-2">{children}</div> : null}
    </Card>
  );
}
