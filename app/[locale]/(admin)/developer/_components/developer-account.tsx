"use client";

import { List, Pencil, Plus, RefreshCw } from "lucide-react";
import { useTranslations } from "next-intl";
import { ScopeBadges } from "@/components/settings/scope-badges";
import { ListTable } from "@/components/settings/list-table";
import { Badge } from "@/components/ui/badge";
import { Button, buttonVariants } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { CardFields, CardLine, CardList, CardListItem, WideOnly } from "@/components/ui/card-list";
import { CopyField } from "@/components/ui/copy-field";
import { Td } from "@/components/ui/data-table";
import { Link } from "@/lib/admin/i18n/navigation";
import type { DeveloperAppView, DeveloperView } from "./developer-view";

interface Actions {
  onRotate: () => void;
  onCreateApp: () => void;
  onEditApp: (app: DeveloperAppView) => void;
}

/** One developer account: who it is, its unsigned token, the secret's rotation and its apps. */
export function DeveloperAccount({ account, ...actions }: { account: DeveloperView } & Actions) {
  const t = useTranslations("developer");
  const titleId = `developer-${account.ref}`;
  return (
    <Card className="flex flex-col gap-6 p-5 sm:p-6">
      <section aria-labelledby={titleId} className="flex min-w-0 flex-col gap-5">
        <div className="flex flex-wrap items-start justify-between gap-3">
          <div className="flex min-w-0 flex-col gap-1">
            <h2 id={titleId} className="text-xl font-semibold [overflow-wrap:anywhere]">
              <bdi>{account.name}</bdi>
            </h2>
            <CardFields
              fields={[
                {
                  label: t("account.ref"),
                  value: (
                    <code dir="ltr" className="font-mono text-xs">
                      {account.ref}
                    </code>
                  ),
                },
                {
                  label: t("account.email"),
                  value: (
                    <bdi dir="ltr" className="[overflow-wrap:anywhere]">
                      {account.email}
                    </bdi>
                  ),
                },
                {
                  label: t("account.registered"),
                  value: <time dateTime={account.registered.iso}>{account.registered.text}</time>,
                },
                {
                  label: t("account.rotated"),
                  value: account.rotated ? (
                    <time dateTime={account.rotated.iso}>{account.rotated.text}</time>
                  ) : (
                    t("account.neverRotated")
                  ),
                },
              ]}
            />
          </div>
          <Button variant="outline" size="sm" onClick={actions.onRotate}>
            <RefreshCw aria-hidden />
            {t("account.rotate")}
          </Button>
        </div>
        <CopyField label={t("account.token")} value={account.token} hint={t("account.tokenHint")} />
        <DeveloperApps account={account} {...actions} />
      </section>
    </Card>
  );
}

function DeveloperApps({ account, onCreateApp, onEditApp }: { account: DeveloperView } & Actions) {
  const t = useTranslations("developer.apps");
  const caption = t("caption", { count: account.apps.length });
  return (
    <section className="flex flex-col gap-3" aria-labelledby={`${account.ref}-apps`}>
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div className="flex flex-col gap-1">
          <h3 id={`${account.ref}-apps`} className="text-lg font-semibold">
            {t("title")}
          </h3>
          <p className="text-sm text-muted-foreground">{t("description")}</p>
        </div>
        <Button size="sm" onClick={onCreateApp} aria-label={t("createFor", { ref: account.ref })}>
          <Plus aria-hidden />
          {t("create")}
        </Button>
      </div>
      {account.apps.length === 0 ? (
        <p className="rounded-lg border border-dashed border-border px-4 py-6 text-center text-sm text-muted-foreground">
          {t("empty")}
        </p>
      ) : (
        <>
          <CardList label={caption} className="shadow-none">
            {account.apps.map((app) => (
              <CardListItem key={app.ref} className="gap-3">
                <CardLine className="items-start">
                  <AppTitle app={app} />
                  <AppActions developerRef={account.ref} app={app} onEdit={onEditApp} />
                </CardLine>
                <CardFields
                  fields={[
                    { label: t("kind"), value: <AppKind app={app} /> },
                    { label: t("installs"), value: <AppInstalls app={app} /> },
                  ]}
                />
                <ScopeBadges scopes={app.scopes} label={t("scopes")} />
              </CardListItem>
            ))}
          </CardList>
          <WideOnly>
            <ListTable
              caption={caption}
              columns={[t("name"), t("kind"), t("scopes"), t("installs")]}
              actions={t("actions")}
              minWidth="min-w-[44rem]"
            >
              {account.apps.map((app) => (
                <tr key={app.ref}>
                  <Td>
                    <AppTitle app={app} />
                  </Td>
                  <Td>
                    <AppKind app={app} />
                  </Td>
                  <Td>
                    <ScopeBadges scopes={app.scopes} label={t("scopes")} className="w-56" />
                  </Td>
                  <Td>
                    <AppInstalls app={app} />
                  </Td>
                  <Td className="py-2">
                    <AppActions developerRef={account.ref} app={app} onEdit={onEditApp} />
                  </Td>
                </tr>
              ))}
            </ListTable>
          </WideOnly>
        </>
      )}
    </section>
  );
}

function AppTitle({ app }: { app: DeveloperAppView }) {
  return (
    <div className="flex min-w-0 flex-col gap-1">
      <bdi className="font-medium [overflow-wrap:anywhere]">{app.title}</bdi>
      <code dir="ltr" className="self-start font-mono text-xs text-muted-foreground">
        {app.ref}
      </code>
    </div>
  );
}

function AppKind({ app }: { app: DeveloperAppView }) {
  const t = useTranslations("apps.kind");
  return <Badge variant="secondary">{t(app.kind)}</Badge>;
}

function AppInstalls({ app }: { app: DeveloperAppView }) {
  const t = useTranslations("developer.apps");
  return <span>{t("installsCount", { count: app.installs })}</span>;
}

function AppActions({
  developerRef,
  app,
  onEdit,
}: {
  developerRef: string;
  app: DeveloperAppView;
  onEdit: (app: DeveloperAppView) => void;
}) {
  const t = useTranslations("developer.apps");
  return (
    <div className="flex items-center justify-end gap-1">
      <Link
        href={`/developer/${encodeURIComponent(developerRef)}/apps/${encodeURIComponent(app.ref)}`}
        className={buttonVariants({ variant: "ghost", size: "sm" })}
        aria-label={t("viewFor", { name: app.title })}
      >
        <List aria-hidden />
        <span className="max-lg:sr-only">{t("view")}</span>
      </Link>
      <Button
        variant="ghost"
        size="sm"
        onClick={() => onEdit(app)}
        aria-label={t("editFor", { name: app.title })}
      >
        <Pencil aria-hidden />
        <span className="max-lg:sr-only">{t("edit")}</span>
      </Button>
    </div>
  );
}
