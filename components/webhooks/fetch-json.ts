/** GET a route handler's JSON; a non-2xx answer becomes an error carrying the API's code. */
export async function fetchJson<T>(url: string): Promise<T> {
  const response = await fetch(url, { headers: { Accept: "application/json" }, cache: "no-store" });
  const type = response.headers.get("content-type") ?? "";
  // A signed-out session is redirected to the sign-in page (HTML): treat it as expired.
  if (!type.includes("application/json")) throw new FetchError(response.status, "AUTH_EXPIRED");
  const body = (await response.json()) as T & { code?: string };
  if (!response.ok) throw new FetchError(response.status, body.code ?? "UNKNOWN");
  return body;
}

export class FetchError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
  ) {
    super(`Request failed: ${status} ${code}`);
    this.name = "FetchError";
  }
}
