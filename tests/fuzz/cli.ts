import { parseArgs } from "node:util";
import { fuzz, report } from "./runner";

/**
 * npm run fuzz [-- --cases 200] [--seed N] [--only "/store/orders"]: at least 20,000 cases over
 * every operation (docs/fuzzing.md). Exits 1 when a response broke the rule.
 */
const { values } = parseArgs({
  options: {
    cases: { type: "string", default: "200" },
    seed: { type: "string", default: String(Date.now() % 1_000_000) },
    only: { type: "string" },
    quiet: { type: "boolean", default: false },
  },
});
process.env.LOG_LEVEL ??= "silent";
const tally = await fuzz({
  seed: Number(values.seed),
  cases: Number(values.cases),
  only: values.only,
  log: values.quiet ? undefined : (line) => console.error(line),
});
console.log(report(tally));
process.exit(tally.failures.length > 0 ? 1 : 0);
