/**
 * server.ts as a child process in API-only mode (no Next.js build needed): for the tests that
 * need real processes (signals, several instances on one database). Its log lines are kept.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { createServer } from "node:net";
import path from "node:path";
import { DEMO } from "@/lib/demo/seed";

const root = path.resolve(import.meta.dirname, "../..");
export const AUTH_SECRET = "test-instances-secret-0123456789-0123456789";
export const DEMO_PASSWORD = "demo-password-for-tests";

export async function freePort() {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, "127.0.0.1", resolve));
  const { port } = probe.address() as { port: number };
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

export interface ApiProcess {
  child: ChildProcess;
  base: string;
  /** Everything it wrote, stdout and stderr. */
  output(): string;
  /** Its JSON log lines. */
  logLines(): Record<string, unknown>[];
  exited: Promise<number | null>;
  stop(): Promise<number | null>;
}

/** Starts `server.ts --api-only` and waits for its "listening" line (90 s at most). */
export async function startApiProcess(env: Record<string, string>, args: string[] = []) {
  const port = await freePort();
  const child = spawn(
    process.execPath,
    ["--import", "tsx", "server.ts", "--api-only", "--seed-demo", ...args],
    {
      cwd: root,
      env: {
        ...process.env,
        PORT: String(port),
        HOST: "127.0.0.1",
        LOG_LEVEL: "info",
        NODE_ENV: "production",
        AUTH_SECRET,
        DEMO_PASSWORD,
        WEBHOOKS_ALLOW_PRIVATE: "1",
        ...env,
      },
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  let output = "";
  child.stdout!.on("data", (d: Buffer) => (output += d.toString()));
  child.stderr!.on("data", (d: Buffer) => (output += d.toString()));
  const exited = new Promise<number | null>((resolve) => child.once("exit", resolve));
  const deadline = Date.now() + 90_000;
  while (!output.includes('"msg":"listening"')) {
    if (Date.now() > deadline || child.exitCode !== null) {
      child.kill("SIGKILL");
      throw new Error(`the server did not start:\n${output}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  const proc: ApiProcess = {
    child,
    base: `http://127.0.0.1:${port}`,
    output: () => output,
    logLines: () =>
      output
        .split("\n")
        .filter((line) => line.startsWith("{"))
        .map((line) => JSON.parse(line) as Record<string, unknown>),
    exited,
    async stop() {
      if (child.exitCode === null) child.kill("SIGTERM");
      return exited;
    },
  };
  return proc;
}

/** Signs the demo owner in on `base`: the headers of their calls. */
export async function demoOwner(base: string) {
  const res = await fetch(`${base}/api/v1/auth/login`, {
    method: "POST",
    headers: { "content-type": "application/json", "x-tenant-id": DEMO.slug },
    body: JSON.stringify({ email: DEMO.email, password: DEMO_PASSWORD }),
  });
  if (res.status !== 200) throw new Error(`login failed: ${res.status} ${await res.text()}`);
  const { access_token } = (await res.json()) as { access_token: string };
  return {
    "content-type": "application/json",
    "x-tenant-id": DEMO.slug,
    authorization: `Bearer ${access_token}`,
  };
}
