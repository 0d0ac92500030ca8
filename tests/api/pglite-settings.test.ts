import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { openDatabase, pgliteStartParams } from "@/lib/db/client";

// Issue 20, item 5 (docs/decisions/0018-embedded-footprint.md): the embedded PostgreSQL keeps
// 16MB of shared buffers, and a new data directory is created outside the server's process.
describe("PGlite's settings", () => {
  it("starts with 16MB of shared buffers unless PGLITE_SHARED_BUFFERS says otherwise", () => {
    const params = pgliteStartParams();
    expect(params.slice(-2)).toEqual(["-c", "shared_buffers=16MB"]);
    expect(params).toContain("--single");
    expect(pgliteStartParams("128MB").at(-1)).toBe("shared_buffers=128MB");
    expect(() => pgliteStartParams("lots")).toThrow(/PGLITE_SHARED_BUFFERS/);
  });

  it("creates a new data directory, then opens it with those settings", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "bs-pglite-settings-"));
    const dataDir = path.join(dir, "data");
    try {
      const database = await openDatabase({ dataDir });
      try {
        const { rows } = await database.pglite!.query<{ shared_buffers: string }>(
          "show shared_buffers",
        );
        expect(rows[0]?.shared_buffers).toBe("16MB");
        await database.migrate();
      } finally {
        await database.close();
      }
      // The directory survives: a second open finds it and does not create it again.
      const again = await openDatabase({ dataDir });
      await again.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
