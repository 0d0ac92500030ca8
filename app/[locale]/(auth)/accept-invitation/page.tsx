import type { Metadata } from "next";
import { getFormatter, getTranslations } from "next-intl/server";
import { AlertDescription, ErrorAlert } from "@/components/ui/alert";
import { buttonVariants } from "@/components/ui/button";
import { TENANT_SLUG_MAX, TENANT_SLUG_PATTERN } from "@/lib/admin/login-shared";
import { Link } from "@/lib/admin/i18n/navigation";
import { resolveLocale, type LocalePageProps } from "@/lib/admin/i18n/params";
import { BrainSAITStore, StoreApiError, StoreConnectionError } from "@/lib/sdk";
import { AuthCard } from "../_components/auth-card";
import { AcceptInvitationForm } from "./accept-invitation-form";

type Props = LocalePageProps;

export async function generateMetadata({ params }: Pick<Props, "params">): Promise<Metadata> {
  const locale = await resolveLocale(params);
  const t = await getTranslations({ locale, namespace: "acceptInvitation" });
  return { title: t("metaTitle") };
}

function first(value: string | string[] | undefined): string {
  return (Array.isArray(value) ? value[0] : value)?.trim() ?? "";
}

type Problem = "incomplete" | "invalid" | "unknownStore" | "unavailable";

async function preview(store: string, token: string) {
  if (!store || !token || token.length > 200) return { problem: "incomplete" as Problem };
  if (store.length > TENANT_SLUG_MAX || !TENANT_SLUG_PATTERN.test(store))
    return { problem: "unknownStore" as Problem };
  try {
    // The token is the credential: no session needed to read what it is for.
    const invitation = await new BrainSAITStore({ tenantId: store }).team.previewInvitation(token);
    return { invitation };
  } catch (error) {
    if (error instanceof StoreApiError) {
      if (error.code === "TENANT_NOT_FOUND") return { problem: "unknownStore" as Problem };
      if (error.status === 401 || error.status === 404 || error.status === 422)
        return { problem: "invalid" as Problem };
    }
    if (error instanceof StoreApiError || error instanceof StoreConnectionError)
      return { problem: "unavailable" as Problem };
    throw error;
  }
}

export default async function AcceptInvitationPage({ params, searchParams }: Props) {
  const locale = await resolveLocale(params);
  const query = await searchParams;
  const store = first(query.store).toLowerCase();
  const token = first(query.token);
  const t = await getTranslations({ locale, namespace: "acceptInvitation" });
  const tRoles = await getTranslations({ locale, namespace: "Roles" });
  const format = await getFormatter({ locale });
  const result = await preview(store, token);

  return (
    <AuthCard
      title={t("title")}
      subtitle={
        result.invitation
          ? t.rich("subtitle", {
              // The store's name in the page's language (the other if that one is empty).
              store:
                result.invitation.store.name[locale as "en" | "ar"] ||
                result.invitation.store.name[locale === "ar" ? "en" : "ar"] ||
                store,
              role: tRoles(result.invitation.role),
              b: (chunks) => <bdi className="font-medium text-foreground">{chunks}</bdi>,
            })
          : null
      }
    >
      {result.invitation ? (
        <AcceptInvitationForm
          store={store}
          token={token}
          email={result.invitation.email}
          defaultName={result.invitation.name ?? ""}
          expires={format.dateTime(new Date(result.invitation.expiresAt), {
            dateStyle: "long",
            timeStyle: "short",
          })}
        />
      ) : (
        <div className="flex flex-col gap-5">
          <ErrorAlert title={t(`problems.${result.problem}.title`)}>
            <AlertDescription>{t(`problems.${result.problem}.description`)}</AlertDescription>
          </ErrorAlert>
          <Link href="/login" className={buttonVariants({ variant: "outline" })}>
            {t("goToSignIn")}
          </Link>
        </div>
      )}
    </AuthCard>
  );
}
