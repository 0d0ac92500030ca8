import fc from "fast-check";
import { encodeUrlText, headerText, hostileValue, urlText, type Hostile } from "./values";

/** A valid request for one operation, before it is mutated. */
export interface BaseRequest {
  method: string;
  /** The templated path and the real ids that fill it. */
  path: string;
  params: Record<string, string>;
  query: Record<string, string>;
  headers: Record<string, string>;
  /** A JSON body, or a body of another type (CSV, multipart) as bytes with its content type. */
  json?: unknown;
  bytes?: Uint8Array;
}

/** What is sent, and printed to reproduce a failure. */
export interface Sent {
  method: string;
  url: string;
  headers: Record<string, string>;
  body?: string | Uint8Array;
  /** What was done to the valid request. */
  mutations: string[];
}

/** Credentials and ids of another store and of the wrong kind, for header and path mutations. */
export interface Alternatives {
  headers: Record<string, string[]>;
  ids: string[];
}

type Path = (string | number)[];
export type Mutation =
  | { kind: "set"; at: number; value: Hostile }
  | { kind: "delete"; at: number }
  | { kind: "extra"; at: number; key: string; value: Hostile }
  | { kind: "body"; body: Hostile | { text: string; label: string } }
  | { kind: "truncate"; at: number }
  | { kind: "header"; name: string; value: string | null; pick?: number }
  | { kind: "param"; at: number; value: { text: string; encode: boolean } | { other: number } }
  | { kind: "query"; name: string | number; value: { text: string; encode: boolean } }
  | { kind: "method"; method: string };

const HEADERS = [
  "authorization",
  "x-tenant-id",
  "content-type",
  "idempotency-key",
  "accept-language",
  "accept",
  "x-request-id",
  "x-forwarded-for",
  "brainsait-dev-ref",
  "brainsait-app-ref",
  "brainsait-account-token",
  "brainsait-staff-token",
  "brainsait-dev-token",
  "x-fuzz-extra",
];

const CONTENT_TYPES = [
  "text/plain",
  "application/xml",
  "application/x-www-form-urlencoded",
  "multipart/form-data",
  "multipart/form-data; boundary=x",
  "application/json; charset=utf-16",
  'application/json; charset="',
  "APPLICATION/JSON",
  "application/vnd.api+json",
  "text/csv",
  "*/*",
  "",
];

const SPECIAL_HEADER_VALUES = [
  "",
  "Bearer",
  "Bearer ",
  "Bearer x",
  "Basic dXNlcjpwYXNz",
  "Bearer bsk_live_" + "0".repeat(40),
  "Bearer eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0.",
  "a".repeat(8_000),
  "ar",
  "ar;q=abc, *;q=-1",
  "text/html",
  "fuzz-reused-key",
  "é",
];

const key = fc.oneof(
  fc.constantFrom(
    "__proto__",
    "constructor",
    "prototype",
    "id",
    "tenant_id",
    "",
    "a\u0000b",
    "\uD800",
    "x".repeat(300),
  ),
  fc.string({ maxLength: 12 }),
);

