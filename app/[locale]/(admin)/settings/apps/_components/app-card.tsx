"use client";

import { Download, List, Trash2 } from "lucide-react";
import { useTranslations } from "next-intl";
import type { AppView } from "@/components/apps/app-view";
import { ScopeBadges } from "@/components/settings/scope-badges";
import { Badge } from "@/components/ui/badge";
import { Button, buttonVariants } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { DeliveryStatusBadge } from "@/components/webhooks/delivery-status-badge";
import { Link } from "@/lib/admin/i18n/navigation";
import { cn } from "@/lib/cn";

/** Who made the app and what kind it is: the card's and the app page's subtitle. */
export function AppByline({ app }: { app: AppView }) {
  const t = useTranslations("apps");
  return (
    <div className="flex flex-wrap items-center gap-2 text-sm text-muted-foreground">
      <span>
        {t.rich("card.by", { developer: app.developer, dev: (text) => <bdi>{text}</bdi> })}
      </span>
      <Badge variant="secondary" title={t(`kindHint.${app.kind}`)}>
        {t(`kind.${app.kind}`)}
      </Badge>
      {app.install ? <Badge>{t("card.installed")}</Badge> : null}
    </div>
  );
}

/** When and by whom the app was installed, and how its install callback went. */
export function InstallSummary({ install }: { install: NonNullable<AppView["install"]> }) {
  const t = useTranslations("apps.card");
  return (
    <div className="flex flex-wrap items-center gap-x-3 gap-y-1 text-sm text-muted-foreground">
      <span>
        {install.by
          ? t.rich("installedBy", {
              date: install.at.text,
              name: install.by,
              time: (text) => <time dateTime={install.at.iso}>{text}</time>,
            })
          : t.rich("installedOn", {
              date: install.at.text,
              time: (text) => <time dateTime={install.at.iso}>{text}</time>,
            })}
      </span>
      {install.callbackStatus ? (
        <span className="flex items-center gap-1.5">
          {t("callback")}
          <DeliveryStatusBadge status={install.callbackStatus} />
        </span>
      ) : null}
    </div>
  );
}

/** Install, or (destructive, in red) Uninstall: whichever the app's state allows. */
export function InstallButton({
  app,
  onAsk,
  className,
}: {
  app: AppView;
  onAsk: (kind: "install" | "uninstall", app: AppView) => void;
  className?: string;
}) {
  const t = useTranslations("apps.card");
  return app.install ? (
    <Button
      variant="ghost"
      size="sm"
      className={cn("text-destructive hover:bg-destructive-soft", className)}
      onClick={() => onAsk("uninstall", app)}
    >
      <Trash2 aria-hidden />
      {t("uninstall")}
    </Button>
  ) : (
    <Button size="sm" onClick={() => onAsk("install", app)}>
      <Download aria-hidden />
      {t("install")}
    </Button>
  );
}

/** One app of the directory: what it is, what it asks for, and install or uninstall. */
export function AppCard({
  app,
  canManage,
  onAsk,
}: {
  app: AppView;
  canManage: boolean;
  onAsk: (kind: "install" | "uninstall", app: AppView) => void;
}) {
  const t = useTranslations("apps");
  const titleId = `app-${app.ref}-name`;
  return (
    <Card className="p-5">
      <article aria-labelledby={titleId} className="flex min-w-0 flex-col gap-4">
        <div className="flex min-w-0 flex-col gap-1.5">
          <h4 id={titleId} className="text-base font-semibold [overflow-wrap:anywhere]">
            <bdi>{app.name}</bdi>
          </h4>
          <AppByline app={app} />
        </div>
        {app.description ? (
          <p className="text-sm [overflow-wrap:anywhere] whitespace-pre-line">
            <bdi>{app.description}</bdi>
          </p>
        ) : null}
        <div className="flex flex-col gap-1.5">
          <span className="text-sm font-medium">{t("card.asksFor")}</span>
          <ScopeBadges scopes={app.scopes} label={t("card.asksFor")} />
        </div>
        {app.install ? <InstallSummary install={app.install} /> : null}
        <div
          role="group"
          aria-label={t("card.actions", { name: app.name })}
          className="flex flex-wrap items-center gap-2 border-t border-border pt-4"
        >
          <Link
            href={`/settings/apps/${encodeURIComponent(app.ref)}`}
            className={buttonVariants({ variant: "outline", size: "sm" })}
          >
            <List aria-hidden />
            {t("card.details")}
          </Link>
          {canManage ? <InstallButton app={app} onAsk={onAsk} className="sm:ms-auto" /> : null}
        </div>
      </article>
    </Card>
  );
}
