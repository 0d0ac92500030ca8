/**
 * Structured logs through pino (docs/decisions/0010-pino-logs.md): one JSON line per entry on
 * stderr, `LOG_LEVEL` = silent | error | warn | info (default info). Every line written while a
 * Store API request runs carries its `requestId` (bound by `withLogContext` in lib/api/app.ts),
 * and secret-named fields are redacted, so a careless field cannot leak a token.
 */
import { AsyncLocalStorage } from "node:async_hooks";
import { randomUUID } from "node:crypto";
import pino, { type DestinationStream } from "pino";

type Fields = Record<string, unknown>;

const LEVELS = ["silent", "error", "warn", "info"] as const;

/** Field names whose values never reach a log, at the top level and one object down. */
const SECRET_FIELDS = [
  "authorization",
  "cookie",
  "password",
  "token",
  "accessToken",
  "refreshToken",
  "secret",
  "key",
  "apiKey",
  '["x-api-key"]',
  '["set-cookie"]',
];

const context = new AsyncLocalStorage<Fields>();

/** Runs `fn` with `fields` (a request id) added to every line it logs, however deep. */
export function withLogContext<T>(fields: Fields, fn: () => T): T {
  return context.run({ ...context.getStore(), ...fields }, fn);
}

/** The id of the request this code runs for (from withLogContext), if any. */
export function currentRequestId(): string | undefined {
  const id = context.getStore()?.requestId;
  return typeof id === "string" ? id : undefined;
}

/** A caller's X-Request-ID that is safe to log and echo: the rule of the Store API's (Hono's). */
const REQUEST_ID = /^[\w\-=]{1,255}$/;

/**
 * Runs `fn` (the admin's Next.js handler, which the Store API's middleware does not see) with
 * the caller's X-Request-ID, or a new one, on every line it logs and on the reply.
 */
export function withRequestId<T>(
  req: { headers: Record<string, string | string[] | undefined> },
  res: { setHeader(name: string, value: string): unknown },
  fn: () => T,
): T {
  const given = req.headers["x-request-id"];
  const requestId = typeof given === "string" && REQUEST_ID.test(given) ? given : randomUUID();
  req.headers["x-request-id"] = requestId;
  res.setHeader("X-Request-ID", requestId);
  return withLogContext({ requestId }, fn);
}

/** A failed query's text ends with its parameters: customer data and signatures stay out. */
const QUERY_PARAMS = /\nparams: [\s\S]*?(?=\n\s+at |$)/;
const withoutParams = (text: string | undefined) =>
  text?.replace(QUERY_PARAMS, "\nparams: [redacted]");

/** An error as name, message, stack and the cause's message (a failed query's real reason). */
function describeError(value: Error): Fields {
  const cause = value.cause instanceof Error ? value.cause : undefined;
  return {
    name: value.name,
    message: withoutParams(value.message),
    stack: withoutParams(value.stack),
    ...(cause ? { cause: { name: cause.name, message: withoutParams(cause.message) } } : {}),
  };
}

/** Errors described as above, whatever the field is called (`err`, `error`, `cause`). */
function serialize(fields: Fields): Fields {
  const out: Fields = {};
  for (const [key, value] of Object.entries(fields)) {
    out[key] = value instanceof Error ? describeError(value) : value;
  }
  return out;
}

const errorField = (value: unknown) => (value instanceof Error ? describeError(value) : value);

function level(): (typeof LEVELS)[number] {
  const wanted = process.env.LOG_LEVEL;
  return LEVELS.find((name) => name === wanted) ?? "info";
}

/** A logger writing to `destination` (stderr in the app; a test passes its own stream). */
export function createLog(destination: DestinationStream = process.stderr) {
  const logger = pino(
    {
      level: level(),
      base: undefined,
      timestamp: pino.stdTimeFunctions.isoTime,
      // pino's own `err` serializer would run first and keep a failed query's parameters.
      serializers: { err: errorField },
      formatters: { level: (label) => ({ level: label }), log: serialize },
      mixin: () => context.getStore() ?? {},
      redact: {
        paths: SECRET_FIELDS.flatMap((path) => [
          path,
          path.startsWith("[") ? `*${path}` : `*.${path}`,
        ]),
        censor: "[redacted]",
      },
    },
    destination,
  );
  // A plain object of functions: tests replace `log.error` to watch for unhandled errors.
  return {
    info: (msg: string, fields?: Fields) => logger.info(fields ?? {}, msg),
    warn: (msg: string, fields?: Fields) => logger.warn(fields ?? {}, msg),
    error: (msg: string, fields?: Fields) => logger.error(fields ?? {}, msg),
  };
}

export const log = createLog();
