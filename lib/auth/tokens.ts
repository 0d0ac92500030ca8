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

const keys = new Map<string, Uint8Array>();
function jwtKey(secret: string): Uint8Array {
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

/** Returns the claims, or undefined for any token that is not ours, is altered or has expired. */
export async function verifyAccessToken(
  secret: string,
  token: string,
  now: Date,
): Promise<AccessClaims | undefined> {
  try {
    const { payload } = await jwtVerify(token, jwtKey(secret), {
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
      !ROLES.includes(role)
    ) {
      return undefined;
    }
    return { userId: payload.sub, tenantId: payload.tid, role, sessionId: payload.sid };
  } catch (err) {
    if (err instanceof joseErrors.JOSEError) return undefined;
    throw err;
  }
}

/** 256 bits of randomness; the prefix lets secret scanners recognise a leaked token. */
export function newRefreshToken(): string {
  return `bsr_${randomBytes(32).toString("base64url")}`;
}
