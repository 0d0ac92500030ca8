/**
 * The production server (server.ts) as a child process for the benchmarks: started and timed to
 * its first healthy reply, used lightly, measured from outside (/proc) and from inside
 * (process.memoryUsage, on SIGUSR2), stopped. ./run.ts and ./footprint.ts share these.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { readFileSync } from "node:fs";

export const BENCH_AUTH_SECRET = "bench-secret-0123456789-0123456789-abcdef";
export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * A preload that writes the process's memoryUsage() (MiB) to $FOOTPRINT_FILE on SIGUSR2: the
 * heap, and what V8 counts outside it (ArrayBuffers, PGlite's WASM memory).
 */
const MEMORY_PRELOAD = `data:text/javascript,${encodeURIComponent(
  `import { writeFileSync } from "node:fs";
  process.on("SIGUSR2", () => {
    const m = process.memoryUsage(), mib = (x) => Math.round(x / 2 ** 20);
    writeFileSync(process.env.FOOTPRINT_FILE, JSON.stringify({ heapTotal: mib(m.heapTotal),
      heapUsed: mib(m.heapUsed), external: mib(m.external), arrayBuffers: mib(m.arrayBuffers) }));
  });`,
)}`;

export interface StartOptions {
  port: number;
  /** Node's arguments before the script's, e.g. ["--import", "tsx"]. */
  execArgv?: readonly string[];
  /** dist/server.js (default, as `npm start` runs it) or server.ts (with tsx). */
  script?: string;
  args?: string[];
  env?: Record<string, string>;
  /** Load the memoryUsage() preload, for memoryUsage(). */
  memoryProbe?: boolean;
}

/** Spawns the server and waits for its first healthy /health: the cold start. */
export async function startServer(options: StartOptions) {
  const { port, execArgv = [], script = "dist/server.js", args = [], env = {} } = options;
  const started = performance.now();
  const probe = options.memoryProbe ? ["--import", MEMORY_PRELOAD] : [];
  const child = spawn(process.execPath, [...execArgv, ...probe, script, ...args], {
    env: {
      ...process.env,
      NODE_ENV: "production",
      PORT: String(port),
      LOG_LEVEL: "error",
      RATE_LIMIT_POINTS: "1000000000",
      RATE_LIMIT_KEY_POINTS: "1000000000",
      AUTH_SECRET: BENCH_AUTH_SECRET,
      ...env,
    },
    stdio: ["ignore", "ignore", "inherit"],
  });
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}`);
    try {
      const res = await fetch(`http://127.0.0.1:${port}/health`);
      if (res.ok) return { child, coldStartMs: Math.round(performance.now() - started) };
    } catch {
      /* not listening yet */
    }
    await sleep(25);
  }
}

export async function stopServer(child: ChildProcess) {
  if (child.exitCode !== null) return;
  child.kill("SIGTERM");
  await new Promise((r) => child.once("exit", r));
}

/** Resident memory (VmRSS) of a process, MiB. */
export function rssMiB(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
  return Math.round(kb / 1024);
}

/** A server started with `memoryProbe`: its heap and external memory, MiB. */
export async function memoryUsage(child: ChildProcess, file: string) {
  child.kill("SIGUSR2");
  for (let i = 0; i < 40; i++) {
    await sleep(50);
    try {
      return JSON.parse(readFileSync(file, "utf8")) as Record<string, number>;
    } catch {
      /* not written yet */
    }
  }
  throw new Error("no memoryUsage() from the server");
}

/**
 * What a first visit does, `rounds` times: who am I, a page of products, and the admin's
 * sign-in page when the server has the admin.
 */
export async function lightUse(
  base: string,
  headers: Record<string, string>,
  apiOnly: boolean,
  rounds = 1,
) {
  const urls = ["/api/v1/auth/me", "/api/v1/store/products?limit=20"];
  if (!apiOnly) urls.push("/en/login");
  for (let i = 0; i < rounds; i++) {
    for (const url of urls) {
      const res = await fetch(`${base}${url}`, { headers });
      if (!res.ok) throw new Error(`${url}: ${res.status}`);
      await res.arrayBuffer();
    }
  }
}
