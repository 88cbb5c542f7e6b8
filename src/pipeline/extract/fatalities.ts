/**
 * Fatality counts in a sentence, by the ACLED convention: the lowest reported figure when
 * sources differ, vague words by the codebook's table (see numbers.ts), civilians and children
 * when named. A range ("between 10 and 15", "10 to 15") keeps UCDP GED's low/best/high
 * (UCDP GED Codebook 23.1, "best", "low", "high" estimates) alongside the ACLED total (= low).
 * Wounded counts are never fatalities.
 */
import { windowFigures } from './fatality-window.js';
import { NUMBER_SRC, parseNumber } from './numbers.js';
import { allMatches } from './regex.js';

export interface Span {
  start: number;
  end: number;
  text: string;
}

export interface FatalityFacts {
  /** the figure is an updated toll ("rose to 86"): it replaces earlier ones */
  update?: boolean;
  /** the toll is a vague word ("dozens", "several"): a later exact figure replaces it */
  vague?: boolean;
  total?: number;
  civilians?: number;
  children?: number;
  low?: number;
  best?: number;
  high?: number;
  evidence: Span[];
}

const N = NUMBER_SRC;
const VICTIM =
  '(?:child|man|woman|boy|girl|civilian|fighter|soldier|person|member|doctor|nurse|journalist|officer|militant|rebel|people|persons|civilians|children|kids|women|men|fighters|militants|soldiers|troops|rebels|members|terrorists|jihadists|servicemen|personnel|officers|residents|individuals|victims|others|family members|worshippers|patients|students|workers|of them|jihadis|insurgents|combatants|gunmen|policemen|staff|activists|medics|paramedics|volunteers|rescuers|teachers|farmers|prisoners|detainees|martyrs)';
const KILLED =
  '(?:killed|dead|died|were killed|have been killed|had been killed|lost their lives|martyred|perished|slain|executed)';
// a filler word between number and victim noun, never itself a number ("2017 Fifteen people died")
// nor a unit ("in the past 24 hours civilians were killed")
const FILLER = `(?:(?!(?:${N}|hours|days|weeks|months|years|km|kilometres|kilometers|miles)\\b)(?:more|other|[a-z]+)\\s+)?`;
// after a killing verb the object may take two modifiers before its noun ("execute 50 captive
// Syrian troops", "kill 8 IS group militants"), never a coordination ("killing 3 and wounding")
const FILLER2 = `(?:(?!(?:${N}|and|or|wounding|injuring|hours|days|weeks|months|years|km)\\b)(?:more|other|[a-z]+)\\s+){0,2}`;
const Q = '(?:at least|more than|over|nearly|almost|about|around|some|up to|as many as|roughly|approximately|all)';
// "killed 12 people", "killing at least 12 civilians, including 5 children"
const KILL_N = new RegExp(
  `\\b(?:kill(?:ed|ing|s)?(?:\\s+of)?|execut(?:e|es|ed|ing)|claim(?:ed|ing)? the lives of|claim(?:s|ed|ing)?(?=\\s+(?:\\S+\\s+){1,3}?martyrs\\b)|left|leaving|(?:the\\s+)?deaths?\\s+of)\\s+(?:${Q}\\s+)?(${N}|an?)(?:\\s*(?:-|to|and)\\s*(${N}))?\\s+${FILLER2}(${VICTIM})\\b`,
  'gi',
);
// "12 people were killed", "12 civilians killed", "at least 12 dead"
const N_KILLED = new RegExp(
  `\\b(?:${Q}\\s+)?(?:between\\s+)?(${N})(?:\\s*(?:-|to|and)\\s*(${N}))?\\s+${FILLER}(${VICTIM})?\\s*(?:,\\s*)?(?:(?:including|among them)[^,.;]{0,40}?\\s*)?(?:were\\s+|have been\\s+|had been\\s+|are\\s+)?(?:reportedly\\s+)?${KILLED}`,
  'gi',
);
// "..., killing dozens." / "killing at least 7" with no victim noun
const KILL_BARE = new RegExp(
  `\\b(?:kill(?:s|ed|ing)?|(?:the\\s+)?deaths?\\s+of)\\s+(?:${Q}\\s+)?(${N})(?:\\s*(?:-|to|and)\\s*(${N}))?()(?=\\s*(?:[.,;]|$|and|in|on|at))`,
  'gi',
);
const TOLL = new RegExp(
  `\\b(?:death toll|toll|number of (?:dead|deaths|victims|those killed))\\s+(?:\\w+\\s+){0,6}?(?:(?:rose|rises|risen|climbed|climbs|reached|reaches|jumped|jumps|stood|stands|is|was|of|to|hit|hits|at)\\s+(?:to\\s+|at\\s+)?(?:${Q}\\s+)?|${Q}\\s+)(${N})`,
  'gi',
);
const CHILDREN = new RegExp(
  `(?:including|among them|of them|of whom|among whom)\\s+(?:${Q}\\s+)?(${N})\\s+(?:children|kids|minors)|(${N})\\s+(?:of them\\s+)?(?:were\\s+)?(?:children|kids|minors)`,
  'i',
);
const CIVILIANS = new RegExp(`(${N})\\s+(?:\\w+\\s+)?civilians`, 'i');
/** a word of KILLED in a lower-cased sentence: N_KILLED cannot match without one */
const KILLED_GATE = /killed|dead|died|lives|martyr|perish|slain|executed/;
/** a passive killed-verb, needed by the subject window (fatality-window.ts) */
const PASSIVE_GATE = /(?:were|been|was|are) (?:\w+ )?(?:killed|executed|slain|martyred)| killed\b/;
const WOUNDED_AFTER = /^\s*(?:were\s+|have been\s+)?(?:wounded|injured|hurt)/i;

