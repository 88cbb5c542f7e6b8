/**
 * Field-report headers: the structured block many monitors and investigators put on top
 * ("Location: Idlib : Khan Shaykhoun", "Date: 4 April 2017", "Reported killed: 45",
 * "Potentially responsible: Russian or Syrian Air Force"), as in the Syrian Archive's
 * investigations. When a report has one, the header states its main incident better than any
 * sentence of the body does, so it becomes the report's first incident, each field with the
 * header line as evidence.
 */
import type { ActorRegistry } from '../resolve/actor-registry.js';
import type { DateContext, DateMention } from './dates.js';
import { findDates } from './dates.js';
import { classify } from './event-types.js';
import type { Span } from './fatalities.js';
import type { Draft } from './incidents.js';
import { NUMBER_SRC, parseNumber } from './numbers.js';
import { type PlaceMention, type PlaceFinder, resolvePlace } from './places.js';
import { HEADER_FIELD } from './segment.js';
import { allMatches } from './regex.js';

const NONE = /^(?:none|not available|n\/a|unknown|not reported|none reported|-)/i;
const DMY = /\b(\d{1,2})\/(\d{1,2})\/((?:19|20)\d\d)\b/;

interface Field extends Span {
  key: string;
}

export interface HeaderContext {
  text: string;
  ctx?: DateContext;
  tz: string;
  places: PlaceMention[];
  gazetteer: PlaceFinder;
  registry: ActorRegistry;
  at?: number;
}

/** The header incident of a report, or undefined when the report has no such header. */
export function headerIncident(h: HeaderContext): Draft | undefined {
  const fields = new Map<string, Field>();
  // YAML front matter (--- ... ---) holds publication metadata, not the incident's
  const fm = /^---\r?\n[\s\S]*?\r?\n---\r?\n/.exec(h.text.slice(0, 5000));
  let pos = fm ? fm[0].length : 0;
  const limit = Math.min(h.text.length, pos + 5000);
  while (pos < limit) {
    let nl = h.text.indexOf('\n', pos);
    if (nl < 0) nl = h.text.length;
    const line = h.text.slice(pos, nl);
    const m = line.length < 400 ? HEADER_FIELD.exec(line) : null;
    if (m?.[2]) {
      const key = m[1].toLowerCase().replace(/ of (?:the )?(?:attack|incident)$/, '').replace(/^(?:reported )?(?:killed|casualties|dead|deaths)$/, 'killed').replace(/^reported .*/, 'killed');
      const start = pos + line.indexOf(m[2]);
      if (!fields.has(key)) fields.set(key, { key, start, end: start + m[2].length, text: m[2] });
    }
    pos = nl + 1;
  }
  const loc = fields.get('location');
  const date = fields.get('date');
  if (!loc || !date) return undefined;

  // place: the most specific gazetteer match inside the Location value
  const inLoc = h.places.filter((p) => p.start >= loc.start && p.end <= loc.end);
  const gov = inLoc.find((p) => p.candidates[0]?.level === 'governorate')?.candidates[0].admin1;
  const resolved = inLoc.map((p) => resolvePlace(h.text, p, gov)).filter((p) => p !== undefined);
  const order = { neighbourhood: 0, place: 1, subdistrict: 2, district: 3, governorate: 4 } as const;
  // most specific first; at equal level the later part ("IDLIB : Maarat al-Numan") names the place
  resolved.sort((a, b) => order[a.place.level] - order[b.place.level] || b.start - a.start);
  let place = resolved[0];
  if (!place || place.place.level === 'governorate') {
    // "IDLIB : Maarat al-Numan", "Zardana (Idlib Governorate, Syria)": look the parts up
    const parts = allMatches(/[^:,()[\]|]+/g, loc.text).map((x) => ({ s: loc.start + (x.index ?? 0), t: x[0] })).reverse();
    for (const part of parts) {
      const name = part.t.trim();
      if (name.length < 3 || /^https?/.test(name)) continue;
      const c = h.gazetteer.lookup?.(name, place?.place.admin1 ?? gov)?.filter((x) => x.level !== 'governorate' && (!gov || x.admin1 === gov));
      if (c?.length) {
        const s = part.s + part.t.indexOf(name);
        place = { start: s, end: s + name.length, text: name, place: c[0] };
        break;
      }
    }
  }

  const when = headerDate(date, h);
  const attacks = fields.get('attacks') ?? fields.get('attack');
  const typeSource = [attacks, fields.get('munitions identified'), fields.get('target')].find((f) => f && classify(f.text));
  const trig = typeSource ? classify(typeSource.text) : undefined;
  const typeSpan: Span = trig && typeSource ? { start: typeSource.start + trig.start, end: typeSource.start + trig.end, text: trig.text } : { start: loc.start, end: loc.start, text: '' };

  const draft: Draft = {
    type: trig?.type ?? 'attack',
    typeSpan,
    typeRank: 0,
    block: -1,
    date: when,
    place,
    roles: {},
    sentences: [],
    description: [...fields.values()].map((f) => `${f.key}: ${f.text}`).join('; '),
  };
  const resp = fields.get('potentially responsible') ?? fields.get('perpetrators') ?? fields.get('perpetrator') ?? fields.get('responsible');
  if (resp && !NONE.test(resp.text)) {
    // "Russian or Syrian Air Force": the header itself says the perpetrator is not known
    if (/\bor\b/i.test(resp.text)) draft.roles.by = { ...resp, id: null, strong: true };
    else {
      const a = h.registry.findMentions(resp.text, h.at).find((x) => x.id);
      const nat = /\b(Russian|Syrian|Turkish|American|US|Israeli|coalition)\b/i.exec(resp.text)?.[1];
      const byNat: Record<string, string> = { russian: 'Russia', syrian: 'Syrian government', turkish: 'Turkey', american: 'United States', us: 'United States', israeli: 'Israel', coalition: 'US-led coalition' };
      const id = a?.id ?? (nat ? h.registry.resolve(byNat[nat.toLowerCase()], h.at).id : null);
      if (id) draft.roles.by = { ...resp, id, strong: true };
    }
  }
  const killed = fields.get('killed');
  if (killed && !NONE.test(killed.text)) {
    const n = new RegExp(NUMBER_SRC, 'i').exec(killed.text);
    const total = n ? parseNumber(n[0]) : undefined;
    if (total !== undefined) {
      const children = /(\d+)\s+children/i.exec(killed.text);
      draft.fatalities = { total, children: children ? Number(children[1]) : undefined, evidence: [killed] };
    }
  }
  return draft;
}

function headerDate(f: Field, h: HeaderContext): DateMention | undefined {
  const dmy = DMY.exec(f.text);
  if (dmy) {
    const [, d, m, y] = dmy;
    if (+m >= 1 && +m <= 12 && +d >= 1 && +d <= 31) {
      const s = f.start + dmy.index;
      return { start: s, end: s + dmy[0].length, text: dmy[0], when: `${y}-${m.padStart(2, '0')}-${d.padStart(2, '0')}`, precision: 'day', future: false };
    }
  }
  const ref = h.ctx ?? { ref: new Date(Date.UTC(2100, 0, 1)), tz: h.tz };
  return findDates(f.text, f.start, ref).find((d) => d.precision === 'day' || d.precision === 'instant');
}
