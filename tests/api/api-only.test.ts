import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

// Issue 20, item 3: `server.ts --api-only` serves the Store API without loading Next.js.

const root = path.resolve(import.meta.dirname, "../..");
let child: ChildProcess;
let base: string;
let output = "";
const dataDir = mkdtempSync(path.join(tmpdir(), "bs-api-only-"));

async function freePort() {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, "127.0.0.1", resolve));
  const { port } = probe.address() as { port: number };
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

beforeAll(async () => {
  const port = await freePort();
  base = `http://127.0.0.1:${port}`;
  child = spawn(process.execPath, ["--import", "tsx", "server.ts", "--api-only", "--seed-demo"], {
    cwd: root,
    env: {
      ...process.env,
      DATABASE_URL: "",
      // A replica means nothing to the embedded database: ignored, with a warning.
      DATABASE_READ_URL: "postgres://nobody@127.0.0.1:1/none",
      DATA_DIR: dataDir,
      PORT: String(port),
      HOST: "127.0.0.1",
      LOG_LEVEL: "info",
      NODE_ENV: "production",
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stdout!.on("data", (d: Buffer) => (output += d.toString()));
  child.stderr!.on("data", (d: Buffer) => (output += d.toString()));
  const deadline = Date.now() + 90_000;
  while (!output.includes('"listening"') && !output.includes("listening")) {
    if (Date.now() > deadline || child.exitCode !== null)
      throw new Error(`the server did not start:\n${output}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}, 120_000);

afterAll(async () => {
  if (child.exitCode === null) {
    child.kill("SIGTERM");
    await new Promise((resolve) => child.once("exit", resolve));
  }
  rmSync(dataDir, { recursive: true, force: true });
});

describe("an API-only instance", () => {
  it("answers the Store API", async () => {
    expect((await fetch(`${base}/health`)).status).toBe(200);
    const login = await fetch(`${base}/api/v1/auth/login`, {
      method: "POST",
      headers: { "content-type": "application/json", "x-tenant-id": "demo" },
      body: JSON.stringify({ email: "owner@demo.brainsait.test", password: "wrong" }),
    });
    expect(login.status).toBe(401);
    expect((await fetch(`${base}/api/v1/openapi.json`)).status).toBe(200);
  });

  it("says the admin is served elsewhere, in the API's error shape", async () => {
    const res = await fetch(`${base}/en/login`);
    expect(res.status).toBe(404);
    expect(await res.json()).toMatchObject({ type: "not_found_error", code: "ADMIN_NOT_SERVED" });
  });

  it("says in its start-up line that it serves the API alone", () => {
    expect(output).toMatch(/"serves":"api"/);
  });

  it("ignores DATABASE_READ_URL on PGlite, says so, and serves all the same", () => {
    expect(output).toContain("DATABASE_READ_URL is ignored on the embedded database");
  });
});