/** no single incident of the Syrian war killed 100,000 people: such a figure is a war-wide toll */
const WAR_SCALE = 100_000;
// A war-wide statistic without "since" ("More than 4,000 people have been killed in Syria's
// conflict", "the war, which has killed 1,500 people"): a present-perfect toll whose place is the
// war itself (or the whole country), not a town or a strike. Background, never one incident's toll.
const WAR_AFTER =
  /^[^.;]{0,30}?\b(?:in|of|during)\s+(?:the\s+|syria'?s\s+|the country'?s\s+)?(?:[\w-]+\s+){0,2}?(?:war|conflict|uprising|revolution)(?![\w-])|^\s*(?:so far\s+)?in syria\s*(?:[.,;]|$|and\b|since\b|according\b|so far\b)/i;
const WAR_BEFORE = /\b(?:war|conflict|uprising|revolution)\b[^.;]{0,25}?\b(?:has|have)\s+(?:so far\s+|now\s+)?$/i;
const PERFECT = /\b(?:have|has)\s+(?:so far\s+|now\s+)?(?:been\s+)?(?:killed|died|lost their lives|claimed)\b/i;
function warStatistic(sentence: string, start: number, end: number): boolean {
  const after = sentence.slice(end, end + 70);
  if (WAR_BEFORE.test(sentence.slice(Math.max(0, start - 45), start))) return true;
  return PERFECT.test(sentence.slice(start, end + 25)) && WAR_AFTER.test(after);
}
const VAGUE_WORD = /\b(?:several|many|dozens|scores|hundreds|thousands|some|a few|numerous)\b/i;
const VICTIM_WORD = new RegExp(`\\b${VICTIM}\\b`, 'i');

/** The group a victim noun counts in: whole groups are "people"; plural and singular are one group. */
function groupOf(victim: string, generic: Set<string>): string {
  if (/child|kid|minor/.test(victim)) return 'children';
  if (/civilian|resident|worshipper|patient|student|women/.test(victim)) return 'civilians';
  if (!victim || generic.has(victim)) return 'people';
  // "62 Syrian troops killed ... 60 Syrian government soldiers were killed": one army's dead under
  // synonymous nouns are one group (ACLED: the lowest figure for the same victims), never added
  if (/^(?:troops|soldiers?|servicem[ae]n|personnel)$/.test(victim)) return 'soldier';
  return victim.replace(/(?:men|s)$/, (x) => (x === 'men' ? 'man' : ''));
}

