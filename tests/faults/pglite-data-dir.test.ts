import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { runServerToExit } from "./support";

// Issue 17, item 3: a PGlite data directory the server cannot write (a file in its place, a
// read-only mount, a full disk) stops the start with one clear sentence and exit code 1.
// Root ignores permission bits, so "read-only" is a read-only mount, which holds for root too.

const dir = mkdtempSync(path.join(tmpdir(), "bs-faults-datadir-"));
const mounts: string[] = [];
afterAll(() => {
  for (const m of mounts) execFileSync("umount", [m]);
  rmSync(dir, { recursive: true, force: true });
});

/** A tmpfs at a new directory, or undefined where this machine may not mount (not root). */
function tmpfs(name: string, options: string) {
  const at = path.join(dir, name);
  mkdirSync(at);
  try {
    execFileSync("mount", ["-t", "tmpfs", "-o", options, "tmpfs", at], { stdio: "ignore" });
  } catch {
    return undefined;
  }
  mounts.push(at);
  return at;
}
const canMount = tmpfs("probe", "size=1m") !== undefined;

async function expectClearRefusal(env: Record<string, string>, reason: RegExp) {
  const { code, output } = await runServerToExit({ NODE_ENV: "production", ...env });
  expect(code).toBe(1);
  const line = output.split("\n").find((l) => l.includes('"msg":"cannot start"'));
  expect(line, output).toBeDefined();
  const { reason: said } = JSON.parse(line!) as { reason: string };
  expect(said).toContain(`DATA_DIR ${env.DATA_DIR}`);
  expect(said).toMatch(reason);
  // No stack trace, no minified PGlite source: the sentence is all the operator reads.
  expect(output).not.toMatch(/^\s+at /m);
  expect(output.length).toBeLessThan(1_000);
}

describe("a PGlite data directory the server cannot use", () => {
  it("a file where the directory should be", async () => {
    const file = path.join(dir, "not-a-directory");
    writeFileSync(file, "x");
    // With AUTH_SECRET set, PGlite's own check says it (without, the secret's write would).
    await expectClearRefusal({ DATA_DIR: file, AUTH_SECRET: "s".repeat(40) }, /is not a directory/);
  });

  it.skipIf(!canMount)("a read-only file system", async () => {
    const readOnly = tmpfs("read-only", "size=64m,ro")!;
    // Without AUTH_SECRET the first write is the generated secret; with it, PGlite's own files.
    await expectClearRefusal({ DATA_DIR: readOnly }, /read-only file system/);
    await expectClearRefusal(
      { DATA_DIR: readOnly, AUTH_SECRET: "s".repeat(40) },
      /read-only file system/,
    );
  });

  it.skipIf(!canMount)("a full disk", async () => {
    const full = tmpfs("full", "size=2m")!;
    await expectClearRefusal({ DATA_DIR: full }, /full disk/);
  });
});
