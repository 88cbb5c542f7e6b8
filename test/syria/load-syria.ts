/** Reads the built-in Syria workspace files for the data tests (no dependency on the workspace loader). */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { type Actor, type Agreement, actorsFileSchema, agreementSchema } from '../../src/domain/index.js';

export const SYRIA_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'data', 'syria');

export function loadActors(): Actor[] {
  return actorsFileSchema.parse(parse(readFileSync(join(SYRIA_DIR, 'actors.yaml'), 'utf8')));
}

export function agreementFiles(): string[] {
  return readdirSync(join(SYRIA_DIR, 'agreements'))
    .filter((f) => f.endsWith('.yaml'))
    .sort();
}

export function loadAgreement(file: string): Agreement {
  return agreementSchema.parse(parse(readFileSync(join(SYRIA_DIR, 'agreements', file), 'utf8')));
}
