// npm run db:migrate | db:seed — against DATABASE_URL, else the PGlite data directory.
// (PGlite allows one process per data directory: stop the server first.)
import { loadConfig } from "@/lib/config";
import { openDatabase } from "./client";
import { seedSampleData } from "@/lib/demo/sample-data";
import { seedDemo } from "@/lib/demo/seed";

const command = process.argv[2];
const config = loadConfig();
const database = await openDatabase({ url: config.databaseUrl, dataDir: config.dataDir });
try {
  await database.migrate();
  console.log(`Migrations applied (${database.kind}).`);
  if (command === "seed") {
    const seeded = await seedDemo(database.db);
    console.log(
      seeded.created
        ? `Demo store "demo" ready: ${seeded.email} / ${seeded.password}`
        : `Demo store "demo" already present: ${seeded.email} (password unchanged)`,
    );
    const sample = await seedSampleData(database.db, seeded.tenant, seeded.ownerId);
    if (sample.products)
      console.log(`Sample data: ${sample.products} products, ${sample.orders} orders.`);
  } else if (command !== "migrate") {
    throw new Error(`unknown command "${command}" (migrate | seed)`);
  }
} finally {
  await database.close();
}
