"use client";

import { Eye, Store } from "lucide-react";
import { useTranslations } from "next-intl";
import { useState } from "react";
import type { When } from "@/components/apps/app-view";
import { ListTable } from "@/components/settings/list-table";
import { ScopeBadges } from "@/components/settings/scope-badges";
import { Button } from "@/components/ui/button";
import { CardFields, CardLine, CardList, CardListItem, WideOnly } from "@/components/ui/card-list";
import { CopyField } from "@/components/ui/copy-field";
import { Td } from "@/components/ui/data-table";
import { Dialog, DialogActions, DialogClose } from "@/components/ui/dialog";
import { EmptyState } from "@/components/ui/empty-state";

export interface InstallView {
  account: string;
  token: string;
  installed: When;
  scopes: string[];
}

/** The stores that installed an app: a card each on a phone, a table otherwise; tokens on demand. */
export function InstallsList({ installs }: { installs: InstallView[] }) {
  const t = useTranslations("developer.installs");
  const [shown, setShown] = useState<InstallView | null>(null);
  if (installs.length === 0) {
    return (
      <EmptyState icon={<Store />} title={t("empty.title")} description={t("empty.description")} />
    );
  }
  const caption = t("caption", { count: installs.length });
  const account = (install: InstallView) => (
    <code dir="ltr" className="font-mono text-sm font-medium">
      {install.account}
    </code>
  );
  const installed = (install: InstallView) => (
    <time dateTime={install.installed.iso}>{install.installed.text}</time>
  );
  const show = (install: InstallView) => (
    <Button
      variant="outline"
      size="sm"
      onClick={() => setShown(install)}
      aria-label={t("showFor", { account: install.account })}
    >
      <Eye aria-hidden />
      {t("show")}
    </Button>
  );

  return (
    <>
      <CardList label={caption}>
        {installs.map((install) => (
          <CardListItem key={install.account} className="gap-3">
            <CardLine>
              {account(install)}
              {show(install)}
            </CardLine>
            <CardFields fields={[{ label: t("installedAt"), value: installed(install) }]} />
            <ScopeBadges scopes={install.scopes} label={t("scopes")} />
          </CardListItem>
        ))}
      </CardList>
      <WideOnly>
        <ListTable
          caption={caption}
          columns={[t("account"), t("installedAt"), t("scopes")]}
          actions={t("token")}
        >
          {installs.map((install) => (
            <tr key={install.account}>
              <Td>{account(install)}</Td>
              <Td className="whitespace-nowrap">{installed(install)}</Td>
              <Td>
                <ScopeBadges scopes={install.scopes} label={t("scopes")} className="max-w-72" />
              </Td>
              <Td className="py-2 text-end">{show(install)}</Td>
            </tr>
          ))}
        </ListTable>
      </WideOnly>
      <Dialog
        open={shown !== null}
        onClose={() => setShown(null)}
        icon={<Eye />}
        title={t("tokenTitle", { account: shown?.account ?? "" })}
        description={t("tokenDescription")}
        size="lg"
      >
        {shown ? <CopyField label={t("tokenLabel")} value={shown.token} /> : null}
        <DialogActions>
          <DialogClose variant="default">{t("close")}</DialogClose>
        </DialogActions>
      </Dialog>
    </>
  );
}
