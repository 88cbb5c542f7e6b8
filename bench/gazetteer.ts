/**
 * `npm run bench -- gazetteer [MB] [density]`: place-name scanning and lookup on seeded synthetic news text.
 * Text: English filler sentences with place names, variants and regional expressions drawn from the
 * shipped gazetteer (mulberry32 PRNG, seed 42), plus some Arabic. Baseline: one RegExp alternation of
 * every Latin name (longest first, case-insensitive, word boundaries), the usual naive approach.
 */
import { loadGazetteer } from '../src/pipeline/resolve/gazetteer.js';
import { mulberry32 } from './mulberry32.lib.js';

const FILLER = (
  'the of and reported that forces shelling airstrikes killed civilians including children near village town ' +
  'according to observatory monitor local sources said on Tuesday clashes continued while residents fled after'
).split(' ');
const EXPRESSIONS = ['northern Hama countryside', 'southern Idlib', 'eastern Ghouta', 'Deir Ezzor province', 'ريف إدلب الجنوبي', 'north-eastern Latakia'];

export default async function main(args: string[]): Promise<void> {
  const mb = Number(args[0] ?? 5);
  // share of sentences that name a place: 1 (default) is a dense worst case, 0.1 is closer to news
  const density = Number(args[1] ?? 1);
  const t0 = performance.now();
  const g = loadGazetteer();
  const loadMs = performance.now() - t0;
  const rand = mulberry32(42);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)];
  const names = g.places.filter((p) => !p.region).flatMap((p) => p.names.slice(0, 3));
  const parts: string[] = [];
  let size = 0;
  while (size < mb * 1_000_000) {
    const words: string[] = [];
    for (let i = 0; i < 14; i++) words.push(pick(FILLER));
    if (rand() < density) words.splice(Math.floor(rand() * words.length), 0, rand() < 0.2 ? pick(EXPRESSIONS) : pick(names));
    const s = `${words.join(' ')}. `;
    parts.push(s);
    size += s.length;
  }
  const text = parts.join('');
  const bytes = Buffer.byteLength(text);

  g.findMentions(text.slice(0, 100_000)); // warm-up
  const t1 = performance.now();
  const cpu1 = process.cpuUsage();
  const mentions = g.findMentions(text);
  const cpu = process.cpuUsage(cpu1);
  const scanMs = performance.now() - t1;
  // CPU time as well as wall time: on a shared 2-core machine the wall clock includes waiting
  const scanCpuMs = (cpu.user + cpu.system) / 1000;

  const latin = [...new Set(names.filter((n) => !/[\u0600-\u06ff]/.test(n)))].sort((a, b) => b.length - a.length);
  const escaped = latin.map((n) => n.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  const re = new RegExp(`\\b(?:${escaped.join('|')})\\b`, 'giu');
  const sample = text.slice(0, 200_000);
  const t2 = performance.now();
  const naive = sample.match(re)?.length ?? 0;
  const naiveMs = performance.now() - t2;

  const queries = Array.from({ length: 20_000 }, () => pick(names));
  const t3 = performance.now();
  for (const q of queries) g.lookup(q);
  const lookupMs = performance.now() - t3;

  const mbps = (n: number, ms: number) => (n / 1e6 / (ms / 1000)).toFixed(1);
  console.log(`gazetteer: ${g.places.length} places, load ${loadMs.toFixed(0)} ms`);
  console.log(
    `findMentions: ${(bytes / 1e6).toFixed(1)} MB in ${scanMs.toFixed(0)} ms wall = ${mbps(bytes, scanMs)} MB/s ` +
      `(CPU ${scanCpuMs.toFixed(0)} ms = ${mbps(bytes, scanCpuMs)} MB/s), ${mentions.length} mentions`,
  );
  console.log(`baseline RegExp alternation (${latin.length} names): 0.2 MB in ${naiveMs.toFixed(0)} ms = ${mbps(Buffer.byteLength(sample), naiveMs)} MB/s, ${naive} matches`);
  console.log(`lookup: ${queries.length} names in ${lookupMs.toFixed(0)} ms = ${((lookupMs * 1000) / queries.length).toFixed(1)} µs each`);
}
