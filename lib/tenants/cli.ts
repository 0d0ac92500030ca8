// npm run stores -- create | list | suspend | resume — the operator's command line, against
// DATABASE_URL, else the PGlite data directory (PGlite allows one process: stop the server first,
// as for npm run db:seed). docs/api.md, "Stores from the command line".
import { parseArgs } from "node:util";
import { loadConfig } from "@/lib/config";
import { openDatabase } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { createStoreWithInvitation, listStores, resumeStore, suspendStore } from "./stores";

const HELP = `Usage: npm run stores -- <command>

  create --slug acme --name-en "Acme" --name-ar "أكمي" --owner-email owner@acme.example
         [--currency SAR] [--timezone Asia/Riyadh] [--vat-rate 15] [--locale ar|en]
      Creates a store and prints a one-time link (valid 7 days) where its owner sets their
      name and password. No password is ever given on a command line.
  list [--json]
      Every store: ID, names, status, created, owner, products and orders.
  suspend <slug>
      The store's API answers 403 STORE_SUSPENDED (its owner can still sign in and export).
      Nothing is deleted.
  resume <slug>
      Lifts a suspension.

The database: DATABASE_URL, else the PGlite directory DATA_DIR (default .data; stop the server first).
Links use PUBLIC_URL (default http://localhost:PORT).`;

class UsageError extends Error {}

function table(rows: string[][]): string {
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => [...r[i]!].length)));
  return rows
    .map((r) =>
      r
        .map((cell, i) => cell + " ".repeat(widths[i]! - [...cell].length))
        .join("  ")
        .trimEnd(),
    )
    .join("\n");
}

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (!command || command === "help" || command === "--help" || command === "-h") {
    console.log(HELP);
    return command ? 0 : 1;
  }
  const { values, positionals } = parseArgs({
    args: rest,
    allowPositionals: true,
    strict: true,
    options: {
      slug: { type: "string" },
      "name-en": { type: "string" },
      "name-ar": { type: "string" },
      currency: { type: "string" },
      timezone: { type: "string" },
      "vat-rate": { type: "string" },
      locale: { type: "string" },
      "owner-email": { type: "string" },
      json: { type: "boolean" },
      help: { type: "boolean", short: "h" },
    },
  });
  if (values.help) {
    console.log(HELP);
    return 0;
  }
  if (!["create", "list", "suspend", "resume"].includes(command))
    throw new UsageError(`Unknown command "${command}" (create | list | suspend | resume)`);

  const vatRate = values["vat-rate"] === undefined ? undefined : Number(values["vat-rate"]);
  if (command === "create") {
    const missing = (["slug", "name-en", "name-ar", "owner-email"] as const).filter(
      (k) => !values[k],
    );
    if (missing.length)
      throw new UsageError(`create needs ${missing.map((m) => `--${m}`).join(", ")}`);
    if (vatRate !== undefined && !(Number.isFinite(vatRate) && vatRate >= 0 && vatRate <= 100))
      throw new UsageError("--vat-rate is a percentage between 0 and 100");
    if (values.locale !== undefined && values.locale !== "en" && values.locale !== "ar")
      throw new UsageError('--locale is "en" or "ar"');
  }

  const config = loadConfig();
  const database = await openDatabase({ url: config.databaseUrl, dataDir: config.dataDir });
  try {
    await database.migrate();
    const db = database.db;
    if (command === "create") {
      const created = await createStoreWithInvitation(
        db,
        {
          slug: values.slug!,
          nameEn: values["name-en"]!,
          nameAr: values["name-ar"]!,
          currency: values.currency,
          timeZone: values.timezone,
          vatRate,
          defaultLocale: values.locale as "en" | "ar" | undefined,
        },
        values["owner-email"]!,
        config.publicUrl,
      );
      console.log(
        [
          `Store "${created.tenant.slug}" created (${database.kind}).`,
          `Send this one-time link to ${values["owner-email"]!.trim().toLowerCase()}; it works once, until ${created.expiresAt.toISOString()}:`,
          "",
          `  ${created.acceptUrl}`,
          "",
        ].join("\n"),
      );
      return 0;
    }
    if (command === "list") {
      const stores = await listStores(db);
      if (values.json) {
        console.log(JSON.stringify(stores, null, 2));
        return 0;
      }
      if (!stores.length) {
        console.log("No stores yet. Create one: npm run stores -- create --help");
        return 0;
      }
      console.log(
        table([
          ["SLUG", "NAME (EN)", "NAME (AR)", "STATUS", "CREATED", "OWNER", "PRODUCTS", "ORDERS"],
          ...stores.map((s) => [
            s.slug,
            s.name.en,
            s.name.ar,
            s.status,
            s.created_at.slice(0, 10),
            s.owner ? `${s.owner.email}${s.owner.invited ? " (invited)" : ""}` : "-",
            String(s.products),
            String(s.orders),
          ]),
        ]),
      );
      return 0;
    }
    const slug = positionals[0] ?? values.slug;
    if (!slug) throw new UsageError(`${command} needs the store's ID: ${command} <slug>`);
    if (command === "suspend") {
      const row = await suspendStore(db, slug);
      console.log(
        `Store "${row.slug}" suspended: its API answers 403 STORE_SUSPENDED within a few seconds. Nothing was deleted; "resume ${row.slug}" lifts it.`,
      );
    } else {
      const row = await resumeStore(db, slug);
      console.log(`Store "${row.slug}" resumed.`);
    }
    return 0;
  } finally {
    await database.close();
  }
}

try {
  process.exitCode = await main(process.argv.slice(2));
} catch (err) {
  if (err instanceof AppError) {
    console.error(`Error: ${err.detail} (${err.code})`);
    for (const e of err.extra.errors ?? []) console.error(`  ${e.field}: ${e.message}`);
    process.exitCode = 1;
  } else if (
    err instanceof UsageError ||
    (err as { code?: string }).code?.startsWith("ERR_PARSE_ARGS")
  ) {
    console.error(`Error: ${(err as Error).message}\n\n${HELP}`);
    process.exitCode = 2;
  } else {
    throw err;
  }
}