/** Fatality facts of one sentence; offsets are relative to the sentence plus `base`. */
export function findFatalities(sentence: string, base: number): FatalityFacts | undefined {
  const figures: Array<{ n: number; hi?: number; victim: string; span: Span }> = [];
  const take = (m: RegExpExecArray, nIdx: number, hiIdx: number, vIdx: number) => {
    const n = parseNumber(m[nIdx]);
    // a six-figure toll is the war's ("over 160000 people have been killed"), never one incident's
    if (n === undefined || n >= WAR_SCALE) return;
    const pre = sentence.slice(Math.max(0, m.index - 25), m.index);
    // "23 May 2014 Syrian troops killed": a year, not a count
    if (
      n >= 1900 &&
      n <= 2100 &&
      /(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s*\d{0,2},?\s*$|\d\s*$|\b(?:in|since|of|by|until|from|early|late|mid)\s*$/i.test(
        pre,
      )
    )
      return;
    // "updating a previous toll of 112": superseded
    if (
      /\b(?:previous|earlier|initial|prior|old)\s+(?:death\s+)?(?:toll|figure|count)(?:\s+(?:of|at|was))?\s*$/i.test(
        sentence.slice(Math.max(0, m.index - 30), m.index + 10).replace(m[0].slice(0, 10), ''),
      ) ||
      /\b(?:previous|earlier|initial)\s+(?:death\s+)?(?:toll|figure)\s*$/i.test(pre)
    )
      return;
    // "leaving thousands of people homeless": left/leaving count the dead only when it says so
    if (
      /^(?:left|leaving)\b/i.test(m[0]) &&
      !/martyrs$/i.test(m[0]) &&
      !/^\s+(?:\w+\s+){0,2}?dead\b/i.test(sentence.slice(m.index + m[0].length, m.index + m[0].length + 30))
    )
      return;
    if (warGate && warStatistic(sentence, m.index, m.index + m[0].length)) return;
    const hi = m[hiIdx] ? parseNumber(m[hiIdx]) : undefined;
    // "07-2015 Five Civilians Killed": a month and year, not a range
    if (hi !== undefined && hi >= 1900 && hi <= 2100) return;
    const tail = sentence.slice(m.index + m[0].length, m.index + m[0].length + 20);
    if (WOUNDED_AFTER.test(tail) && !/killed|dead|died/i.test(m[0])) return;
    // the filler word before the victim noun may have swallowed it ("15 civilians were killed"):
    // the noun is then read back from the matched words
    const victim = (m[vIdx] || VICTIM_WORD.exec(m[0].slice(m[nIdx].length))?.[0] || '').toLowerCase();
    figures.push({ n, hi, victim, span: { start: base + m.index, end: base + m.index + m[0].length, text: m[0] } });
  };
  // cheap literal gates first: each pattern needs one of its key words, and most sentences
  // that reach here hold only one or two of them (the full patterns cost ~10 µs each)
  const lc = sentence.toLowerCase();
  // literal gate of the war-statistic test: a perfect tense and the war or the country named
  const warGate =
    (lc.includes(' has ') || lc.includes(' have ')) &&
    (lc.includes('war') ||
      lc.includes('conflict') ||
      lc.includes('syria') ||
      lc.includes('uprising') ||
      lc.includes('revolution'));
  const kill = lc.includes('kill');
  const death = lc.includes('death');
  if (kill || death || lc.includes('claim') || lc.includes('left') || lc.includes('leaving') || lc.includes('execut'))
    for (const m of allMatches(KILL_N, sentence)) take(m, 1, 2, 3);
  if (KILLED_GATE.test(lc))
    for (const m of allMatches(N_KILLED, sentence)) {
      // "3 wounded and 2 killed": the regex would read the first number; guard by requiring the
      // number to sit close to the killed-word
      if (/wounded|injured/i.test(m[0])) continue;
      take(m, 1, 2, 3);
    }
  if (lc.includes('toll') || lc.includes('number'))
    for (const m of allMatches(TOLL, sentence)) {
      if (/\b(?:previous|earlier|initial|prior)\s+$/i.test(sentence.slice(Math.max(0, m.index - 12), m.index)))
        continue;
      take(m, 1, 1, 1);
    }
  if (kill || death) for (const m of allMatches(KILL_BARE, sentence)) take(m, 1, 2, 3);
  if (PASSIVE_GATE.test(lc)) {
    for (const w of windowFigures(sentence)) {
      if (w.n >= WAR_SCALE || (warGate && warStatistic(sentence, w.start, w.end))) continue;
      const victim = VICTIM_WORD.exec(w.phrase)?.[0].toLowerCase() ?? '';
      figures.push({
        n: w.n,
        victim,
        span: { start: base + w.start, end: base + w.end, text: sentence.slice(w.start, w.end) },
      });
    }
  }
  if (!figures.length) return undefined;
  // dedupe overlapping matches, keep the earliest-starting one
  figures.sort((a, b) => a.span.start - b.span.start);
  const kept: typeof figures = [];
  for (const f of figures) {
    const last = kept[kept.length - 1];
    if (last && f.span.start < last.span.end) continue;
    kept.push(f);
  }
  const out: FatalityFacts = { evidence: kept.map((f) => f.span) };
  if (
    /\b(?:rose|rises|risen|climbed|climbs|jumped|jumps|increased|reached|reaches|updated|new (?:death )?toll|raised the (?:death )?toll)\b/i.test(
      sentence,
    )
  )
    out.update = true;
  // "killed 12 people, including 5 children": the first whole-group figure is the total;
  // separate figures for different groups ("5 soldiers and 3 rebels") add up.
  const groups = new Map<string, number>();
  const GENERIC = new Set(['people', 'persons', 'victims', 'individuals', 'others', 'person']);
  // a vague word beside exact figures ("Four members have been killed amid reports that dozens of
  // fighters were killed") is another, unquantified report: it adds nothing
  const vagueFig = (f: (typeof kept)[number]) => VAGUE_WORD.test(f.span.text);
  const anyExact = kept.some((f) => !vagueFig(f));
  const lastOf = new Map<string, (typeof kept)[number]>();
  for (const f of kept) {
    if (anyExact && vagueFig(f)) continue;
    const g = groupOf(f.victim, GENERIC);
    // the same figure again for another noun far from the first ("kill 30 Kurdish fighters ... 30
    // members of the YPG were killed": a headline glued to its lead) restates one group; "5 soldiers
    // and 5 rebels" are closer than that
    const twin = [...lastOf.entries()].find(
      ([og, o]) => og !== g && og !== 'people' && g !== 'people' && o.n === f.n && f.span.start - o.span.end > 20,
    );
    if (twin) continue;
    lastOf.set(g, f);
    if (!groups.has(g)) groups.set(g, f.n);
    else groups.set(g, Math.min(groups.get(g) as number, f.n));
    if (f.hi !== undefined && f.hi > f.n) {
      out.low = f.n;
      out.high = f.hi;
    }
  }
  // the first whole-group figure is the sentence's toll ("killed 12 people ... 3 persons in X",
  // "At least 30 people including 24 civilians were killed"); figures for named groups add up
  // only when no whole-group figure is given ("5 soldiers and 3 rebels"). A headline glued to
  // its lead ("kill 15 civilians ... At least 15 civilians were killed") repeats one group: min.
  const firstGeneric = kept.find((f) => GENERIC.has(f.victim || 'people'));
  let sum = 0;
  for (const [g, n] of groups) if (g !== 'children' || !groups.has('civilians')) sum += n;
  // a whole-group figure below a named group's ("killed 21 civilians ... 19 people in X") is part
  // of it, not the sentence's toll
  let largestGroup = 0;
  for (const [g, n] of groups) if (g !== 'children' && g !== 'people') largestGroup = Math.max(largestGroup, n);
  out.total = firstGeneric ? Math.max(firstGeneric.n, largestGroup) : sum;
  const lead = firstGeneric ?? kept[0];
  if (
    lead &&
    /^(?:[a-z ]*\s)?(?:several|many|dozens|scores|hundreds|thousands|some|a few|numerous)\b/i.test(
      lead.span.text.replace(/^(?:kill(?:ed|ing|s)?|at least|more than)\s+/i, ''),
    )
  )
    out.vague = true;
  if (groups.has('civilians')) out.civilians = groups.get('civilians');
  const ch = lc.includes('child') || lc.includes('kid') || lc.includes('minor') ? CHILDREN.exec(sentence) : null;
  if (ch) {
    const n = parseNumber(ch[1] ?? ch[2]);
    if (n !== undefined && (out.total === undefined || n <= out.total)) {
      out.children = n;
      out.evidence.push({ start: base + ch.index, end: base + ch.index + ch[0].length, text: ch[0] });
    }
  } else if (groups.has('children')) out.children = groups.get('children');
  if (out.civilians === undefined) {
    const cv = lc.includes('civilians') ? CIVILIANS.exec(sentence) : null;
    if (cv && out.total !== undefined) {
      const n = parseNumber(cv[1]);
      if (n !== undefined && n <= out.total && /killed|dead|died/i.test(sentence)) out.civilians = n;
    }
  }
  return out;
}
