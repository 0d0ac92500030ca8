import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { APP_DATE_STYLE, appFormatter } from "@/components/apps/app-view";
import { BackLink, NoAccess } from "@/components/settings/parts";
import { openSettingsPage } from "@/components/settings/settings-page";
import { roleCan } from "@/components/settings/sections";
import { QueryProvider } from "@/components/webhooks/query-provider";
import { resolveLocale } from "@/lib/admin/i18n/params";
import { StoreApiError } from "@/lib/sdk";
import { AppByline } from "../_components/app-card";
import { CallbacksLog } from "./_components/callbacks-log";
import { InstallState } from "./_components/install-state";
import { StaffAccess, type StaffMemberView } from "./_components/staff-access";

interface Props {
  params: Promise<{ locale: string; appRef: string }>;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const locale = await resolveLocale(params);
  const t = await getTranslations({ locale, namespace: "apps" });
  return { title: t("title") };
}

const ROLES = ["owner", "admin", "staff", "viewer"] as const;

/** One app of the directory: its install, the callbacks sent to it and, for staff apps, who may use it. */
export default async function AppPage({ params }: Props) {
  const page = await openSettingsPage(params, "apps:manage");
  if (!page) return <NoAccess />;
  const locale = await resolveLocale(params);
  const appRef = decodeURIComponent((await params).appRef);
  const { me, store, format, timeZone } = page;
  let found;
  let callbacks;
  try {
    [found, callbacks] = await Promise.all([store.apps.get(appRef), store.apps.callbacks(appRef)]);
  } catch (error) {
    if (error instanceof StoreApiError && (error.status === 404 || error.status === 422))
      notFound();
    throw error;
  }
  const canManage = roleCan(me.user.role, "apps:manage");
  // Who may use a staff app is for those who manage apps (the API asks apps:manage).
  const staff =
    canManage && found.kind === "staff" && found.install
      ? (await store.apps.staff(appRef)).data
      : null;

  const t = await getTranslations({ locale, namespace: "apps" });
  const shape = appFormatter(locale, (date) =>
    format.dateTime(date, { ...APP_DATE_STYLE, timeZone }),
  );
  const app = shape.app(found);
  const members: StaffMemberView[] | null =
    staff?.map((member) => ({
      userId: member.userId,
      name: member.name,
      email: member.email,
      role: ROLES.find((role) => role === member.role) ?? "viewer",
      authorised: member.authorised,
    })) ?? null;

  return (
    <section className="flex flex-col gap-6" aria-labelledby="app-title">
      <div className="flex flex-col gap-3">
        <BackLink href="/settings/apps">{t("detail.back")}</BackLink>
        <div className="flex min-w-0 flex-col gap-1.5">
          <h2
            id="app-title"
            className="text-xl font-semibold tracking-tight [overflow-wrap:anywhere]"
          >
            <bdi>{app.name}</bdi>
          </h2>
          <AppByline app={app} />
          {app.description ? (
            <p className="max-w-2xl text-sm [overflow-wrap:anywhere] whitespace-pre-line">
              <bdi>{app.description}</bdi>
            </p>
          ) : null}
        </div>
      </div>

      <InstallState app={app} canManage={canManage} />

      {members ? (
        <StaffAccess appRef={app.ref} appName={app.name} members={members} canManage={canManage} />
      ) : null}

      {/* A new install remounts the log, so its polling starts from the fresh callbacks. */}
      <QueryProvider key={app.install?.at.iso ?? "not-installed"}>
        <CallbacksLog
          appRef={app.ref}
          installed={app.install !== null}
          initial={callbacks.data.map(shape.callback)}
        />
      </QueryProvider>
    </section>
  );
}
