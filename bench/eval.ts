/** `npm run eval -- NAME`: runs bench/eval-NAME.ts (quality evaluations against gold files). */
import { readdirSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = fileURLToPath(new URL('.', import.meta.url));
const available = readdirSync(here)
  .filter((f) => f.startsWith('eval-') && f.endsWith('.ts'))
  .map((f) => f.slice(5, -3));
const [name, ...args] = process.argv.slice(2);
if (!name || !available.includes(name)) {
  process.stderr.write(`usage: npm run eval -- NAME [args]\navailable: ${available.join(', ')}\n`);
  process.exit(2);
}
const mod = (await import(pathToFileURL(`${here}eval-${name}.ts`).href)) as { default: (args: string[]) => Promise<void> };
await mod.default(args);
