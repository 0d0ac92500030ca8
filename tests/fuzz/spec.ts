/**
 * The operations the fuzzer covers, read from the API's own OpenAPI document, so a route added
 * later is fuzzed without anyone listing it here.
 */
export interface Operation {
  /** "POST /api/v1/store/products" */
  key: string;
  method: string;
  /** The templated path, e.g. /api/v1/store/products/{id} */
  path: string;
  pathParams: string[];
  query: { name: string; required: boolean }[];
  /** The request body's content type, when the operation takes one. */
  bodyType?: string;
  /** The JSON body's properties (top level), for mutations that drop or retype them. */
  bodyRequired: string[];
  /** bearerAuth, developer/app headers, or public. */
  security: string[][];
}

type Doc = {
  paths: Record<string, Record<string, RawOperation>>;
  components?: { schemas?: Record<string, Schema> };
};
type RawOperation = {
  parameters?: { name: string; in: string; required?: boolean }[];
  requestBody?: { content: Record<string, { schema?: Schema }> };
  security?: Record<string, string[]>[];
};
type Schema = { $ref?: string; required?: string[] };

const METHODS = ["get", "post", "put", "patch", "delete"];

export function operations(doc: Doc): Operation[] {
  const resolve = (s: Schema | undefined): Schema | undefined =>
    s?.$ref ? resolve(doc.components?.schemas?.[s.$ref.split("/").pop()!]) : s;
  const list: Operation[] = [];
  for (const [path, item] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(item)) {
      if (!METHODS.includes(method)) continue;
      const params = op.parameters ?? [];
      const content = op.requestBody?.content ?? {};
      const bodyType = Object.keys(content)[0];
      list.push({
        key: `${method.toUpperCase()} ${path}`,
        method: method.toUpperCase(),
        path,
        pathParams: params.filter((p) => p.in === "path").map((p) => p.name),
        query: params
          .filter((p) => p.in === "query")
          .map((p) => ({ name: p.name, required: p.required === true })),
        bodyType,
        bodyRequired: (bodyType && resolve(content[bodyType]?.schema)?.required) || [],
        security: (op.security ?? []).map((s) => Object.keys(s)),
      });
    }
  }
  return list;
}
