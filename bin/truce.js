#!/usr/bin/env node
// Entry point for `npx truce`: runs the compiled CLI (dist/, built by `npm run build`, which
// `npm ci` runs through `prepare`), or falls back to the TypeScript sources through tsx in a
// checkout that has not been built yet.
import { existsSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const built = `${root}dist/cli/main.js`;
if (existsSync(built)) {
  await import(pathToFileURL(built).href);
} else {
  const { register } = await import('tsx/esm/api');
  register();
  await import(pathToFileURL(`${root}src/cli/main.ts`).href);
}
