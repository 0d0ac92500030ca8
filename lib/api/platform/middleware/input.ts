import { createMiddleware } from "hono/factory";
import { ValidationError, type FieldError } from "@/lib/errors";
import { TEXT_PROBLEM_MESSAGES, textProblem, toStorableText } from "@/lib/input";
import type { ApiEnv } from "../env";

/** The media types Hono's json validator parses; the same body reaches the route's validator. */
const JSON_TYPE = /^application\/([\w.-]+\+)?json$/i;
/** NUL and lone surrogates can only arrive in JSON as \u escapes (raw ones are not JSON). */
const SUSPECT_ESCAPE = /\\u(0000|[dD][89a-fA-F])/;
const MAX_ERRORS = 20;

/**
 * Refuses text PostgreSQL cannot store (NUL, lone surrogates) in path segments, query values
 * and JSON bodies, with a 422 naming the field, for every route at once (docs/api.md).
 */
export const storableInput = createMiddleware<ApiEnv>(async (c, next) => {
  const errors: FieldError[] = [];
  const report = (field: string, text: string) => {
    const problem = textProblem(text);
    if (problem && errors.length < MAX_ERRORS) {
      errors.push({ field, code: problem, message: TEXT_PROBLEM_MESSAGES[problem] });
    }
    return problem !== null;
  };

  c.req.path.split("/").some((segment) => report("path", segment));
  for (const [name, values] of Object.entries(c.req.queries())) {
    for (const value of values) report(name, value);
  }

  const mediaType = c.req.header("content-type")?.split(";")[0]?.trim() ?? "";
  if (c.req.method !== "GET" && c.req.method !== "HEAD" && JSON_TYPE.test(mediaType)) {
    if (SUSPECT_ESCAPE.test(await c.req.text())) {
      let body: unknown;
      try {
        body = await c.req.json();
      } catch {
        body = undefined; // Malformed: the route's validator answers 400.
      }
      walk(body, report);
    }
  }

  if (errors.length)
    throw new ValidationError("The request has text that cannot be stored", errors);
  await next();
});

/** Every string and key in a parsed JSON value, with its field path (`items.0.name.en`). */
function walk(root: unknown, report: (field: string, text: string) => boolean) {
  // A loop, not recursion: a 64 KiB body can nest arrays deeper than the call stack.
  const stack: [unknown, string][] = [[root, ""]];
  while (stack.length) {
    const [value, path] = stack.pop()!;
    if (typeof value === "string") {
      report(path || "body", value);
    } else if (Array.isArray(value)) {
      for (let i = value.length - 1; i >= 0; i--) stack.push([value[i], join(path, String(i))]);
    } else if (value !== null && typeof value === "object") {
      const entries = Object.entries(value);
      for (let i = entries.length - 1; i >= 0; i--) {
        const [key, child] = entries[i]!;
        // A bad key is named with its bad characters replaced, so the reply itself stays valid.
        if (report(join(path, toStorableText(key)), key)) continue;
        stack.push([child, join(path, key)]);
      }
    }
  }
}

const join = (path: string, key: string) => (path ? `${path}.${key}` : key);
