/**
 * PGlite's data directory (DATA_DIR) must be a writable directory with room to grow. When it is
 * not (a read-only mount, a full disk, a file in its place), the server says so in one sentence
 * and exits with 1, instead of a stack trace or PGlite's "failed to initialize properly"
 * (docs/operations.md, "What happens when something fails").
 */
import {
  closeSync,
  fsyncSync,
  mkdirSync,
  openSync,
  statSync,
  statfsSync,
  unlinkSync,
  writeSync,
} from "node:fs";
import path from "node:path";

/** A start-up error whose message is the whole story: server.ts prints it without a stack. */
export class DataDirectoryError extends Error {
  override name = "DataDirectoryError";
}

/** PostgreSQL writes its WAL in 16 MiB segments: less free space than one fails soon after start. */
const MIN_FREE_BYTES = 16 * 2 ** 20;

const REASONS: Record<string, string> = {
  EROFS: "is on a read-only file system",
  EACCES: "is not writable by this process (permission denied)",
  EPERM: "is not writable by this process (permission denied)",
  ENOSPC: "is on a full disk (no space left on device)",
  EDQUOT: "is over its disk quota",
  ENOTDIR: "is not a directory (a file is in its place)",
  EEXIST: "is not a directory (a file is in its place)",
};

/** PGlite's WASM file system reports WASI error numbers (e.g. `errno: 51`), not names. */
const WASI_CODES: Record<string, string> = {
  "2": "EACCES",
  "19": "EDQUOT",
  "51": "ENOSPC",
  "54": "ENOTDIR",
  "63": "EPERM",
  "69": "EROFS",
};

function explain(dataDir: string, reason: string) {
  return new DataDirectoryError(
    `DATA_DIR ${dataDir} ${reason}. PGlite keeps the store's database there and must write to ` +
      "it: make it writable or free space, or set DATA_DIR to another directory (or DATABASE_URL " +
      "to use PostgreSQL).",
  );
}

/** A file system error about the data directory, as a DataDirectoryError; others unchanged. */
export function dataDirectoryError(dataDir: string, err: unknown): unknown {
  const code = (err as { code?: unknown } | undefined)?.code;
  const reason = typeof code === "string" ? REASONS[code] : undefined;
  return reason ? explain(dataDir, reason) : err;
}

/** The same for a child process's output that names a WASI errno (PGlite's initdb). */
export function wasiDataDirectoryError(dataDir: string, output: string): DataDirectoryError {
  const errno = /errno:?\s*(\d+)/.exec(output)?.[1];
  const reason = errno && WASI_CODES[errno] ? REASONS[WASI_CODES[errno]] : undefined;
  return explain(
    dataDir,
    reason ?? `could not be initialised (${output.trim().split("\n").at(-1)})`,
  );
}

/** Creates the directory if needed, then proves it takes a write and has room for the WAL. */
export function ensureWritableDataDir(dataDir: string) {
  try {
    mkdirSync(dataDir, { recursive: true });
    if (!statSync(dataDir).isDirectory()) throw Object.assign(new Error(), { code: "ENOTDIR" });
    const probe = path.join(dataDir, `.write-check-${process.pid}`);
    const fd = openSync(probe, "w");
    try {
      writeSync(fd, "ok");
      fsyncSync(fd);
    } finally {
      closeSync(fd);
      unlinkSync(probe);
    }
    const { bavail, bsize } = statfsSync(dataDir);
    if (bavail * bsize < MIN_FREE_BYTES) throw Object.assign(new Error(), { code: "ENOSPC" });
  } catch (err) {
    throw dataDirectoryError(dataDir, err);
  }
}
