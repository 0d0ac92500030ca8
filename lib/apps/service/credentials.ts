import { and, eq, isNull } from "drizzle-orm";
import type { Actor, ServiceContext } from "@/lib/context";
import type { Db } from "@/lib/db/client";
import { sha256Hex } from "@/lib/crypto";
import { AuthenticationError, PermissionError } from "@/lib/errors";
import { ROLE_PERMISSIONS, type Permission } from "@/lib/auth/permissions";
import { checkPassword, type AuthSettings } from "@/lib/auth/service";
import { recordAudit } from "@/lib/audit/service";
import { users } from "@/lib/users/schema";
import {
  appInstalls,
  apps,
  appStaff,
  appStaffTokens,
  developers,
  type DeveloperRow,
} from "../schema";
import { newStaffToken, signatureMatches } from "../signing";
import { effectiveScopes, normalRef, unseal, type AppsSettings } from "./shared";

/** The headers of an app's call (docs/apps.md, "Calling the Store API"). */
export const APP_HEADERS = {
  developerRef: "brainsait-dev-ref",
  appRef: "brainsait-app-ref",
  accountToken: "brainsait-account-token",
  staffToken: "brainsait-staff-token",
  developerToken: "brainsait-dev-token",
} as const;

export interface AppCredentials {
  developerRef?: string;
  appRef?: string;
  accountToken?: string;
  staffToken?: string;
}

type AppActor = Extract<Actor, { type: "app" }>;

const unknownApp = () =>
  new AuthenticationError(
    "Unknown app: brainsait-dev-ref and brainsait-app-ref must name an app of that developer",
    "AUTH_010",
  );

/** The app `appRef` of developer `developerRef`, with its live install in `tenantId`, if any. */
async function appOfDeveloper(db: Db, tenantId: string, developerRef: string, appRef: string) {
  const [row] = await db
    .select({ app: apps, developer: developers, install: appInstalls })
    .from(apps)
    .innerJoin(developers, eq(developers.id, apps.developerId))
    .leftJoin(
      appInstalls,
      and(
        eq(appInstalls.appId, apps.id),
        eq(appInstalls.tenantId, tenantId),
        isNull(appInstalls.uninstalledAt),
      ),
    )
    .where(and(eq(apps.ref, normalRef(appRef)), eq(developers.ref, normalRef(developerRef))));
  if (!row) throw unknownApp();
  return row;
}

/**
 * Authenticates an app's call to a store: the developer and app references, and either the
 * account token signed with the developer's current secret or a staff token. The app acts with
 * the scopes the store granted that it still asks for; with a staff token, narrowed further to
 * what the member's role allows. An app not installed in the store is refused with 403, as a key
 * of another store is.
 */
export async function verifyAppCall(
  db: Db,
  s: Pick<AppsSettings, "encryptionKey">,
  tenantId: string,
  credentials: AppCredentials,
): Promise<AppActor> {
  const { developerRef, appRef, accountToken, staffToken } = credentials;
  if (!developerRef || !appRef)
    throw new AuthenticationError(
      "An app's call needs both brainsait-dev-ref and brainsait-app-ref",
      "AUTH_010",
    );
  if ((accountToken === undefined) === (staffToken === undefined))
    throw new AuthenticationError(
      "Send either brainsait-account-token (signed) or brainsait-staff-token, not both",
      "AUTH_010",
    );
  const { app, developer, install } = await appOfDeveloper(db, tenantId, developerRef, appRef);
  if (!install)
    throw new PermissionError(
      `The app "${app.ref}" is not installed in this store`,
      "APP_NOT_INSTALLED",
    );
  const granted = effectiveScopes(install.scopes, app.scopes);
  const actor = {
    type: "app" as const,
    installId: install.id,
    appRef: app.ref,
    appName: app.nameEn,
  };

  if (accountToken !== undefined) {
    const secret = unseal(s, developer.secretSealed);
    if (!signatureMatches(secret, unseal(s, install.accountTokenSealed), accountToken))
      throw new AuthenticationError(
        "The account token's signature does not match: sign the unsigned account token with " +
          "the developer's current secret (base64 of HMAC-SHA256); after a secret rotation, " +
          "signatures made with the old secret are refused",
        "AUTH_011",
      );
    return { ...actor, scopes: granted, staffUserId: null };
  }

  const [staff] = await db
    .select({ role: users.role, status: users.status, userId: users.id })
    .from(appStaffTokens)
    .innerJoin(
      appStaff,
      and(
        eq(appStaff.installId, appStaffTokens.installId),
        eq(appStaff.userId, appStaffTokens.userId),
      ),
    )
    .innerJoin(users, eq(users.id, appStaffTokens.userId))
    .where(
      and(
        eq(appStaffTokens.tokenHash, sha256Hex(staffToken!.trim())),
        eq(appStaffTokens.installId, install.id),
      ),
    );
  if (!staff || staff.status !== "active")
    throw new AuthenticationError(
      "The staff token is not valid for this app and store: it was revoked, the member's " +
        "authorisation ended, or the app was reinstalled; fetch a new one from /authorise",
      "AUTH_012",
    );
  const role = ROLE_PERMISSIONS[staff.role];
  return {
    ...actor,
    scopes: granted.filter((scope) => role.includes(scope as Permission)),
    staffUserId: staff.userId,
  };
}

