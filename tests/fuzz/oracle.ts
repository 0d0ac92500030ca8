import { sql } from "drizzle-orm";
import type { Database } from "@/lib/db/client";
import type { Sent } from "./mutate";

/**
 * The rule every response is held to: never a 5xx, every 4xx the {detail, type, code}
 * envelope, and a refused request changes nothing.
 */
export type Failure = {
  kind: "5xx" | "envelope" | "changed-state";
  status: number;
  detail: string;
};

export async function checkResponse(sent: Sent, res: Response): Promise<Failure | undefined> {
  const text = sent.method === "HEAD" ? "" : await res.text();
  if (res.status >= 500) return { kind: "5xx", status: res.status, detail: text.slice(0, 300) };
  if (res.status < 400 || sent.method === "HEAD") return undefined;
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return { kind: "envelope", status: res.status, detail: `not JSON: ${text.slice(0, 200)}` };
  }
  const e = body as { detail?: unknown; type?: unknown; code?: unknown };
  const ok =
    typeof e === "object" &&
    e !== null &&
    typeof e.detail === "string" &&
    e.detail.length > 0 &&
    typeof e.type === "string" &&
    typeof e.code === "string" &&
    (res.headers.get("content-type") ?? "").includes("json");
  return ok ? undefined : { kind: "envelope", status: res.status, detail: text.slice(0, 300) };
}

/**
 * A fingerprint of everything the stores own: for every table with a tenant_id, the count and a
 * hash of the stores' rows (updated_at included), plus the stores and developers themselves.
 * Built once from the catalogue, so a table added later is covered.
 */
export async function fingerprinter(db: Database["db"], tenantIds: string[]) {
  const tables = (await db.execute(
    sql`select table_name from information_schema.columns
        where table_schema = 'public' and column_name = 'tenant_id' order by table_name`,
  )) as unknown as { rows: { table_name: string }[] };
  const list = tenantIds.map((id) => `'${id.replace(/'/g, "")}'`).join(",");
  const parts = tables.rows.map(
    ({ table_name: t }) =>
      `select '${t}' as t, count(*)::int as n, md5(coalesce(string_agg(md5(x::text), '' order by md5(x::text)), '')) as h from "${t}" x where tenant_id in (${list})${t === "audit_log" ? AUDITED_REFUSALS : ""}`,
  );
  parts.push(
    `select 'tenants', count(*)::int, md5(coalesce(string_agg(md5(x::text), '' order by md5(x::text)), '')) from tenants x`,
    `select 'developers', count(*)::int, md5(coalesce(string_agg(md5(x::text), '' order by md5(x::text)), '')) from developers x`,
  );
  const query = sql.raw(parts.join(" union all "));
  return async (): Promise<Map<string, string>> => {
    const result = (await db.execute(query)) as unknown as {
      rows: { t: string; n: number; h: string }[];
    };
    return new Map(result.rows.map((r) => [r.t, `${r.n}:${r.h}`]));
  };
}

/** A refused sign-in is recorded on purpose (who tried which account): the one allowed write. */
const AUDITED_REFUSALS = ` and action <> 'auth.login_failed'`;

/** The tables whose fingerprint differs. */
export function changed(before: Map<string, string>, after: Map<string, string>): string[] {
  return [...after.keys()].filter((t) => before.get(t) !== after.get(t));
}
