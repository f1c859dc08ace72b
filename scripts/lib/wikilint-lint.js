// Lints each file named on the command line with npm wikilint's API and prints one JSON object a
// line: {file, rule, severity, line, message}, `line` 1-based (wikilint's own lines are 0-based).
// Used by scripts/wikilint-side-by-side; the first argument is the wikilint package directory.
'use strict';
const fs = require('fs');
const [pkg, config, ...files] = process.argv.slice(2);
const Parser = require(pkg);
Parser.config = config;
for (const file of files) {
  const text = fs.readFileSync(file, 'utf8');
  let problems;
  try {
    problems = Parser.parse(text).lint();
  } catch (e) {
    process.stdout.write(JSON.stringify({file, rule: 'wikilint-crash', severity: 'error',
                                         line: 1, message: String(e)}) + '\n');
    continue;
  }
  for (const p of problems) {
    process.stdout.write(JSON.stringify({file, rule: p.rule, severity: p.severity,
                                         line: p.startLine + 1, message: p.message}) + '\n');
  }
}
