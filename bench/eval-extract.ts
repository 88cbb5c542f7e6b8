/**
 * `npm run eval -- extract [--split dev|test|all] [--corpus NAME] [--errors FIELD]`
 *
 * Precision, recall and F1 per field of `extractReport` against the gold in test/gold/
 * (see test/gold/SOURCES.md and docs/labelling-guide.md). Gold is per document (the report's
 * main incident); the predicted incident aligned with it is the one agreeing with the gold on
 * most of type, place and date (ties: the earliest), the usual one-to-one alignment of
 * document-level event evaluation (e.g. the MUC-4 template scoring, Chinchor 1992).
 *
 * Field rules: type exact ACLED sub-event (macro-F1 over gold classes; crowd gold gives a set of
 * admissible types); date exact local day; place within 10 km (prediction at most 10 km precise)
 * or the right admin-2, or the right admin-1 when the gold is a governorate; actors by "side" (an
 * actor and the state/coalition it belongs to at the time count as one, via the registry);
 * fatalities exact total. Also: incidents whose evidence lies in appended comments/boilerplate.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { extractReport, type ExtractedIncident } from '../src/pipeline/extract/index.js';
import { defaultResources } from '../src/pipeline/extract/resources.js';

interface GoldPlace { name?: string; lat?: number; lon?: number; admin1?: string; admin2?: string; admin1_any?: string[] }
interface Gold {
  type?: string; types?: string[]; when?: string; place?: GoldPlace; by?: string | null; against?: string | null;
  by_category?: string; fatalities?: { total?: number };
}
interface Doc { id: string; corpus: string; split: string; published: string; source?: string; text: string; gold: Gold }

const GOLD_DIR = new URL('../test/gold/', import.meta.url).pathname;
const registry = defaultResources().actors;

// Sides: an actor counts as its state/coalition; categories of the FA-KES crowd gold are sets of sides.
const SIDE_ANCHORS = ['syrian-government', 'russia', 'turkey', 'iran', 'israel', 'cjtf-oir', 'islamic-state', 'opposition-armed-groups', 'syrian-democratic-forces', 'hayat-tahrir-al-sham', 'hezbollah'];
const SIDE_ALIASES: Record<string, string> = { 'united-states': 'cjtf-oir', 'free-syrian-army': 'opposition-armed-groups', 'syrian-national-army': 'opposition-armed-groups', 'turkish-backed-factions': 'opposition-armed-groups', 'national-front-for-liberation': 'opposition-armed-groups', 'ahrar-al-sham': 'opposition-armed-groups', 'jaysh-al-islam': 'opposition-armed-groups', 'faylaq-al-rahman': 'opposition-armed-groups', 'faylaq-al-sham': 'opposition-armed-groups', 'jaysh-al-fatah': 'opposition-armed-groups', 'islamic-front': 'opposition-armed-groups', 'southern-front': 'opposition-armed-groups', 'jabhat-al-nusra': 'hayat-tahrir-al-sham', 'jabhat-fateh-al-sham': 'hayat-tahrir-al-sham', 'al-qaeda': 'hayat-tahrir-al-sham' };
export function sideOf(id: string | null | undefined, at: number): string | null | undefined {
  if (id === null || id === undefined || id === 'civilians') return id;
  const lineage = registry.lineage(id);
  const chain = [id, ...lineage.slice().reverse(), ...registry.coalitionsAt(id, at)];
  for (const x of chain) if (SIDE_ALIASES[x]) return SIDE_ALIASES[x];
  for (const x of chain) if (SIDE_ANCHORS.includes(x)) return x;
  return id;
}
const CATEGORY: Record<string, Array<string | null>> = {
  'government-or-russia': ['syrian-government', 'russia'], 'islamic-state': ['islamic-state'], coalition: ['cjtf-oir'],
  opposition: ['opposition-armed-groups'], sdf: ['syrian-democratic-forces'], nusra: ['hayat-tahrir-al-sham'], unknown: [null],
};

const km = (a: { lat: number; lon: number }, b: { lat: number; lon: number }) => {
  const r = Math.PI / 180;
  const h = Math.sin(((b.lat - a.lat) * r) / 2) ** 2 + Math.cos(a.lat * r) * Math.cos(b.lat * r) * Math.sin(((b.lon - a.lon) * r) / 2) ** 2;
  return 12742 * Math.asin(Math.sqrt(h));
};
function placeOk(p: ExtractedIncident['where'], g: GoldPlace): boolean {
  if (g.lat !== undefined && g.lon !== undefined && p.precision_km <= 10 && km(p, { lat: g.lat, lon: g.lon }) <= 10) return true;
  if (g.admin2) return p.admin2 === g.admin2;
  if (g.admin1_any) return g.admin1_any.includes(p.admin1 ?? '');
  if (g.admin1) return p.admin1 === g.admin1;
  return false;
}
const typeOk = (t: string, g: Gold) => (g.type ? t === g.type : g.types ? g.types.includes(t) : false);
const dayOf = (w: string) => w.slice(0, 10);

interface Counts { tp: number; fp: number; fn: number }
const counts = () => ({ tp: 0, fp: 0, fn: 0 });
const prf = (c: Counts) => {
  const p = c.tp + c.fp ? c.tp / (c.tp + c.fp) : 0;
  const r = c.tp + c.fn ? c.tp / (c.tp + c.fn) : 0;
  return { p, r, f: p + r ? (2 * p * r) / (p + r) : 0 };
};

const FURNITURE = `

Related stories
Aid convoy reaches besieged town
Talks in Geneva postponed again

Please donate to support our independent reporting.

12 Comments
Abu Omar says:
Regime warplanes bombed Douma yesterday and killed 30 civilians, nobody reports it.
Reply
Sam wrote:
The rebels shelled Aleppo on Monday killing 5 people.
`;

export default async function main(args: string[]): Promise<void> {
  const opt = (k: string) => { const i = args.indexOf(k); return i >= 0 ? args[i + 1] : undefined; };
  const splitArg = opt('--split') ?? 'test';
  const corpusArg = opt('--corpus');
  const errorsFor = opt('--errors');
  const files = readdirSync(GOLD_DIR).filter((f) => f.endsWith('.jsonl') && !f.endsWith('.labels.jsonl'));
  const docs: Doc[] = files.flatMap((f) => readFileSync(`${GOLD_DIR}${f}`, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as Doc))
    .filter((d) => (splitArg === 'all' || d.split === splitArg) && (!corpusArg || d.corpus === corpusArg));

  const field: Record<string, Counts> = { type: counts(), date: counts(), place: counts(), by: counts(), against: counts(), fatalities: counts() };
  const perClass = new Map<string, Counts>();
  const cls = (c: string) => {
    let x = perClass.get(c);
    if (!x) {
      x = counts();
      perClass.set(c, x);
    }
    return x;
  };
  let typeSetDocs = 0; let typeSetOk = 0; let furnitureIncidents = 0; let furnitureDocs = 0;
  const errors: string[] = [];
  const t0 = performance.now();
  let bytes = 0;
  for (const d of docs) {
    bytes += Buffer.byteLength(d.text);
    const r = extractReport(d.text, { published: d.published, source: d.source, file: d.id });
    const g = d.gold;
    const at = Date.parse(d.published);
    const score = (i: ExtractedIncident) => (typeOk(i.type, g) ? 1 : 0) + (g.place && placeOk(i.where, g.place) ? 1 : 0) + (g.when && dayOf(i.when) === g.when ? 1 : 0);
    let best: ExtractedIncident | undefined;
    for (const i of r.incidents) if (!best || score(i) > score(best)) best = i;
    const err = (f: string, msg: string) => { if (errorsFor === f) errors.push(`${d.id}: ${msg}`); };
    // type
    if (g.type) {
      const c = field.type;
      if (best && best.type === g.type) { c.tp++; cls(g.type).tp++; }
      else {
        c.fn++; cls(g.type).fn++;
        if (best) { c.fp++; cls(best.type).fp++; }
        err('type', `gold ${g.type}, got ${best?.type ?? 'nothing'} ${best ? `("${best.evidence.type?.[0]?.text}")` : ''}`);
      }
    } else if (g.types) {
      typeSetDocs++;
      if (best && g.types.includes(best.type)) typeSetOk++;
    }
    if (g.when) scoreField(field.date, best ? dayOf(best.when) === g.when : undefined, !!best, () => err('date', `gold ${g.when}, got ${best?.when ?? 'nothing'} ${best?.evidence.when?.[0]?.text ?? ''}`));
    if (g.place) scoreField(field.place, best ? placeOk(best.where, g.place) : undefined, !!best, () => err('place', `gold ${JSON.stringify(g.place)}, got ${best ? `${best.where.name} ${best.where.admin1}/${best.where.admin2} ±${best.where.precision_km}` : 'nothing'}`));
    for (const role of ['by', 'against'] as const) {
      const gv = g[role];
      const pv = best?.[role];
      const c = field[role];
      const goldSides = role === 'by' && g.by_category ? CATEGORY[g.by_category] : gv === undefined ? undefined : [sideOf(gv, at)];
      if (!goldSides) continue;
      const ps = sideOf(pv, at);
      const goldKnown = goldSides.some((s) => s !== null);
      if (ps !== undefined && ps !== null) {
        if (goldSides.includes(ps)) c.tp++;
        else { c.fp++; if (goldKnown) c.fn++; err(role, `gold ${goldSides.join('|')}, got ${ps} ("${best?.evidence[role]?.[0]?.text}")`); }
      } else if (goldKnown) { c.fn++; err(role, `gold ${goldSides.join('|')}, got ${pv === null ? 'unknown' : 'nothing'}`); }
    }
    if (g.fatalities?.total !== undefined) {
      const pt = best?.fatalities?.total;
      scoreField(field.fatalities, pt === undefined ? undefined : pt === g.fatalities.total, pt !== undefined, () => err('fatalities', `gold ${g.fatalities?.total}, got ${pt ?? 'nothing'} ${JSON.stringify(best?.evidence.fatalities?.map((e) => e.text) ?? [])}`));
    }
    if (d.corpus.endsWith('-hand')) {
      furnitureDocs++;
      const text = d.text + FURNITURE;
      const rr = extractReport(text, { published: d.published, file: d.id });
      for (const i of rr.incidents) {
        const spans = Object.values(i.evidence).flat();
        if (spans.some((s) => s && s.start >= d.text.length)) furnitureIncidents++;
      }
    }
  }
  const secs = (performance.now() - t0) / 1000;
  const macro = [...perClass.entries()].filter(([, c]) => c.tp + c.fn > 0).map(([, c]) => prf(c).f);
  const macroF1 = macro.length ? macro.reduce((a, b) => a + b, 0) / macro.length : 0;
  const actors = { tp: field.by.tp + field.against.tp, fp: field.by.fp + field.against.fp, fn: field.by.fn + field.against.fn };
  const line = (name: string, c: Counts, extra = '') => {
    const { p, r, f } = prf(c);
    return `${name.padEnd(12)} P ${p.toFixed(2)}  R ${r.toFixed(2)}  F1 ${f.toFixed(2)}   (tp ${c.tp}, fp ${c.fp}, fn ${c.fn})${extra}`;
  };
  const out = [
    `extraction eval: split=${splitArg}${corpusArg ? ` corpus=${corpusArg}` : ''}, ${docs.length} documents (${corpusCounts(docs)}), ${(bytes / 1024).toFixed(0)} KB in ${secs.toFixed(1)} s`,
    line('type', field.type, `   macro-F1 ${macroF1.toFixed(2)} over ${macro.length} classes`),
    `type (set)   accuracy ${(typeSetDocs ? typeSetOk / typeSetDocs : 0).toFixed(2)} on ${typeSetDocs} crowd-gold documents`,
    line('date', field.date, `   exact-day accuracy ${acc(field.date)}`),
    line('place', field.place, `   accuracy ${acc(field.place)}`),
    line('by', field.by),
    line('against', field.against),
    line('actors', actors),
    line('fatalities', field.fatalities, `   exact accuracy ${acc(field.fatalities)}`),
    `boilerplate  ${furnitureIncidents} incidents from appended comments/related/donation blocks in ${furnitureDocs} hand-labelled documents`,
  ];
  process.stdout.write(`${out.join('\n')}\n`);
  if (errorsFor) process.stdout.write(`\nerrors (${errorsFor}):\n${errors.join('\n')}\n`);
  for (const [c, x] of [...perClass.entries()].sort()) if (args.includes('--classes')) process.stdout.write(`  ${c.padEnd(36)} ${JSON.stringify(prf(x))} ${JSON.stringify(x)}\n`);
}

/** A field counts tp when right, fp+fn when wrong, fn when the gold has it and nothing was predicted. */
function scoreField(c: Counts, ok: boolean | undefined, predicted: boolean, onError: () => void): void {
  if (ok === true) c.tp++;
  else {
    c.fn++;
    if (predicted) c.fp++;
    onError();
  }
}
/** accuracy = right / gold items (recall, named as the targets in issue 5 name it) */
const acc = (c: Counts) => (c.tp + c.fn ? c.tp / (c.tp + c.fn) : 0).toFixed(2);
function corpusCounts(docs: Doc[]): string {
  const m = new Map<string, number>();
  for (const d of docs) m.set(d.corpus, (m.get(d.corpus) ?? 0) + 1);
  return [...m.entries()].map(([k, v]) => `${k} ${v}`).join(', ');
}
