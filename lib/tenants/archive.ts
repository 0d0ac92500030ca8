/**
 * The streaming parts of the store export (./export.ts): tables read a page at a time, JSON arrays
 * written element by element, and a zip (fflate) pulled as the client reads.
 */
import { Zip, ZipDeflate } from "fflate";
import { and, eq, gt, type SQL } from "drizzle-orm";
import type { PgColumn, PgTable } from "drizzle-orm/pg-core";

export const PAGE = 500;
const encoder = new TextEncoder();

export type Entry = { name: string; chunks: AsyncIterable<string | Uint8Array> };

/** Rows of one tenant's table, a page at a time, in id order (keyset: no offsets). */
export async function* pages<T extends { id: string }>(
  fetch: (after: string | undefined) => Promise<T[]>,
): AsyncGenerator<T[]> {
  let after: string | undefined;
  for (;;) {
    const rows = await fetch(after);
    if (rows.length) yield rows;
    if (rows.length < PAGE) return;
    after = rows.at(-1)!.id;
  }
}

export function keyset(table: PgTable & { id: PgColumn; tenantId: PgColumn }, tenantId: string) {
  return (after: string | undefined): SQL =>
    after ? and(eq(table.tenantId, tenantId), gt(table.id, after))! : eq(table.tenantId, tenantId);
}

/** A JSON array written element by element. */
export async function* jsonArray<T>(source: AsyncIterable<T[]>, present: (row: T) => unknown) {
  let first = true;
  yield "[";
  for await (const rows of source) {
    for (const row of rows) {
      yield (first ? "\n  " : ",\n  ") + JSON.stringify(present(row));
      first = false;
    }
  }
  yield first ? "]\n" : "\n]\n";
}

export async function* fromStream(opening: Promise<ReadableStream<Uint8Array>>) {
  const reader = (await opening).getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      yield value;
    }
  } finally {
    reader.releaseLock();
  }
}

/**
 * Files into a zip, pulled: each read of the stream writes just enough of the next file to
 * produce output, so a slow download slows the database reads rather than filling memory.
 */
export function zipStream(entries: Iterator<Entry>): ReadableStream<Uint8Array> {
  const out: Uint8Array[] = [];
  let finished = false;
  let failure: unknown;
  const zip = new Zip((err, chunk, final) => {
    if (err) failure = err;
    else out.push(chunk);
    if (final) finished = true;
  });
  async function* write() {
    for (let next = entries.next(); !next.done; next = entries.next()) {
      const file = new ZipDeflate(next.value.name, { level: 6 });
      zip.add(file);
      for await (const chunk of next.value.chunks) {
        file.push(typeof chunk === "string" ? encoder.encode(chunk) : chunk);
        yield;
      }
      file.push(new Uint8Array(0), true);
      yield;
    }
    zip.end();
  }
  const writer = write();
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      while (!out.length && !finished && failure === undefined) {
        if ((await writer.next()).done && !out.length && !finished) break;
      }
      if (failure !== undefined) return controller.error(failure);
      while (out.length) controller.enqueue(out.shift()!);
      if (finished) controller.close();
    },
    async cancel() {
      await writer.return(undefined);
    },
  });
}
