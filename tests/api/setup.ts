import { afterEach, beforeEach } from "vitest";
import { log } from "@/lib/log";

/**
 * A 500 that a client caused is a defect even when the test's own assertions pass: any
 * "unhandled error" the API logs fails the test that caused it, unless the test says it
 * provokes one on purpose (a simulated database failure, the 500 envelope itself).
 */
let allowed = false;
const seen: string[] = [];
const logError = log.error;
log.error = (msg, fields) => {
  if (msg === "unhandled error") {
    const err = fields?.err;
    seen.push(`${String(fields?.path)}: ${err instanceof Error ? err.message : String(err)}`);
  }
  logError(msg, fields);
};

/** For a test that provokes a 500 deliberately. */
export function expectUnhandledErrors() {
  allowed = true;
}

beforeEach(() => {
  allowed = false;
  seen.length = 0;
});

afterEach(() => {
  if (!allowed && seen.length > 0) {
    throw new Error(`The API logged "unhandled error" (a 500):\n${seen.join("\n")}`);
  }
});