export function mutation(opHasBody: boolean): fc.Arbitrary<Mutation> {
  const any = [
    fc.record({
      kind: fc.constant("header" as const),
      name: fc.constantFrom(...HEADERS),
      value: fc.oneof(fc.constant(null), fc.constantFrom(...SPECIAL_HEADER_VALUES), headerText),
      pick: fc.option(fc.nat(), { nil: undefined }),
    }),
    fc.record({
      kind: fc.constant("header" as const),
      name: fc.constantFrom("authorization", "x-tenant-id", "brainsait-dev-ref"),
      value: fc.constant(null),
      pick: fc.nat(),
    }),
    fc.record({
      kind: fc.constant("param" as const),
      at: fc.nat(),
      value: fc.oneof(urlText, fc.record({ other: fc.nat() })),
    }),
    fc.record({
      kind: fc.constant("query" as const),
      name: fc.oneof(fc.nat(), fc.constantFrom("page", "limit", "sort", "x", "")),
      value: urlText,
    }),
    fc.record({
      kind: fc.constant("method" as const),
      method: fc.constantFrom("GET", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"),
    }),
  ];
  const body = [
    fc.record({ kind: fc.constant("set" as const), at: fc.nat(), value: hostileValue }),
    fc.record({ kind: fc.constant("delete" as const), at: fc.nat() }),
    fc.record({ kind: fc.constant("extra" as const), at: fc.nat(), key, value: hostileValue }),
    fc.record({
      kind: fc.constant("body" as const),
      body: fc.oneof(
        hostileValue,
        fc
          .constantFrom(
            "",
            "{",
            '{"a":1,}',
            "{'a':1}",
            '{"a":1}{"b":2}',
            "\uFEFF{}",
            "null",
            "[]",
            "1",
            '"x"',
          )
          .map((text) => ({ text, label: `body ${JSON.stringify(text)}` })),
      ),
    }),
    fc.record({ kind: fc.constant("truncate" as const), at: fc.nat() }),
    fc.record({
      kind: fc.constant("header" as const),
      name: fc.constant("content-type"),
      value: fc.oneof(fc.constant(null), fc.constantFrom(...CONTENT_TYPES)),
    }),
  ];
  // Bodies are where most of what a client gets wrong lives: weigh them up when there is one.
  return opHasBody
    ? fc.oneof(
        ...body.map((arbitrary) => ({ arbitrary, weight: 2 })),
        ...any.map((arbitrary) => ({ arbitrary, weight: 1 })),
      )
    : fc.oneof(...any, ...body.slice(3));
}

/** Every path into a JSON value: object keys and array indexes, the root excluded. */
function paths(value: unknown, prefix: Path = []): Path[] {
  if (value === null || typeof value !== "object") return [];
  const entries: [string | number, unknown][] = Array.isArray(value)
    ? value.map((v, i) => [i, v])
    : Object.entries(value);
  return entries.flatMap(([k, v]) => [[...prefix, k], ...paths(v, [...prefix, k])]);
}

function containers(value: unknown, prefix: Path = []): Path[] {
  if (value === null || typeof value !== "object" || Array.isArray(value)) return [];
  return [prefix, ...Object.entries(value).flatMap(([k, v]) => containers(v, [...prefix, k]))];
}

function parentOf(root: unknown, path: Path): Record<string | number, unknown> {
  let node = root as Record<string | number, unknown>;
  for (const step of path.slice(0, -1)) node = node[step] as Record<string | number, unknown>;
  return node;
}

const describeHostile = (h: Hostile) =>
  "json" in h ? short(JSON.stringify(h.json) ?? String(h.json)) : h.label;

export function short(text: string, max = 80) {
  return text.length > max ? `${text.slice(0, max)}… (${text.length} chars)` : text;
}

/** Turns the valid request plus mutations into what is sent. */
export function apply(base: BaseRequest, mutations: Mutation[], alt: Alternatives): Sent {
  let method = base.method;
  const params = { ...base.params };
  const rawParams = new Set<string>();
  const query: [string, string][] = Object.entries(base.query).map(([k, v]) => [
    k,
    encodeURIComponent(v),
  ]);
  const headers: Record<string, string> = { ...base.headers };
  let json: unknown = structuredClone(base.json);
  let text: string | undefined;
  const raws: (string | Uint8Array)[] = [];
  const described: string[] = [];
  const marker = (h: Hostile): unknown => {
    if ("json" in h) return h.json;
    raws.push(h.raw);
    return `\u0007RAW${raws.length - 1}\u0007`;
  };

  for (const m of mutations) {
    switch (m.kind) {
      case "set":
      case "delete": {
        const all = paths(json);
        if (all.length === 0) {
          described.push(`${m.kind} (no field)`);
          break;
        }
        const path = all[m.at % all.length]!;
        const parent = parentOf(json, path);
        const last = path[path.length - 1]!;
        if (m.kind === "set") parent[last] = marker(m.value);
        else if (Array.isArray(parent)) parent.splice(last as number, 1);
        else delete parent[last];
        described.push(
          m.kind === "set"
            ? `set ${path.join(".")} = ${describeHostile(m.value)}`
            : `delete ${path.join(".")}`,
        );
        break;
      }
      case "extra": {
        if (json === null || typeof json !== "object" || Array.isArray(json)) json = {};
        const all = containers(json);
        const at = all[m.at % all.length]!;
        const target = parentOf(json, [...at, ""]);
        Object.defineProperty(target, m.key, {
          value: marker(m.value),
          enumerable: true,
          configurable: true,
          writable: true,
        });
        described.push(`add ${[...at, m.key].join(".")} = ${describeHostile(m.value)}`);
        break;
      }
      case "body":
        if ("text" in m.body) text = m.body.text;
        else json = marker(m.body);
        described.push("text" in m.body ? m.body.label : `body = ${describeHostile(m.body)}`);
        break;
      case "truncate": {
        const full = base.bytes ? undefined : (JSON.stringify(json) ?? "");
        if (full !== undefined && full.length > 1) {
          text = full.slice(0, 1 + (m.at % (full.length - 1)));
          described.push(`body cut to ${short(JSON.stringify(text))}`);
        }
        break;
      }
      case "header": {
        const choices = m.pick === undefined ? undefined : alt.headers[m.name];
        const value = choices?.length ? choices[m.pick! % choices.length]! : m.value;
        if (value === null) delete headers[m.name];
        else headers[m.name] = value;
        described.push(
          value === null ? `no ${m.name}` : `${m.name}: ${short(JSON.stringify(value))}`,
        );
        break;
      }
      case "param": {
        const names = Object.keys(params);
        if (names.length === 0) break;
        const name = names[m.at % names.length]!;
        if ("other" in m.value) params[name] = alt.ids[m.value.other % alt.ids.length] ?? "x";
        else {
          params[name] = encodeUrlText(m.value);
          rawParams.add(name);
        }
        described.push(`path ${name} = ${short(JSON.stringify(params[name]))}`);
        break;
      }
      case "query": {
        const name =
          typeof m.name === "number"
            ? (query[m.name % Math.max(1, query.length)]?.[0] ?? "page")
            : m.name;
        query.push([name, encodeUrlText(m.value)]);
        described.push(`query ${name}=${short(encodeUrlText(m.value))}`);
        break;
      }
      case "method":
        method = m.method;
        described.push(`method ${m.method}`);
        break;
    }
  }

  const path = base.path.replace(/\{(\w+)\}/g, (_, name: string) =>
    rawParams.has(name) ? params[name]! : encodeURIComponent(params[name] ?? ""),
  );
  const url = query.length
    ? `${path}?${query.map(([k, v]) => `${encodeURIComponent(k)}=${v}`).join("&")}`
    : path;
  let body: string | Uint8Array | undefined;
  if (text !== undefined) body = text;
  else if (base.bytes && json === undefined) body = base.bytes;
  else if (json !== undefined) body = splice(JSON.stringify(json), raws);
  // A GET cannot carry a body (fetch refuses to build one).
  if (method === "GET") body = undefined;
  return { method, url, headers, body, mutations: described };
}

/** Replaces the markers JSON.stringify wrote with the raw text or bytes they stand for. */
function splice(serialized: string, raws: (string | Uint8Array)[]): string | Uint8Array {
  if (raws.length === 0) return serialized;
  const parts = serialized.split(/"\\u0007RAW(\d+)\\u0007"/);
  const encoder = new TextEncoder();
  const chunks: Uint8Array[] = parts.map((part, i) =>
    i % 2 === 0
      ? encoder.encode(part)
      : (() => {
          const raw = raws[Number(part)]!;
          return typeof raw === "string" ? encoder.encode(raw) : raw;
        })(),
  );
  if (chunks.every((_, i) => i % 2 === 0 || typeof raws[Number(parts[i])] === "string")) {
    return parts.map((part, i) => (i % 2 === 0 ? part : (raws[Number(part)] as string))).join("");
  }
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let offset = 0;
  for (const c of chunks) {
    out.set(c, offset);
    offset += c.length;
  }
  return out;
}
