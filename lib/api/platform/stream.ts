import { AsyncLocalStorage } from "node:async_hooks";
import type { Context } from "hono";
import { log } from "@/lib/log";
import { dateInZone } from "@/lib/time";
import type { ApiEnv } from "./env";

/**
 * The body of a streamed download (CSV exports). A failure after the 200 has gone out must not
 * look like a complete file: over a socket the connection is dropped, so the chunked body never
 * ends (curl exits 18, fetch rejects); in process the body errors. docs/api.md "Streamed downloads".
 */
export function downloadBody(
  c: Context<ApiEnv>,
  source: ReadableStream<Uint8Array>,
): ReadableStream<Uint8Array> {
  // Read in the request's scope: the server reads the body after the handler returned, and each
  // page of rows must come from this store's view (row-level security, lib/db/tenant-scope.ts).
  const inScope = AsyncLocalStorage.snapshot();
  const reader = source.getReader();
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        let chunk: ReadableStreamReadResult<Uint8Array>;
        try {
          chunk = await inScope(() => reader.read());
        } catch (err) {
          log.error("unhandled error", {
            requestId: c.var.requestId,
            path: c.req.path,
            streaming: true,
            err,
          });
          // Dropping the socket ends this stream through cancel(); erroring it as well would
          // make @hono/node-server write the error text and end the body cleanly.
          const socket = c.env?.incoming?.socket;
          if (socket) socket.destroy();
          else controller.error(new Error("The download failed part-way; discard it"));
          return;
        }
        if (chunk.done) controller.close();
        else controller.enqueue(chunk.value);
      },
      cancel(reason) {
        return reader.cancel(reason).catch(() => {});
      },
    },
    // Read the next page only when the client has taken the last one.
    { highWaterMark: 0 },
  );
}

/**
 * A CSV export's reply: streamed as above, named `<kind>-<store>-<YYYY-MM-DD>.csv` with the
 * store's own date (an export at 01:00 in Riyadh is that Riyadh day's, not the UTC one before).
 */
export function csvDownload(
  c: Context<ApiEnv>,
  kind: string,
  csv: ReadableStream<Uint8Array>,
): Response {
  const day = dateInZone(c.var.deps.now(), c.var.tenant.timeZone);
  return c.body(downloadBody(c, csv), 200, {
    "Content-Type": "text/csv; charset=utf-8",
    "Content-Disposition": `attachment; filename="${kind}-${c.var.tenant.slug}-${day}.csv"`,
  });
}
