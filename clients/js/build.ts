/**
 * `npm run sdk:pack`: builds lib/sdk (the one source) into the npm package @brainsait/store-sdk and
 * packs it as .sdk-pack/brainsait-store-sdk-<version>.tgz. One ESM file with its runtime code
 * bundled (no dependencies to install, no Node built-ins) and declarations whose zod-inferred
 * types are written out, so the package needs neither zod nor the app's contracts.
 */
import { execFileSync } from "node:child_process";
import {
  cpSync,
  mkdirSync,
  readFileSync,
  readdirSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { build } from "esbuild";
import ts from "typescript";

const root = path.resolve(import.meta.dirname, "../..");
const here = path.join(root, "clients/js");
const outRoot = path.join(root, ".sdk-pack");
const pkgDir = path.join(outRoot, "package");
const dist = path.join(pkgDir, "dist");
const entry = path.join(root, "lib/sdk/index.ts");

const t0 = performance.now();
rmSync(outRoot, { recursive: true, force: true });
mkdirSync(dist, { recursive: true });

// 1. The code: one ESM file for any runtime with fetch (Node 20+, browsers, Deno, edge).
const bundle = await build({
  entryPoints: [entry],
  outfile: path.join(dist, "index.js"),
  bundle: true,
  format: "esm",
  platform: "neutral",
  target: "es2022",
  mainFields: ["module", "main"],
  tsconfig: path.join(root, "tsconfig.json"),
  legalComments: "eof",
  metafile: true,
  logLevel: "warning",
});
const code = readFileSync(path.join(dist, "index.js"), "utf8");
const builtIn = code.match(
  /(?:from\s*|require\(|import\()\s*["'](node:[\w/]+|fs|path|crypto|http|https|buffer|stream|url|os)["']/,
);
if (builtIn) throw new Error(`The bundle imports a Node built-in: ${builtIn[1]}`);
const external = Object.values(bundle.metafile.outputs).flatMap((o) => o.imports);
if (external.length)
  throw new Error(`The bundle imports ${external.map((i) => i.path).join(", ")}`);
const bundled = Object.keys(bundle.metafile.inputs).map((f) => f.replace(/^.*node_modules\//, ""));

const baseOptions: ts.CompilerOptions = {
  target: ts.ScriptTarget.ES2022,
  module: ts.ModuleKind.ESNext,
  moduleResolution: ts.ModuleResolutionKind.Bundler,
  lib: ["lib.dom.d.ts", "lib.dom.iterable.d.ts", "lib.es2023.d.ts"],
  strict: true,
  skipLibCheck: true,
  esModuleInterop: true,
  resolveJsonModule: true,
  types: [],
};
// 2. Declarations of lib/sdk only, each z.infer / z.input type written out as the plain type it
//    is (the checker resolves it), so the package needs neither zod nor the app's contracts.
const program = ts.createProgram([entry], {
  ...baseOptions,
  declaration: true,
  emitDeclarationOnly: true,
  rootDir: root,
  outDir: dist,
  paths: { "@/*": [path.join(root, "*")] },
});
const checker = program.getTypeChecker();
const nodeFlags = ts.NodeBuilderFlags.NoTruncation | ts.NodeBuilderFlags.InTypeAlias;
const writeOut: ts.TransformerFactory<ts.SourceFile | ts.Bundle> = (context) => {
  const visit = (node: ts.Node): ts.Node => {
    const original = ts.getOriginalNode(node);
    if (
      ts.isTypeReferenceNode(original) &&
      ts.isQualifiedName(original.typeName) &&
      ts.isIdentifier(original.typeName.left) &&
      original.typeName.left.text === "z"
    ) {
      const type = checker.getTypeFromTypeNode(original);
      return checker.typeToTypeNode(type, undefined, nodeFlags) ?? node;
    }
    return ts.visitEachChild(node, visit, context);
  };
  return (file) => ts.visitEachChild(file, visit, context);
};
const sdkFiles = program
  .getSourceFiles()
  .filter((f) => path.dirname(f.fileName) === path.join(root, "lib/sdk"));
const emitErrors: ts.Diagnostic[] = [];
for (const file of sdkFiles) {
  const result = program.emit(
    file,
    (name, text) => {
      // Imports of the app (contracts, zod) are now unused; relative ones get ESM's ".js".
      const out = text
        .replace(/^import[^;]*from "(?:zod|@\/[^"]*)";\n/gm, "")
        .replace(/from "(\.\/[\w-]+)"/g, 'from "$1.js"');
      const leak = out.match(/import\("[^"]*"\)|from "(?!\.\/)[^"]*"/);
      if (leak) throw new Error(`${path.basename(name)} still refers to ${leak[0]}`);
      writeFileSync(path.join(dist, path.basename(name)), out);
    },
    undefined,
    true,
    { afterDeclarations: [writeOut] },
  );
  emitErrors.push(...result.diagnostics.filter((d) => d.category === ts.DiagnosticCategory.Error));
}
if (emitErrors.length) fail(emitErrors);

// 3. The declarations must stand alone, as a consumer resolves them: no zod, no app, no Node.
const checkProgram = ts.createProgram(
  readdirSync(dist)
    .filter((f) => f.endsWith(".d.ts"))
    .map((f) => path.join(dist, f)),
  {
    ...baseOptions,
    skipLibCheck: false,
    skipDefaultLibCheck: true,
    noEmit: true,
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
  },
);
const checkErrors = ts.getPreEmitDiagnostics(checkProgram);
if (checkErrors.length) fail(checkErrors);

// 4. package.json, README and notices, then npm pack.
const version = JSON.parse(readFileSync(path.join(root, "package.json"), "utf8")).version as string;
const manifest = JSON.parse(readFileSync(path.join(here, "package.json"), "utf8"));
writeFileSync(
  path.join(pkgDir, "package.json"),
  JSON.stringify({ ...manifest, version }, null, 2) + "\n",
);
cpSync(path.join(here, "README.md"), path.join(pkgDir, "README.md"));
cpSync(path.join(here, "THIRD_PARTY_NOTICES.md"), path.join(pkgDir, "THIRD_PARTY_NOTICES.md"));
const packed = JSON.parse(
  execFileSync("npm", ["pack", "--json", "--pack-destination", outRoot], {
    cwd: pkgDir,
    encoding: "utf8",
  }),
)[0] as { filename: string; size: number; unpackedSize: number };

const js = statSync(path.join(dist, "index.js")).size;
console.log(
  [
    `packed ${path.relative(root, path.join(outRoot, packed.filename))} in ${Math.round((performance.now() - t0) / 1000)} s`,
    `  tarball ${kb(packed.size)}, unpacked ${kb(packed.unpackedSize)}`,
    `  dist/index.js ${kb(js)} (${kb(gzipSync(code).length)} gzipped), dependencies: none`,
    `  bundled: ${bundled.filter((f) => !f.startsWith("lib/")).join(", ")}`,
  ].join("\n"),
);

function kb(bytes: number) {
  return `${(bytes / 1024).toFixed(1)} kB`;
}

function fail(diagnostics: readonly ts.Diagnostic[]): never {
  const host: ts.FormatDiagnosticsHost = {
    getCanonicalFileName: (f) => f,
    getCurrentDirectory: () => root,
    getNewLine: () => "\n",
  };
  throw new Error(ts.formatDiagnostics(diagnostics, host));
}
