// npm run analytics -- rebuild [--store slug] | check [--store slug]: the rollups the overview
// reads, recomputed from the raw orders, lines and payments (docs/analytics.md). Against
// DATABASE_URL, else the PGlite data directory (PGlite allows one process: stop the server first).
import { parseArgs } from "node:util";
import { eq } from "drizzle-orm";
import { loadConfig } from "@/lib/config";
import { openDatabase } from "@/lib/db/client";
import { tenants } from "@/lib/tenants/schema";
import { rebuildRollups, rollupDrift } from "./rebuild";

const HELP = `Usage: npm run analytics -- <command> [--store <slug>]

  rebuild   Rewrites the daily rollups of every store (or one) from its orders and payments.
  check     Compares the rollups with a recomputation, changing nothing; exit 1 on a difference.

The database: DATABASE_URL, else the PGlite directory DATA_DIR (default .data; stop the server first).`;

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (command !== "rebuild" && command !== "check") {
    console.log(HELP);
    return command === "help" || command === "--help" ? 0 : 1;
  }
  const { values } = parseArgs({
    args: rest,
    strict: true,
    options: { store: { type: "string" } },
  });
  const config = loadConfig();
  const database = await openDatabase({ url: config.databaseUrl, dataDir: config.dataDir });
  try {
    await database.migrate();
    if (command === "rebuild") {
      const started = performance.now();
      const slugs = await rebuildRollups(database.db, values.store);
      if (values.store && slugs.length === 0) {
        console.error(`No store "${values.store}"`);
        return 1;
      }
      console.log(
        `Rebuilt ${slugs.length} store(s) in ${Math.round(performance.now() - started)} ms`,
      );
      return 0;
    }
    const stores = await database.db
      .select({ id: tenants.id, slug: tenants.slug })
      .from(tenants)
      .where(values.store ? eq(tenants.slug, values.store) : undefined);
    let differences = 0;
    for (const store of stores) {
      const drift = await rollupDrift(database.db, store.id);
      const off = Object.entries(drift).filter(([, n]) => n > 0);
      differences += off.length;
      console.log(
        `${store.slug}: ${off.length ? off.map(([t, n]) => `${t} ${n}`).join(", ") : "ok"}`,
      );
    }
    return differences ? 1 : 0;
  } finally {
    await database.close();
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(err instanceof Error ? err.message : err);
    process.exit(2);
  },
);
