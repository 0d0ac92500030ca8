import { ArrowLeft, Lock } from "lucide-react";
import { useTranslations } from "next-intl";
import type { ReactNode } from "react";
import { buttonVariants } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { Link } from "@/lib/admin/i18n/navigation";

export { EmptyState };

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

/** A part of a section page (invitations, an app's callbacks): an h3 over a sentence. */
export function SubsectionTitle({
  id,
  title,
  description,
}: {
  id: string;
  title: string;
  description: string;
}) {
  return (
    <div className="flex flex-col gap-1">
      <h3 id={id} className="text-lg font-semibold">
        {title}
      </h3>
      <p className="text-sm text-muted-foreground">{description}</p>
    </div>
  );
}

/** Back from a section's sub-page (a webhook's log, an app) to the section. */
export function BackLink({ href, children }: { href: string; children: ReactNode }) {
  return (
    <Link
      href={href}
      className={buttonVariants({ variant: "ghost", size: "sm", className: "self-start" })}
    >
      <ArrowLeft aria-hidden className="rtl:rotate-180" />
      {children}
    </Link>
  );
}

/** Shown instead of a section the signed-in role may not use (the API would refuse it anyway). */
export function NoAccess() {
  const t = useTranslations("settings.noAccess");
  return <EmptyState level={2} icon={<Lock />} title={t("title")} description={t("description")} />;
}
