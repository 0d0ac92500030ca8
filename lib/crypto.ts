import { createHash } from "node:crypto";

/** Lookup hash for high-entropy tokens (refresh tokens, API keys): OWASP ASVS 6.5.2 allows SHA-256. */
export function sha256Hex(value: string): string {
  return createHash("sha256").update(value).digest("hex");
}
