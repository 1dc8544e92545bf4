// The first page's weight: every script, module preload and stylesheet dist/index.html loads,
// gzipped as a server would send it. Fails the build above the budget (300 kB).
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { join } from 'node:path';

const BUDGET_KB = 300;
const dist = new URL('../dist/', import.meta.url).pathname;
const html = readFileSync(join(dist, 'index.html'), 'utf8');
const assets = [...html.matchAll(/(?:src|href)="\/(assets\/[^"]+\.(?:js|css))"/g)].map((m) => m[1]);
let total = gzipSync(html).length;
const lines = [`  index.html ${(gzipSync(html).length / 1024).toFixed(1)} kB`];
for (const a of new Set(assets)) {
  const size = gzipSync(readFileSync(join(dist, a)), { level: 9 }).length;
  total += size;
  lines.push(`  ${a} ${(size / 1024).toFixed(1)} kB`);
}
const kb = total / 1024;
console.log(`First page: ${kb.toFixed(1)} kB gzipped (budget ${BUDGET_KB} kB)`);
console.log(lines.join('\n'));
if (kb > BUDGET_KB) {
  console.error(`The first page is ${kb.toFixed(1)} kB gzipped, over the ${BUDGET_KB} kB budget`);
  process.exit(1);
}
