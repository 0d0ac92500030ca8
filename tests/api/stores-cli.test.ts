import { execFile } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { randomBytes } from "node:crypto";
import { promisify } from "node:util";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { createApi } from "@/lib/api/app";
import { openDatabase, type OpenOptions } from "@/lib/db/client";
import { testDeps } from "./harness";

/**
 * `npm run stores` as an operator runs it: a child process (tsx) against a PGlite data directory
 * (the server stopped) and, when DATABASE_URL is set, a fresh PostgreSQL database.
 */
const run = promisify(execFile);
const TSX = path.resolve("node_modules/.bin/tsx");
const CLI = path.resolve("lib/tenants/cli.ts");

async function stores(env: Record<string, string>, ...args: string[]) {
  try {
    const { stdout, stderr } = await run(TSX, [CLI, ...args], {
      env: {
        ...process.env,
        DATABASE_URL: "",
        LOG_LEVEL: "silent",
        PUBLIC_URL: "https://shop.example.com",
        ...env,
      },
      timeout: 60_000,
    });
    return { code: 0, stdout, stderr };
  } catch (err) {
    const e = err as { code?: number; stdout: string; stderr: string };
    return { code: e.code ?? -1, stdout: e.stdout, stderr: e.stderr };
  }
}

/** Accepts the printed invitation through the Store API, on the same database, then signs in. */
async function acceptAndUse(options: OpenOptions, link: string) {
  const url = new URL(link);
  const database = await openDatabase(options);
  try {
    const api = createApi(testDeps(database).deps);
    const req = (p: string, init: RequestInit & { json?: unknown } = {}) =>
      api.request(p, {
        ...init,
        headers: {
          "content-type": "application/json",
          "x-forwarded-for": "10.9.9.9",
          "x-tenant-id": url.searchParams.get("store")!,
          ...(init.headers as Record<string, string>),
        },
        body: init.json === undefined ? undefined : JSON.stringify(init.json),
      });
    const accepted = await req("/api/v1/auth/accept-invitation", {
      method: "POST",
      json: {
        token: url.searchParams.get("token"),
        name: "Nora Operator",
        password: "chosen by the owner",
      },
    });
    expect(accepted.status).toBe(200);
    const tokens = await accepted.json();
    expect(tokens.user).toMatchObject({ role: "owner", email: "owner@acme.example" });
    const again = await req("/api/v1/auth/accept-invitation", {
      method: "POST",
      json: { token: url.searchParams.get("token"), name: "X", password: "another password" },
    });
    expect(again.status).toBe(401);
    return tokens.access_token as string;
  } finally {
    await database.close();
  }
}

function cliSuite(
  name: string,
  open: () => Promise<{
    env: Record<string, string>;
    options: OpenOptions;
    close: () => Promise<void>;
  }>,
) {
  describe(name, () => {
    let ctx: Awaited<ReturnType<typeof open>>;
    afterAll(() => ctx?.close());

    it("create, list, suspend, resume", { timeout: 180_000 }, async () => {
      ctx = await open();
      const created = await stores(
        ctx.env,
        "create",
        "--slug",
        "acme",
        "--name-en",
        "Acme Trading",
        "--name-ar",
        "أكمي للتجارة",
        "--currency",
        "sar",
        "--owner-email",
        "Owner@Acme.example",
      );
      expect(created.stderr).toBe("");
      expect(created.code).toBe(0);
      const link = created.stdout.match(/https:\/\/shop\.example\.com\/\S+/)?.[0];
      expect(link).toMatch(
        /^https:\/\/shop\.example\.com\/ar\/accept-invitation\?store=acme&token=bsi_[\w-]{43}$/,
      );

      // The same slug again, a reserved one, a bad one: refused with the reason, exit code 1.
      const taken = await stores(
        ctx.env,
        "create",
        "--slug",
        "acme",
        "--name-en",
        "A",
        "--name-ar",
        "ب",
        "--owner-email",
        "x@y.example",
      );
      expect(taken.code).toBe(1);
      expect(taken.stderr).toContain("SLUG_TAKEN");
      const reserved = await stores(
        ctx.env,
        "create",
        "--slug",
        "www",
        "--name-en",
        "A",
        "--name-ar",
        "ب",
        "--owner-email",
        "x@y.example",
      );
      expect(reserved.stderr).toContain("SLUG_RESERVED");
      const missing = await stores(ctx.env, "create", "--slug", "other");
      expect(missing.code).toBe(2);
      expect(missing.stderr).toContain("--name-en");

      const listed = await stores(ctx.env, "list", "--json");
      expect(listed.code).toBe(0);
      expect(JSON.parse(listed.stdout)).toEqual([
        {
          slug: "acme",
          name: { en: "Acme Trading", ar: "أكمي للتجارة" },
          status: "active",
          created_at: expect.any(String),
          owner: { email: "owner@acme.example", invited: true },
          products: 0,
          orders: 0,
        },
      ]);

      const token = await acceptAndUse(ctx.options, link!);
      expect(token).toBeTruthy();

      const table = await stores(ctx.env, "list");
      expect(table.stdout).toMatch(/^SLUG\s+NAME \(EN\)\s+NAME \(AR\)\s+STATUS/);
      expect(table.stdout).toMatch(
        /acme\s+Acme Trading\s+أكمي للتجارة\s+active\s+\d{4}-\d\d-\d\d\s+owner@acme\.example\s+0\s+0/,
      );

      const suspended = await stores(ctx.env, "suspend", "acme");
      expect(suspended.code).toBe(0);
      expect(JSON.parse((await stores(ctx.env, "list", "--json")).stdout)[0].status).toBe(
        "suspended",
      );
      const resumed = await stores(ctx.env, "resume", "acme");
      expect(resumed.code).toBe(0);
      expect(JSON.parse((await stores(ctx.env, "list", "--json")).stdout)[0].status).toBe("active");

      const unknown = await stores(ctx.env, "suspend", "nope");
      expect(unknown.code).toBe(1);
      expect(unknown.stderr).toContain("TENANT_NOT_FOUND");
    });
  });
}

cliSuite("on PGlite (a data directory, server stopped)", async () => {
  const dir = mkdtempSync(path.join(tmpdir(), "bs-stores-cli-"));
  return {
    env: { DATA_DIR: dir },
    options: { dataDir: dir },
    close: async () => rmSync(dir, { recursive: true, force: true }),
  };
});

const adminUrl = process.env.DATABASE_URL;
describe.skipIf(!adminUrl)("PostgreSQL", () => {
  cliSuite("on a fresh PostgreSQL database", async () => {
    const name = `bs_cli_${process.pid}_${randomBytes(4).toString("hex")}`;
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    await admin.query(`create database ${name}`);
    await admin.end();
    const url = new URL(adminUrl!);
    url.pathname = `/${name}`;
    const dir = mkdtempSync(path.join(tmpdir(), "bs-stores-cli-pg-"));
    return {
      // DATA_DIR only holds the generated auth secret here; the stores live in PostgreSQL.
      env: { DATABASE_URL: url.toString(), DATA_DIR: dir },
      options: { url: url.toString(), poolSize: 2 },
      close: async () => {
        rmSync(dir, { recursive: true, force: true });
        const drop = new pg.Client({ connectionString: adminUrl });
        await drop.connect();
        await drop.query(`drop database if exists ${name} with (force)`);
        await drop.end();
      },
    };
  });
});
