import { isIP } from "node:net";

/**
 * TRUST_PROXY: how many proxies in front of the server append to X-Forwarded-For (0: none, the
 * socket's address is the client's). `true` means 1. See README (settings) and docs/architecture.md.
 */
export function parseTrustProxy(raw: string | undefined): number {
  const value = raw?.trim().toLowerCase();
  if (!value || value === "false") return 0;
  if (value === "true") return 1;
  if (/^\d{1,2}$/.test(value)) return Number(value);
  throw new Error("TRUST_PROXY must be the number of proxies in front of the server (or true)");
}

/**
 * The client's address in X-Forwarded-For when `hops` trusted proxies each append the address
 * they saw: the hops-th entry from the right. Entries further left are whatever the client sent,
 * so they are never used. Undefined when there is no such entry or it is not an IP address.
 */
export function forwardedClientIp(
  header: string | null | undefined,
  hops: number,
): string | undefined {
  if (!header || !Number.isInteger(hops) || hops < 1) return undefined;
  const entries = header.split(",");
  if (entries.length < hops) return undefined;
  const entry = entries[entries.length - hops]!.trim();
  return isIP(entry) ? entry : undefined;
}

/** The address a request over a socket came from: a trusted proxy's entry, else the socket's. */
export function clientAddress<S extends string | undefined>(
  forwardedFor: string | null | undefined,
  socketAddress: S,
  trustedHops: number,
): string | S {
  return forwardedClientIp(forwardedFor, trustedHops) ?? socketAddress;
}

/**
 * In the admin (Next.js): server.ts has already replaced X-Forwarded-For with the one address
 * clientAddress chose, so the client's address is that single entry.
 */
export const adminClientIp = (forwardedFor: string | null | undefined) =>
  forwardedClientIp(forwardedFor, 1);
