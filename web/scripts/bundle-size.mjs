// Prints the gzipped size of the production JavaScript and fails the build above the budget
// (issue 4: under 200 KB gzipped), so a heavy dependency is noticed when it is added.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const BUDGET_BYTES = 200 * 1024;
const assets = new URL('../dist/assets/', import.meta.url).pathname;

let js = 0;
let css = 0;
for (const name of readdirSync(assets)) {
  const gzipped = gzipSync(readFileSync(join(assets, name)), { level: 9 }).length;
  if (name.endsWith('.js')) js += gzipped;
  if (name.endsWith('.css')) css += gzipped;
}
const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;
console.log(`bundle: JavaScript ${kb(js)} gzipped (budget ${kb(BUDGET_BYTES)}), CSS ${kb(css)} gzipped`);
if (js > BUDGET_BYTES) {
  console.error('bundle: the JavaScript is over budget');
  process.exit(1);
}