/**
 * Authenticates a developer's own call (the installed-accounts API): the developer reference
 * and the developer's unsigned token signed with the developer secret.
 */
export async function verifyDeveloperCall(
  db: Db,
  s: Pick<AppsSettings, "encryptionKey">,
  developerRef: string | undefined,
  developerToken: string | undefined,
): Promise<DeveloperRow> {
  const refused = () =>
    new AuthenticationError(
      "Developer calls need brainsait-dev-ref and brainsait-dev-token: the developer token " +
        "signed with the current developer secret (base64 of HMAC-SHA256)",
      "AUTH_013",
    );
  if (!developerRef || !developerToken) throw refused();
  const [developer] = await db
    .select()
    .from(developers)
    .where(eq(developers.ref, normalRef(developerRef)));
  if (!developer) throw refused();
  const secret = unseal(s, developer.secretSealed);
  if (!signatureMatches(secret, unseal(s, developer.tokenSealed), developerToken)) throw refused();
  return developer;
}

/**
 * A staff app signs a member in with their email and password: when the app is installed in
 * the store and an admin authorised the member for it, a new staff token (kept only as a hash).
 * A wrong password is the sign-in's own error, under the sign-in's own throttling.
 */
export async function authoriseStaffMember(
  ctx: ServiceContext,
  s: Pick<AppsSettings, "encryptionKey">,
  auth: Pick<AuthSettings, "throttle">,
  refs: { developerRef?: string; appRef?: string },
  input: { emailAddress: string; password: string },
) {
  if (!refs.developerRef || !refs.appRef)
    throw new AuthenticationError(
      "/authorise needs both brainsait-dev-ref and brainsait-app-ref",
      "AUTH_010",
    );
  const { app, install } = await appOfDeveloper(
    ctx.db,
    ctx.tenant.id,
    refs.developerRef,
    refs.appRef,
  );
  const user = await checkPassword(
    ctx,
    { email: input.emailAddress, password: input.password },
    auth,
  );
  if (!install)
    throw new PermissionError(
      `The app "${app.ref}" is not installed in this store`,
      "APP_NOT_INSTALLED",
    );
  if (app.kind !== "staff")
    throw new PermissionError(
      `"${app.ref}" is a system app: it uses its account token, not staff tokens`,
      "NOT_A_STAFF_APP",
    );
  const [authorised] = await ctx.db
    .select({ userId: appStaff.userId })
    .from(appStaff)
    .where(and(eq(appStaff.installId, install.id), eq(appStaff.userId, user.id)));
  if (!authorised)
    throw new PermissionError(
      "No admin of this store has authorised you to use this app",
      "STAFF_NOT_AUTHORISED",
    );
  const token = newStaffToken();
  await ctx.db.transaction(async (tx) => {
    await tx.insert(appStaffTokens).values({
      installId: install.id,
      userId: user.id,
      tenantId: ctx.tenant.id,
      tokenHash: sha256Hex(token),
      createdAt: ctx.now(),
    });
    await recordAudit(tx, ctx, {
      action: "app.staff_token_issued",
      actorId: user.id,
      resourceType: "app",
      resourceId: app.ref,
    });
  });
  return { response: token };
}
