/**
 * Structured one-line JSON logs on stderr. Errors are reduced to name/message/stack; callers
 * never pass secrets (tokens, passwords, keys) in fields.
 */
type Fields = Record<string, unknown>;

function serialize(fields: Fields): Fields {
  const out: Fields = {};
  for (const [key, value] of Object.entries(fields)) {
    out[key] =
      value instanceof Error
        ? { name: value.name, message: value.message, stack: value.stack }
        : value;
  }
  return out;
}

function write(level: "info" | "warn" | "error", msg: string, fields: Fields = {}) {
  if (process.env.LOG_LEVEL === "silent") return;
  if (level === "info" && process.env.LOG_LEVEL === "error") return;
  process.stderr.write(
    JSON.stringify({ time: new Date().toISOString(), level, msg, ...serialize(fields) }) + "\n",
  );
}

export const log = {
  info: (msg: string, fields?: Fields) => write("info", msg, fields),
  warn: (msg: string, fields?: Fields) => write("warn", msg, fields),
  error: (msg: string, fields?: Fields) => write("error", msg, fields),
};
