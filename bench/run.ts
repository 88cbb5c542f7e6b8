/**
 * `npm run bench -- NAME [args]`: runs bench/NAME.ts. Every benchmark uses seeded synthetic data
 * and prints its figures; BENCHMARKS.md records them with the machine and the baseline.
 */
import { readdirSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = fileURLToPath(new URL('.', import.meta.url));
const available = readdirSync(here)
  .filter((f) => f.endsWith('.ts') && !['run.ts', 'eval.ts'].includes(f) && !f.startsWith('eval-') && !f.includes('.lib.'))
  .map((f) => f.slice(0, -3));
const [name, ...args] = process.argv.slice(2);
if (!name || !available.includes(name)) {
  process.stderr.write(`usage: npm run bench -- NAME [args]\navailable: ${available.join(', ')}\n`);
  process.exit(2);
}
const mod = (await import(pathToFileURL(`${here}${name}.ts`).href)) as { default: (args: string[]) => Promise<void> };
await mod.default(args);
