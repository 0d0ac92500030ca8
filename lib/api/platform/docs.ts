import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { Hono } from "hono";
import { Scalar } from "@scalar/hono-api-reference";
import { NONCE, secureHeaders } from "hono/secure-headers";
import type { ApiEnv } from "./env";

/**
 * The API reference page and Scalar's script, both from this origin: the script is the
 * standalone bundle of the exactly pinned @scalar/api-reference package, never a CDN's
 * (docs/decisions/0008-web-hardening.md).
 */
export const SCALAR_SCRIPT_PATH = "/api/v1/docs/scalar.js";

interface Bundle {
  body: Buffer;
  gzip?: Buffer;
  /** Part of the script's URL, so the year-long cache ends with the file's content. */
  hash: string;
}
let bundle: Bundle | undefined;

function loadBundle(): Bundle {
  if (bundle) return bundle;
  const main = createRequire(import.meta.url).resolve("@scalar/api-reference");
  const body = readFileSync(path.join(path.dirname(main), "browser", "standalone.js"));
  const hash = createHash("sha256").update(body).digest("hex").slice(0, 16);
  bundle = { body, hash };
  return bundle;
}

const headers = secureHeaders({
  contentSecurityPolicy: {
    defaultSrc: ["'self'"],
    // The nonce admits the page's inline start-up script; Scalar's bundle comes from 'self'.
    scriptSrc: ["'self'", NONCE],
    // Scalar adds <style> elements and style attributes at run time.
    styleSrc: ["'self'", "'unsafe-inline'"],
    imgSrc: ["'self'", "data:", "blob:"],
    fontSrc: ["'self'", "data:"],
    connectSrc: ["'self'"],
    frameAncestors: ["'none'"],
    baseUri: ["'self'"],
    formAction: ["'self'"],
    objectSrc: ["'none'"],
  },
  xFrameOptions: "DENY",
  referrerPolicy: "strict-origin-when-cross-origin",
  xContentTypeOptions: true,
  // The admin sets none of these; HSTS belongs to whoever terminates TLS.
  strictTransportSecurity: false,
  crossOriginOpenerPolicy: false,
  crossOriginResourcePolicy: false,
  originAgentCluster: false,
  xDnsPrefetchControl: false,
  xDownloadOptions: false,
  xPermittedCrossDomainPolicies: false,
  xXssProtection: false,
});

export function docsRoutes() {
  const app = new Hono<ApiEnv>();
  app.get(
    "/",
    headers,
    Scalar((c) => ({
      url: "/api/v1/openapi.json",
      pageTitle: "BrainSAIT Store API",
      cdn: `${SCALAR_SCRIPT_PATH}?v=${loadBundle().hash}`,
      nonce: c.get("secureHeadersNonce"),
      // Nothing on this page calls Scalar's services: no fonts, telemetry, agent, MCP, proxy.
      withDefaultFonts: false,
      telemetry: false,
      agent: { disabled: true },
      mcp: { disabled: true },
      showToolbar: "never",
      showDeveloperTools: "never",
      proxyUrl: "",
    })),
  );
  app.get("/scalar.js", (c) => {
    const loaded = loadBundle();
    const gzipped = /\bgzip\b/.test(c.req.header("accept-encoding") ?? "");
    // 4 MB of script is about 1 MB gzipped; compressed once, on first demand.
    const data = gzipped ? (loaded.gzip ??= gzipSync(loaded.body)) : loaded.body;
    return c.body(new Uint8Array(data), 200, {
      "Content-Type": "text/javascript; charset=utf-8",
      "Cache-Control": "public, max-age=31536000, immutable",
      "X-Content-Type-Options": "nosniff",
      Vary: "Accept-Encoding",
      ...(gzipped ? { "Content-Encoding": "gzip" } : {}),
    });
  });
  return app;
}
