import { Lock } from "lucide-react";
import { useTranslations } from "next-intl";
import type { ReactNode } from "react";
import { Card } from "@/components/ui/card";

/** The heading block of each settings section, with its main action at the end. */
export function SectionHeader({
  id,
  title,
  description,
  children,
}: {
  id?: string;
  title: string;
  description: string;
  children?: ReactNode;
}) {
  return (
    <header className="flex flex-wrap items-end justify-between gap-4">
      <div className="flex max-w-2xl flex-col gap-1">
        <h2 id={id} className="text-xl font-semibold tracking-tight">
          {title}
        </h2>
        <p className="text-sm text-muted-foreground">{description}</p>
      </div>
      {children ? <div className="flex flex-wrap items-center gap-2">{children}</div> : null}
    </header>
  );
}

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

/** Shown instead of a section the signed-in role may not use (the API would refuse it anyway). */
export function NoAccess() {
  const t = useTranslations("settings.noAccess");
  return <EmptyState level={2} icon={<Lock />} title={t("title")} description={t("description")} />;
}
