import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";

/**
 * How an app proves who it is (docs/apps.md): base64(HMAC-SHA256(key = the developer secret as
 * UTF-8 bytes, message = the unsigned token)). The same for account tokens and developer tokens.
 */
export function signToken(developerSecret: string, unsignedToken: string): string {
  return createHmac("sha256", Buffer.from(developerSecret, "utf8"))
    .update(unsignedToken, "utf8")
    .digest("base64");
}

/**
 * Whether `given` is `unsignedToken` signed with `developerSecret`. Compared in constant time;
 * a signature of the wrong length (or not base64 at all) is simply not a match.
 */
export function signatureMatches(
  developerSecret: string,
  unsignedToken: string,
  given: string,
): boolean {
  const expected = Buffer.from(signToken(developerSecret, unsignedToken), "utf8");
  const actual = Buffer.from(given.trim(), "utf8");
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}

/** A developer secret or developer token: 32 random bytes in base64, the form the guide shows. */
export const newDeveloperCredential = () => randomBytes(32).toString("base64");

/** A staff token: 32 random bytes in base64, handed to the app once and stored only as a hash. */
export const newStaffToken = () => randomBytes(32).toString("base64");
