import { randomBytes } from "node:crypto";
import { SignJWT, jwtVerify, errors as joseErrors } from "jose";
import { deriveKey } from "@/lib/config";
import type { Role } from "@/lib/users/schema";
import { ROLES } from "@/lib/users/schema";

const ISSUER = "brainsait-store";
const AUDIENCE = "store-api";

export interface AccessClaims {
  userId: string;
  tenantId: string;
  role: Role;
  /** Refresh-token family: ties the access token to its sign-in session. */
  sessionId: string;
}

const keys = new Map<string, Uint8Array<ArrayBuffer>>();
function jwtKey(secret: string): Uint8Array<ArrayBuffer> {
  let key = keys.get(secret);
  if (!key) {
    key = new Uint8Array(deriveKey(secret, "access-jwt"));
    keys.set(secret, key);
  }
  return key;
}

export async function signAccessToken(
  secret: string,
  claims: AccessClaims,
  ttlSeconds: number,
  now: Date,
) {
  const iat = Math.floor(now.getTime() / 1000);
  return new SignJWT({ tid: claims.tenantId, role: claims.role, sid: claims.sessionId })
    .setProtectedHeader({ alg: "HS256", typ: "JWT" })
    .setSubject(claims.userId)
    .setIssuer(ISSUER)
    .setAudience(AUDIENCE)
    .setIssuedAt(iat)
    .setExpirationTime(iat + ttlSeconds)
    .sign(jwtKey(secret));
}

/** The HMAC key imported once per secret: importing it on every call cost more than verifying. */
const verifyKeys = new Map<string, Promise<CryptoKey>>();
function jwtVerifyKey(secret: string): Promise<CryptoKey> {
  let key = verifyKeys.get(secret);
  if (!key) {
    key = crypto.subtle.importKey("raw", jwtKey(secret), { name: "HMAC", hash: "SHA-256" }, false, [
      "verify",
    ]);
    verifyKeys.set(secret, key);
  }
  return key;
}

/**
 * Tokens whose signature and claims were checked, with their expiry. A signed token cannot change,
 * so a repeat caller only needs the expiry checked again; bounded, and cleared when full.
 */
const verified = new Map<string, { claims: AccessClaims; expiresAt: number }>();
const VERIFIED_MAX = 10_000;

/** Returns the claims, or undefined for any token that is not ours, is altered or has expired. */
export async function verifyAccessToken(
  secret: string,
  token: string,
  now: Date,
): Promise<AccessClaims | undefined> {
  const cacheKey = `${secret.length}:${secret}:${token}`;
  const hit = verified.get(cacheKey);
  if (hit) return now.getTime() < hit.expiresAt ? hit.claims : undefined;
  try {
    const { payload } = await jwtVerify(token, await jwtVerifyKey(secret), {
      issuer: ISSUER,
      audience: AUDIENCE,
      algorithms: ["HS256"],
      currentDate: now,
    });
    const role = payload.role as Role;
    if (
      typeof payload.sub !== "string" ||
      typeof payload.tid !== "string" ||
      typeof payload.sid !== "string" ||
      typeof payload.exp !== "number" ||
      !ROLES.includes(role)
    ) {
      return undefined;
    }
    const claims = { userId: payload.sub, tenantId: payload.tid, role, sessionId: payload.sid };
    if (verified.size >= VERIFIED_MAX) verified.clear();
    verified.set(cacheKey, { claims, expiresAt: payload.exp * 1000 });
    return claims;
  } catch (err) {
    if (err instanceof joseErrors.JOSEError) return undefined;
    throw err;
  }
}

/** 256 bits of randomness; the prefix lets secret scanners recognise a leaked token. */
export function newRefreshToken(): string {
  return `bsr_${randomBytes(32).toString("base64url")}`;
}
