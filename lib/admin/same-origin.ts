/**
 * The CSRF check for the admin's state-changing route handlers, with the rules Next.js applies to
 * server actions (which route handlers do not get): see docs/decisions/0008-web-hardening.md.
 */

/** Why a state-changing request must be refused as cross-origin, or null when it may proceed. */
export function crossOriginRefusal(headers: Headers, publicUrl?: string): string | null {
  // Sent by every current browser; only "same-origin" (or "none": typed by the user) is ours.
  const fetchSite = headers.get("sec-fetch-site");
  if (fetchSite && fetchSite !== "same-origin" && fetchSite !== "none")
    return `Sec-Fetch-Site is ${fetchSite}`;

  const origin = headers.get("origin");
  // No Origin: not a browser (browsers send it with every POST), so no ambient cookie to abuse.
  if (origin === null) return null;
  if (origin === "null") return "the Origin is opaque (a sandboxed frame or a data: URL)";
  let url: URL;
  try {
    url = new URL(origin);
  } catch {
    return "the Origin header is not a URL";
  }
  if (publicUrl && safeOrigin(publicUrl) === url.origin) return null;
  // As for server actions: a proxy's X-Forwarded-Host (which a cross-origin page cannot set
  // without a CORS preflight, never granted here), else Host.
  const forwarded = headers.get("x-forwarded-host")?.split(",")[0]?.trim();
  const host = forwarded || headers.get("host");
  if (!host) return "the request names no Host to compare the Origin with";
  return url.host === host ? null : "the Origin is not this site";
}

function safeOrigin(value: string): string | undefined {
  try {
    return new URL(value).origin;
  } catch {
    return undefined;
  }
}

/**
 * A 403 for a cross-origin state-changing request, or null to go on. Call it first in every
 * POST/PUT/PATCH/DELETE route handler under app/ (signature-verified webhook receivers aside).
 */
export function rejectCrossOrigin(request: Request): Response | null {
  const publicUrl = process.env.PUBLIC_URL || process.env.NEXTAUTH_URL;
  const reason = crossOriginRefusal(request.headers, publicUrl);
  if (reason === null) return null;
  return Response.json(
    {
      detail: `Cross-origin request refused: ${reason}`,
      type: "permission_error",
      code: "CROSS_ORIGIN_REQUEST",
    },
    { status: 403, headers: { "Cache-Control": "no-store" } },
  );
}
