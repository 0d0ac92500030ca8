// What the apps verbs share: their settings, the person check, refs, and presenting rows.
import type { Actor, ServiceContext } from "@/lib/context";
import { decryptSecret } from "@/lib/crypto";
import { PermissionError, ValidationError } from "@/lib/errors";
import { checkUrlForm, UnsafeUrlError } from "@/lib/webhooks/sender";
import type { AppRow, DeveloperRow } from "../schema";

export interface AppsSettings {
  /** Seals developer secrets, developer and account tokens, and callback bodies (lib/crypto.ts). */
  encryptionKey: Buffer;
  /** Callbacks may go to private addresses (tests and local development only). */
  allowPrivate: boolean;
  /** This deployment's address: apps call `${publicUrl}/api/v1`. */
  publicUrl: string;
  /** Drops every instance's cached app credentials of these stores (after a commit). */
  forgetCredentials?: (tenantIds: string[]) => void | Promise<void>;
}

/** Developer accounts belong to people: keys and apps cannot register or manage them. */
export function requirePerson(ctx: ServiceContext): Extract<Actor, { type: "user" }> {
  if (ctx.actor?.type !== "user")
    throw new PermissionError(
      "Only a signed-in person can manage developer accounts and apps",
      "INSUFFICIENT_PERMISSION",
    );
  return ctx.actor;
}

export function checkCallbackUrl(url: string, s: AppsSettings) {
  try {
    return checkUrlForm(url, s.allowPrivate).toString();
  } catch (err) {
    if (!(err instanceof UnsafeUrlError)) throw err;
    throw new ValidationError("The install callback URL cannot be used", [
      { field: "install_callback_url", code: "unsafe_url", message: err.message },
    ]);
  }
}

/** A ref from a path or a header, as stored: trimmed and in lower case. */
export const normalRef = (ref: string) => ref.trim().toLowerCase();

export const unseal = (s: Pick<AppsSettings, "encryptionKey">, sealed: string) =>
  decryptSecret(s.encryptionKey, sealed);

export function presentDeveloper(s: AppsSettings, row: DeveloperRow) {
  return {
    developer_ref: row.ref,
    name: row.name,
    email: row.email,
    developer_token: unseal(s, row.tokenSealed),
    created_at: row.createdAt.toISOString(),
    secret_rotated_at: row.secretRotatedAt?.toISOString() ?? null,
  };
}

export function presentApp(
  row: AppRow,
  developer: Pick<DeveloperRow, "ref" | "name">,
  installs: number,
) {
  return {
    app_ref: row.ref,
    developer: { developer_ref: developer.ref, name: developer.name },
    name: { en: row.nameEn, ar: row.nameAr },
    description: row.description,
    install_callback_url: row.installCallbackUrl,
    scopes: row.scopes,
    kind: row.kind,
    installs,
    created_at: row.createdAt.toISOString(),
    updated_at: row.updatedAt.toISOString(),
  };
}

/** The scopes an install acts with: what the store granted that the app still asks for. */
export const effectiveScopes = (granted: readonly string[], asked: readonly string[]) =>
  granted.filter((scope) => asked.includes(scope));
