/**
 * `npm run bench -- actor-mentions [MB]`: actor-name scanning (`findMentions`) and `resolve` on seeded
 * synthetic news text. Text: English filler with aliases of the shipped actors (data/syria/actors.yaml)
 * and some Arabic (mulberry32 PRNG, seed 7). Baseline: one case-insensitive RegExp alternation of every
 * Latin alias (longest first, word boundaries), the usual naive approach, which also misses the
 * transliteration variants the normaliser folds together.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { actorsFileSchema } from '../src/domain/index.js';
import { createActorRegistry } from '../src/pipeline/resolve/actor-registry.js';
import { mulberry32 } from './mulberry32.lib.js';

const FILLER = (
  'the of and reported that shelling airstrikes killed civilians including children near village town ' +
  'according to observatory monitor local sources said on Tuesday clashes continued while residents fled after'
).split(' ');
const ARABIC = 'قالت مصادر محلية إن القصف استهدف المدنيين في ريف إدلب الجنوبي'.split(' ');

export default async function main(args: string[]): Promise<void> {
  const mb = Number(args[0] ?? 5);
  const file = join(import.meta.dirname, '..', 'data', 'syria', 'actors.yaml');
  const t0 = performance.now();
  const actors = actorsFileSchema.parse(parse(readFileSync(file, 'utf8')));
  const reg = createActorRegistry(actors);
  const buildMs = performance.now() - t0;
  const rand = mulberry32(7);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)];
  const names = actors.flatMap((a) => [a.name, ...(a.aliases ?? [])]);
  const parts: string[] = [];
  let size = 0;
  while (size < mb * 1_000_000) {
    const words: string[] = [];
    const arabic = rand() < 0.1;
    for (let i = 0; i < 14; i++) words.push(pick(arabic ? ARABIC : FILLER));
    words.splice(Math.floor(rand() * words.length), 0, pick(names));
    const s = `${words.join(' ')}. `;
    parts.push(s);
    size += s.length;
  }
  const text = parts.join('');
  const bytes = Buffer.byteLength(text);

  reg.findMentions(text.slice(0, 200_000)); // warm-up (JIT, caches)
  const t1 = performance.now();
  const found = reg.findMentions(text, Date.parse('2018-10-01T00:00:00Z'));
  const scanMs = performance.now() - t1;

  const latin = [...new Set(names.filter((n) => /^[\x20-\x7e]+$/.test(n)))].sort((a, b) => b.length - a.length);
  const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const re = new RegExp(`\\b(?:${latin.map(escapeRe).join('|')})\\b`, 'gi');
  const t2 = performance.now();
  let baseline = 0;
  for (const _ of text.matchAll(re)) baseline++;
  const reMs = performance.now() - t2;

  const sample = Array.from({ length: 100_000 }, () => pick(names));
  const t3 = performance.now();
  let resolved = 0;
  for (const n of sample) if (reg.resolve(n, Date.parse('2018-10-01T00:00:00Z')).id !== null) resolved++;
  const resolveMs = performance.now() - t3;

  const mbps = (ms: number) => (bytes / 1e6 / (ms / 1000)).toFixed(1);
  console.log(`actors ${actors.length}, aliases ${reg.aliasCount}, registry built in ${buildMs.toFixed(0)} ms (incl. YAML)`);
  console.log(`text ${(bytes / 1e6).toFixed(1)} MB, ${parts.length} sentences with one actor name each`);
  console.log(`findMentions: ${found.length} mentions in ${scanMs.toFixed(0)} ms = ${mbps(scanMs)} MB/s`);
  console.log(`baseline RegExp alternation (${latin.length} Latin names): ${baseline} matches in ${reMs.toFixed(0)} ms = ${mbps(reMs)} MB/s`);
  console.log(`resolve: ${sample.length} names in ${resolveMs.toFixed(0)} ms (${((resolveMs * 1000) / sample.length).toFixed(2)} µs each), ${resolved} to an actor`);
}
