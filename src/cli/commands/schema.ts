/**
 * `truce schema [--out DIR]`: write the JSON Schemas of the workspace files (actors.yaml,
 * agreements/*.yaml, incident JSON lines, places.yaml) so that editors validate while typing.
 * See docs/workspace.md for the `# yaml-language-server: $schema=` line.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { Command } from 'commander';
import { jsonSchemas } from '../../workspace/json-schemas.js';

export async function writeJsonSchemas(outDir: string): Promise<string[]> {
  const dir = resolve(outDir);
  await mkdir(dir, { recursive: true });
  const written: string[] = [];
  for (const [file, schema] of Object.entries(jsonSchemas())) {
    const path = join(dir, file);
    await writeFile(path, `${JSON.stringify(schema, null, 2)}\n`);
    written.push(path);
  }
  return written;
}

export function register(program: Command): void {
  program
    .command('schema')
    .description('write JSON Schemas of the workspace files, for editors to validate while typing')
    .option('--out <dir>', 'folder to write into', 'schemas')
    .action(async (opts: { out: string }) => {
      const written = await writeJsonSchemas(opts.out);
      for (const path of written) process.stdout.write(`wrote ${path}\n`);
      process.exitCode = 0;
    });
}
