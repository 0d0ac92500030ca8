/**
 * What the fault tests (issue 17, item 3) break: a PostgreSQL cluster and a Redis of their own,
 * on free ports in temporary directories (never the shared 5432 and 6379), and the real server
 * (server.ts --api-only) as a child process that a test can kill.
 */
import { execFile, execFileSync, spawn, type ChildProcess } from "node:child_process";
import { promisify } from "node:util";
import { chownSync, mkdtempSync, rmSync } from "node:fs";
import { createConnection } from "node:net";
import { freePort } from "../support/api-process";

export { freePort };
import { tmpdir } from "node:os";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "../..");
const PG_BIN = "/usr/lib/postgresql/15/bin";
export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** PostgreSQL refuses to run as root: as root, the cluster belongs to the postgres OS user. */
function pgCommand(binary: string, args: string[]) {
  const full = path.join(PG_BIN, binary);
  const [cmd, cmdArgs] =
    process.getuid?.() === 0 ? ["runuser", ["-u", "postgres", "--", full, ...args]] : [full, args];
  // Asynchronous: the test's own load generator keeps running while PostgreSQL stops and starts.
  return promisify(execFile)(cmd, cmdArgs, { timeout: 60_000 });
}

/** A throwaway PostgreSQL cluster on a free port: `url` is its `postgres` database. */
export async function startPostgres() {
  const dir = mkdtempSync(path.join(tmpdir(), "bs-faults-pg-"));
  if (process.getuid?.() === 0) {
    const uid = Number(execFileSync("id", ["-u", "postgres"]).toString());
    const gid = Number(execFileSync("id", ["-g", "postgres"]).toString());
    chownSync(dir, uid, gid);
  }
  const data = path.join(dir, "data");
  const port = await freePort();
  await pgCommand("initdb", ["-D", data, "-A", "trust", "-U", "postgres", "--no-sync"]);
  const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off`;
  const start = () =>
    pgCommand("pg_ctl", ["-D", data, "-o", options, "-l", path.join(dir, "log"), "-w", "start"]);
  await start();
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    start,
    /** `immediate` is a crash (no checkpoint, clients cut off); `fast` a clean restart. */
    stop: (mode: "fast" | "immediate" = "fast") =>
      pgCommand("pg_ctl", ["-D", data, "-m", mode, "-w", "stop"]),
    async destroy() {
      await pgCommand("pg_ctl", ["-D", data, "-m", "immediate", "-w", "stop"]).catch(() => {});
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A Redis of its own, without persistence, on a free port (or `port`, to bring one back). */
export async function startRedis(port?: number) {
  port ??= await freePort();
  const child = spawn(
    "redis-server",
    ["--port", String(port), "--save", "", "--appendonly", "no"],
    {
      stdio: "ignore",
    },
  );
  for (let i = 0; i < 100; i++) {
    const up = await new Promise<boolean>((resolve) => {
      const socket = createConnection(port, "127.0.0.1", () => (socket.end(), resolve(true)));
      socket.on("error", () => resolve(false));
    });
    if (up) break;
    await sleep(50);
  }
  return {
    url: `redis://127.0.0.1:${port}`,
    port,
    kill: () => stopChild(child, "SIGKILL"),
  };
}

export interface ServerProcess {
  base: string;
  child: ChildProcess;
  /** Everything it wrote to stdout and stderr so far. */
  output(): string;
  kill(signal?: NodeJS.Signals): Promise<void>;
}

export const OWNER = { email: "owner@demo.test", password: "brainsait-demo" };

/**
 * server.ts --api-only --seed-demo as a child process, resolved once it logs "listening" (or
 * rejected with its output when it exits first). `env` adds to a quiet, unthrottled setup.
 */
export async function startServer(env: Record<string, string>, port?: number) {
  port ??= await freePort();
  const child = spawn(
    process.execPath,
    ["--import", "tsx", "server.ts", "--api-only", "--seed-demo"],
    {
      cwd: root,
      env: {
        ...process.env,
        DATABASE_URL: "",
        REDIS_URL: "",
        PORT: String(port),
        HOST: "127.0.0.1",
        LOG_LEVEL: "info",
        NODE_ENV: "production",
        AUTH_SECRET: "faults-secret-0123456789-0123456789-abcdef",
        RATE_LIMIT_POINTS: "1000000",
        RATE_LIMIT_KEY_POINTS: "1000000",
        WEBHOOKS_ALLOW_PRIVATE: "1",
        DEMO_PASSWORD: OWNER.password,
        ...env,
      },
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  let output = "";
  child.stdout!.on("data", (d: Buffer) => (output += d.toString()));
  child.stderr!.on("data", (d: Buffer) => (output += d.toString()));
  const server: ServerProcess = {
    base: `http://127.0.0.1:${port}`,
    child,
    output: () => output,
    kill: (signal = "SIGTERM") => stopChild(child, signal),
  };
  const deadline = Date.now() + 90_000;
  while (!output.includes('"msg":"listening"')) {
    if (child.exitCode !== null || Date.now() > deadline) {
      await server.kill("SIGKILL");
      throw new Error(`the server did not start (exit ${child.exitCode}):\n${output}`);
    }
    await sleep(50);
  }
  return server;
}

/** Runs `server.ts` to its exit (a start that must fail): its exit code and output. */
export function runServerToExit(env: Record<string, string>, timeoutMs = 60_000) {
  return new Promise<{ code: number | null; output: string }>((resolve) => {
    const child = spawn(process.execPath, ["--import", "tsx", "server.ts", "--api-only"], {
      cwd: root,
      env: { ...process.env, DATABASE_URL: "", REDIS_URL: "", LOG_LEVEL: "info", ...env },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    child.stdout!.on("data", (d: Buffer) => (output += d.toString()));
    child.stderr!.on("data", (d: Buffer) => (output += d.toString()));
    const timer = setTimeout(() => child.kill("SIGKILL"), timeoutMs);
    child.once("exit", (code) => {
      clearTimeout(timer);
      resolve({ code, output });
    });
  });
}

async function stopChild(child: ChildProcess, signal: NodeJS.Signals) {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once("exit", resolve));
  child.kill(signal);
  await exited;
}

/** The demo owner's access token. */
export async function signIn(base: string) {
  const res = await fetch(`${base}/api/v1/auth/login`, {
    method: "POST",
    headers: { "content-type": "application/json", "x-tenant-id": "demo" },
    body: JSON.stringify(OWNER),
  });
  if (res.status !== 200) throw new Error(`sign-in: ${res.status} ${await res.text()}`);
  const { access_token } = (await res.json()) as { access_token: string };
  return { authorization: `Bearer ${access_token}`, "x-tenant-id": "demo" };
}
