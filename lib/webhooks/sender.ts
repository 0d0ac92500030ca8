import { lookup } from "node:dns/promises";
import type { LookupAddress } from "node:dns";
import ipaddr from "ipaddr.js";
import { Agent, request } from "undici";

export const MAX_RESPONSE_BYTES = 64 * 1024;
export const TIMEOUT_MS = 10_000;
/** What the delivery log keeps of a reply (docs/webhooks.md, "Delivery log"). */
export const STORED_BODY_CHARS = 2048;
const STORED_ERROR_CHARS = 1024;

/**
 * Text from a receiver made storable in PostgreSQL: NUL (which `text` refuses) and lone
 * surrogates become U+FFFD (as invalid UTF-8 already did when decoded), cut to `max` characters.
 */
export function storableText(text: string, max: number): string {
  // With the u flag a surrogate range matches only unpaired halves.
  return text.slice(0, max).replace(/[\u0000\uD800-\uDFFF]/gu, "\uFFFD");
}

export class UnsafeUrlError extends Error {}

/** Global unicast IPv6 (IANA): everything outside it is reserved, local or special. */
const GLOBAL_UNICAST_V6 = ipaddr.parseCIDR("2000::/3");

/**
 * Outgoing requests go only to public unicast addresses: private, loopback, link-local (cloud
 * metadata at 169.254.169.254), CGNAT and reserved IPv4 are refused; IPv6 must be in 2000::/3
 * and not a special range there (6to4, Teredo, NAT64 via ::/8, documentation, ...); IPv4-mapped
 * IPv6 is judged by its IPv4. `allowPrivate` (WEBHOOKS_ALLOW_PRIVATE=1) is for tests and local
 * development only. See docs/webhooks.md, "Addresses we will not call".
 */
export function isPublicAddress(address: string): boolean {
  if (!ipaddr.isValid(address)) return false;
  const parsed = ipaddr.parse(address);
  if (parsed.kind() === "ipv4") return parsed.range() === "unicast";
  const v6 = parsed as ipaddr.IPv6;
  if (v6.isIPv4MappedAddress()) return v6.toIPv4Address().range() === "unicast";
  return v6.match(GLOBAL_UNICAST_V6) && v6.range() === "unicast";
}

/** Checks a URL's form (https, or http when private targets are allowed) before it is saved. */
export function checkUrlForm(raw: string, allowPrivate: boolean): URL {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new UnsafeUrlError("Not a valid URL");
  }
  if (url.protocol !== "https:" && !(allowPrivate && url.protocol === "http:"))
    throw new UnsafeUrlError("The URL must use https");
  if (url.username || url.password)
    throw new UnsafeUrlError("The URL must not contain credentials");
  const host = url.hostname.replace(/^\[|\]$/g, "");
  if (ipaddr.isValid(host) && !allowPrivate && !isPublicAddress(host))
    throw new UnsafeUrlError("The URL points to a private or reserved address");
  return url;
}

/** Resolves the host at send time and returns the one address to connect to (no rebinding). */
async function resolvePublic(host: string, allowPrivate: boolean): Promise<LookupAddress> {
  const bare = host.replace(/^\[|\]$/g, "");
  const addresses: LookupAddress[] = ipaddr.isValid(bare)
    ? [{ address: bare, family: bare.includes(":") ? 6 : 4 }]
    : await lookup(bare, { all: true, verbatim: true });
  if (!addresses.length) throw new UnsafeUrlError(`${host} does not resolve`);
  if (!allowPrivate) {
    const bad = addresses.find((a) => !isPublicAddress(a.address));
    if (bad)
      throw new UnsafeUrlError(
        `${host} resolves to a private or reserved address (${bad.address})`,
      );
  }
  return addresses[0]!;
}

/** Receivers with an open keep-alive pool; the least recently used one is closed beyond this. */
const MAX_AGENTS = 64;
const agents = new Map<string, Agent>();

/**
 * A keep-alive connection pool for one receiver at one checked address: connections are reused
 * only for the address this send resolved and checked, so a host whose DNS changes gets a pool
 * of its own and is never reached through an unchecked one. Reusing connections instead of a
 * TCP handshake per delivery is most of what lets one instance send hundreds a second
 * (docs/webhooks.md, "Throughput").
 */
function agentFor(url: URL, target: LookupAddress, timeoutMs: number): Agent {
  const key = `${url.origin} ${target.address} ${timeoutMs}`;
  let agent = agents.get(key);
  if (agent) {
    agents.delete(key); // re-inserted below: the Map's order is the least recently used first
  } else {
    agent = new Agent({
      connect: {
        lookup: (_host, _opts, cb) =>
          cb(
            null,
            [{ address: target.address, family: target.family }] as never,
            undefined as never,
          ),
        timeout: timeoutMs,
      },
      // Shorter than the usual 5 s server-side idle timeout, so we rarely write to a socket the
      // receiver is closing (a POST is not retried by the client; a lost one is a failed attempt).
      keepAliveTimeout: 4_000,
      keepAliveMaxTimeout: 4_000,
    });
    if (agents.size >= MAX_AGENTS) {
      const [oldestKey, oldest] = agents.entries().next().value!;
      agents.delete(oldestKey);
      void oldest.close().catch(() => {});
    }
  }
  agents.set(key, agent);
  return agent;
}

/** Closes every pooled connection (on shutdown, so no keep-alive socket outlives the workers). */
export async function closeSenderConnections() {
  const open = [...agents.values()];
  agents.clear();
  await Promise.all(open.map((a) => a.close().catch(() => {})));
}

export interface SendResult {
  status: number | null;
  body: string | null;
  error: string | null;
  durationMs: number;
  retryAfterSeconds: number | null;
}

/** POSTs the body once: 10 s timeout, no redirects, at most 64 KiB of the reply read. */
export async function sendWebhook(
  rawUrl: string,
  headers: Record<string, string>,
  body: string,
  allowPrivate: boolean,
  timeoutMs = TIMEOUT_MS,
): Promise<SendResult> {
  const started = performance.now();
  const done = (r: Omit<SendResult, "durationMs">): SendResult => ({
    ...r,
    durationMs: Math.round(performance.now() - started),
  });
  try {
    const url = checkUrlForm(rawUrl, allowPrivate);
    const target = await resolvePublic(url.hostname, allowPrivate);
    const agent = agentFor(url, target, timeoutMs);
    const res = await request(url, {
      method: "POST",
      headers,
      body,
      dispatcher: agent,
      headersTimeout: timeoutMs,
      bodyTimeout: timeoutMs,
      signal: AbortSignal.timeout(timeoutMs),
    });
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of res.body) {
      chunks.push(chunk as Buffer);
      size += (chunk as Buffer).length;
      // Leaving the loop early destroys the body, and with it this connection: a reply read to
      // its end leaves the connection free for the next delivery.
      if (size >= MAX_RESPONSE_BYTES) break;
    }
    const retryAfter = Number(res.headers["retry-after"]);
    return done({
      status: res.statusCode,
      body: storableText(Buffer.concat(chunks).toString("utf8"), STORED_BODY_CHARS),
      error: null,
      retryAfterSeconds: Number.isFinite(retryAfter) && retryAfter >= 0 ? retryAfter : null,
    });
  } catch (err) {
    const message =
      err instanceof UnsafeUrlError
        ? `refused: ${err.message}`
        : err instanceof Error
          ? err.message
          : String(err);
    return done({
      status: null,
      body: null,
      error: storableText(message, STORED_ERROR_CHARS),
      retryAfterSeconds: null,
    });
  }
}
