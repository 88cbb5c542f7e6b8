/**
 * Where the shipped data lives. The module runs from `src/geo/` (tsx, vitest) and from
 * `dist/src/geo/` (built), so instead of a fixed relative path we walk up to the first folder
 * holding `data/<name>`; that is the package root in both layouts.
 */
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const cache = new Map<string, string>();

export function dataDir(name: string): string {
  const hit = cache.get(name);
  if (hit) return hit;
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const candidate = join(dir, 'data', name);
    if (existsSync(candidate)) {
      cache.set(name, candidate);
      return candidate;
    }
    const up = dirname(dir);
    if (up === dir) throw new Error(`built-in data folder data/${name} not found above ${fileURLToPath(import.meta.url)}`);
    dir = up;
  }
}
