import path from "node:path";
import { ESLint } from "eslint";
import { beforeAll, describe, expect, it } from "vitest";

/**
 * The layering rules of eslint.config.mjs (docs/architecture.md, "Layers") run on small snippets
 * placed in the folder they would live in: each forbidden import must be reported, each allowed
 * one must not, so the boundary cannot silently stop being enforced.
 */
const root = path.resolve(import.meta.dirname, "../..");
let eslint: ESLint;

beforeAll(() => {
  eslint = new ESLint({ cwd: root });
});

async function layeringErrors(file: string, source: string): Promise<string[]> {
  const [result] = await eslint.lintText(`${source}\nexport const used = x;\n`, {
    filePath: path.join(root, file),
  });
  return (result?.messages ?? [])
    .filter((m) => m.ruleId === "no-restricted-imports")
    .map((m) => m.message);
}

describe("admin code reaches rules through lib/sdk only", () => {
  it.each([
    ["app/[locale]/(admin)/fixture/page.tsx", "@/lib/products/service"],
    ["app/[locale]/(admin)/fixture/page.tsx", "@/lib/orders/service/create"],
    ["app/[locale]/(admin)/fixture/actions.ts", "@/lib/db/client"],
    ["components/fixture/table.tsx", "@/lib/orders/schema"],
    ["components/fixture/table.tsx", "@/lib/db"],
    ["lib/admin/fixture.ts", "@/lib/webhooks/routes"],
    ["lib/admin/fixture.ts", "@/lib/api/app"],
    ["lib/admin/fixture.ts", "@/lib/api/platform/errors"],
  ])("%s may not import %s", async (file, source) => {
    expect(await layeringErrors(file, `import { x } from "${source}";`)).toHaveLength(1);
  });

  it.each([
    ["app/[locale]/(admin)/fixture/page.tsx", "@/lib/sdk"],
    ["components/fixture/form.tsx", "@/lib/orders/constants"],
    ["lib/admin/fixture.ts", "@/lib/admin/session"],
  ])("%s may import %s", async (file, source) => {
    expect(await layeringErrors(file, `import { x } from "${source}";`)).toEqual([]);
  });
});

describe("a module reads only its own tables and the allowed ones", () => {
  it.each([
    ["lib/products/service.ts", "@/lib/orders/schema"],
    ["lib/orders/service/fixture.ts", "@/lib/webhooks/schema"],
    ["lib/audit/routes.ts", "../webhooks/schema"],
    ["lib/tenants/schema.ts", "@/lib/products/schema"],
  ])("%s may not import %s", async (file, source) => {
    const errors = await layeringErrors(file, `import { x } from "${source}";`);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/another module's tables/);
  });

  it.each([
    ["lib/products/service.ts", "./schema"],
    ["lib/orders/service/fixture.ts", "@/lib/orders/schema"],
    ["lib/orders/schema.ts", "@/lib/products/schema"],
    ["lib/webhooks/service.ts", "@/lib/tenants/schema"],
    ["lib/audit/service.ts", "@/lib/users/schema"],
    ["lib/db/schema.ts", "@/lib/webhooks/schema"],
    ["lib/demo/seed.ts", "@/lib/products/schema"],
    ["lib/tenants/export.ts", "@/lib/orders/schema"],
  ])("%s may import %s", async (file, source) => {
    expect(await layeringErrors(file, `import { x } from "${source}";`)).toEqual([]);
  });

  it("a service still may not see HTTP", async () => {
    expect(await layeringErrors("lib/products/service.ts", `import { x } from "hono";`)).toEqual([
      expect.stringMatching(/Services never see HTTP/),
    ]);
  });
});
