/** The extraction pipeline proper (see index.ts for the API and docs/extraction.md for the design). */
import { agreementStatement, type Claim, findClaim, quotedContinuation } from './claims.js';
import { type DateContext, type DateMention, dayOf, findDates } from './dates.js';
import { CASUALTY_CUE } from './event-types.js';
import { findFatalities } from './fatalities.js';
import { assemble, type Draft, isViolent, type SentenceFacts } from './incidents.js';
import type { Language } from './language.js';
import { longestMentions, namedPlaceMentions, type PlaceMention, type ResolvedPlace, resolvePlace } from './places.js';
import type { ExtractResources } from './resources.js';
import { headerIncident } from './header.js';
import { findRoles, type Party } from './roles.js';
import { segmentBlocks, splitSentences } from './segment.js';
import type { Evidence, ExtractedClaim, ExtractedIncident, ExtractResult, Mention } from './types.js';
import { allMatches } from './regex.js';
import { classifyWithCues, cueFilter, extraBit } from './trigger-cues.js';

export interface PipelineInput {
  ctx?: DateContext;
  dateline?: DateMention;
  language: Language;
  report: string;
  stem: string;
  source?: string;
  resources: ExtractResources;
  warnings: string[];
  tz: string;
}

// the month ("2 May 2017", "May 5", "in May") is not the modal
const HYPOTHETICAL = /\b(?:will|would|could|should|might|may(?!\s*\d)(?<!(?:\d|\b(?:in|since|of|early|late|mid|last|this|next|until|by|from))[\s-]*may)|to stop|to end|to prevent|intended to|aims? to|plans? to|threaten(?:s|ed)? to|in order to|if|unless|in case of|ready to|aimed at)\b/i;
const DENIED = /\b(?:denied|denies|deny|refuted|no truth|untrue|incorrect|fabricated|baseless)\b/i;
/** Whole-war tolls ("More than 280,000 people have been killed since 2011") are background. */
const WAR_TOTAL =
  /\b(?:since (?:the (?:start|beginning|outbreak)|the (?:war|conflict|uprising|crisis|revolution) (?:began|started|erupted|broke out)|(?:march )?20\d\d|it (?:began|erupted|started))|(?:war|conflict|crisis|uprising) (?:that |which )?(?:has|have|had) (?:so far )?(?:killed|left|claimed)|(?:war|conflict)(?:'s)? (?:death )?toll|killed (?:more than |over |nearly |about |around )?(?:\d{3},?\d{3}|hundreds of thousands))/i;
const ARMED_VICTIMS = /\b(?:fighters|soldiers|militants|troops|rebels|members|jihadists|jihadis|terrorists|gunmen|insurgents|combatants|personnel|servicemen|officers|policemen|guards|commanders?|leaders?)\b/i;
const SYRIA = { name: 'Syria', lat: 35.0, lon: 38.5, precision_km: 400 };

export function runPipeline(text: string, p: PipelineInput): ExtractResult {
  const blocks = segmentBlocks(text);
  const skipped: Record<string, number> = {};
  for (const b of blocks) if (b.kind !== 'body') skipped[b.kind] = (skipped[b.kind] ?? 0) + 1;
  const sentences = splitSentences(text, blocks);
  const at = p.ctx?.ref.getTime();
  const { actors: registry, places: gazetteer } = p.resources;

  if (p.language === 'ar') {
    const mentions: Mention[] = [];
    for (const s of sentences) {
      for (const a of registry.findMentions(s.text, at)) mentions.push({ kind: 'actor', start: s.start + a.start, end: s.start + a.end, text: a.text, id: a.id });
      for (const m of gazetteer.findMentions(s.text)) {
        const c = m.candidates[0];
        mentions.push({ kind: 'place', start: s.start + m.start, end: s.start + m.end, text: m.text, lat: c?.lat, lon: c?.lon, admin1: c?.admin1 });
      }
    }
    p.warnings.push('Arabic report: actors and places recognised; event type, date, fatalities and claims were not attempted');
    return { language: 'ar', incidents: [], claims: [], warnings: p.warnings, mentions, not_attempted: ['type', 'when', 'fatalities', 'by', 'against', 'claims'], skipped };
  }

  // names are scanned once over the whole report (linear, and the gazetteer uses the
  // governorates named anywhere nearby as context), then handed to their sentences
  const actorMentions = registry.findMentions(text, at);
  const found = plausiblePlaces(text, gazetteer.findMentions(text), actorMentions);
  const govAt = (pos: number) => {
    // the governorate named closest before (or just after) a position
    let g: string | undefined;
    for (const m of found) {
      if (m.start > pos + 200) break;
      const c = m.candidates[0];
      // ("the Latamneh city of Hama countryside": a place or area named right after counts too)
      if (c?.admin1 && (c.level === 'governorate' || c.level === 'district' || m.start <= pos + 60)) g = c.admin1;
    }
    return g;
  };
  const placeMentions = longestMentions([...found, ...namedPlaceMentions(text, gazetteer, found, govAt)]).sort((a, b) => a.start - b.start);
  const docGov = new Map<string, number>();
  for (const m of placeMentions) {
    const c = m.candidates[0];
    if (c?.level === 'governorate' && c.admin1) docGov.set(c.admin1, (docGov.get(c.admin1) ?? 0) + 1);
  }
  const docHint = [...docGov.entries()].sort((a, b) => b[1] - a[1])[0]?.[0];
  const pubDay = p.ctx ? dayOf(p.ctx.ref.getTime(), p.tz) : undefined;
  const facts: SentenceFacts[] = [];
  const rawClaims: Array<{ claim: Claim; sentence: number; quote: string }> = [];
  let pi = 0;
  let ai = 0;

  sentences.forEach((s, i) => {
    while (pi < placeMentions.length && placeMentions[pi].start < s.start) pi++;
    const ms = [];
    while (pi < placeMentions.length && placeMentions[pi].end <= s.end) ms.push(placeMentions[pi++]);
    while (ai < actorMentions.length && actorMentions[ai].start < s.start) ai++;
    const actors: Party[] = [];
    while (ai < actorMentions.length && actorMentions[ai].end <= s.end) {
      const a = actorMentions[ai++];
      // "the Britain-based monitor", "a Turkey-backed group": the name qualifies another noun
      if (/^-(?:based|born|educated|registered)\b/.test(text.slice(a.end, a.end + 12))) continue;
      // the registry resolves generic descriptors ("rebels", "terrorists") to no actor: they are
      // not parties here; only the unknown-* descriptors ("unidentified aircraft") say "unknown"
      if (a.id !== null) actors.push({ start: a.start, end: a.end, text: a.text, id: a.id });
      else if (a.via?.startsWith('unknown-')) actors.push({ start: a.start, end: a.end, text: a.text, id: null });
    }
    const gov = ms.find((m) => m.candidates[0]?.level === 'governorate')?.candidates[0].admin1 ?? docHint;
    const places: ResolvedPlace[] = [];
    for (const m of ms) {
      const r = resolvePlace(text, m, gov);
      if (r) places.push(r);
    }
    // one pass over the word starts says which trigger and cue patterns can match at all
    const cues = CUES.possible(s.text);
    const trig = classifyWithCues(s.text, cues);
    const fat = (trig || (cues & CUE_CASUALTY && CASUALTY_CUE.test(s.text))) && !(cues & CUE_WAR_TOTAL && WAR_TOTAL.test(s.text)) ? findFatalities(s.text, s.start) : undefined;
    const dates = p.ctx ? findDates(s.text, s.start, p.ctx) : [];
    for (const d of dates) d.role = dateRole(text, d, pubDay);
    // ACLED codes the victims as Civilians when those killed are not combatants ("13 people",
    // "five children"); armed victims ("30 soldiers") leave the target to the actor patterns
    const unarmedDead = !!fat?.total && !ARMED_VICTIMS.test(fat.evidence.map((e) => e.text).join(' '));
    const roles = trig || fat ? findRoles(s.text, s.start, actors, registry, at, !!fat?.civilians || unarmedDead || /\bcivilians?\b/i.test(s.text)) : {};
    facts.push({
      index: i,
      block: s.block,
      start: s.start,
      end: s.end,
      text: s.text,
      trigger: trig ? { ...trig, start: s.start + trig.start, end: s.start + trig.end } : undefined,
      fatalities: fat,
      dates,
      places,
      actors,
      roles,
      // "Russia intervened in 2015": a sentence dated only by an earlier year is history
      // (both are read only for sentences with a trigger or a toll: incidents.ts)
      hypothetical: (!!trig || !!fat) && (HYPOTHETICAL.test(s.text) || (dates.length > 0 && dates.every((d) => d.precision === 'year' && pubDay !== undefined && d.when < pubDay.slice(0, 4)))),
      denied: !!trig && (cues & CUE_DENIED) !== 0 && DENIED.test(s.text),
    });
    // one claim per clause: "SANA said a truce was agreed, but a rebel spokesman denied it"
    const before = rawClaims.length;
    const wholeQuote = /^\s*["“][^"”]*[.!?]?["”]\s*$/.test(s.text);
    for (const c of cues & CUE_REPORT_VERB && REPORT_VERB_CUE.test(s.text) && !wholeQuote ? clauses(s.text) : []) {
      const prev = rawClaims[rawClaims.length - 1];
      const recent = prev && prev.sentence >= i - 2 ? prev.claim.subject : undefined;
      const claim = findClaim(c.text, s.start + c.start, actors, !!trig || !!fat, recent);
      if (claim) rawClaims.push({ claim, sentence: i, quote: s.text });
    }
    if (rawClaims.length === before) {
      const prev = rawClaims[rawClaims.length - 1];
      const recentClaim = prev && prev.sentence >= i - 2 ? prev.claim : undefined;
      const st = quotedContinuation(s.text, s.start, recentClaim) ?? agreementStatement(s.text, s.start, recentClaim);
      if (st) rawClaims.push({ claim: st, sentence: i, quote: s.text });
    }
    // a claim about an agreement carries the date the sentence gives (e.g. when a truce begins)
    for (let k = before; k < rawClaims.length; k++) {
      const d = dates.find((x) => x.role !== 'dateline');
      if (d && rawClaims[k].claim.subject.kind === 'agreement') {
        rawClaims[k].claim.when = d.when;
        rawClaims[k].claim.evidence.when = [{ start: d.start, end: d.end, text: d.text }];
      }
    }
  });

  let drafts = assemble(facts, p.dateline);
  // a headline ("Air strikes kill 12 in Idlib village") restates the lead: when the body has an
  // incident of the same type, the headline's own draft is dropped
  const firstBody = blocks.findIndex((b) => b.kind === 'body');
  const hb = blocks[firstBody];
  if (hb && hb.end - hb.start < 160 && !/[.!?]["”’]?\s*$/.test(text.slice(hb.start, hb.end))) {
    drafts = drafts.filter((d) => d.block !== firstBody || !drafts.some((o) => o !== d && o.block !== firstBody && o.type === d.type));
  }
  const header = headerIncident({ text, ctx: p.ctx, tz: p.tz, places: placeMentions, gazetteer, registry, at });
  if (header) {
    // a header without an "Attacks:" line takes the type of the body's first incident
    // (its first violent one on the header's day: an investigation's background is not the attack)
    const day = header.date?.when.slice(0, 10);
    const lead = drafts.find((d) => isViolent(d.type) && d.date?.when.slice(0, 10) === day) ?? drafts.find((d) => isViolent(d.type)) ?? drafts[0];
    if (!header.typeSpan.text && lead) {
      header.type = lead.type;
      header.typeSpan = lead.typeSpan;
    }
    drafts.unshift(header);
  }
  const incidents: ExtractedIncident[] = [];
  const bySentence = new Map<number, string>();
  for (const d of drafts) {
    const inc = toIncident(d, p, incidents.length + 1, facts);
    if (!inc) continue;
    incidents.push(inc);
    for (const si of d.sentences) bySentence.set(si, inc.id);
  }
  const claims: ExtractedClaim[] = rawClaims.map((c, k) => ({
    kind: 'claim',
    report: p.report,
    id: `${p.stem}-c${k + 1}`,
    ...c.claim,
    incident: c.claim.subject.kind === 'incident' ? bySentence.get(c.sentence) : undefined,
    quote: c.quote,
  }));
  return { language: p.language, incidents, claims, warnings: p.warnings, skipped };
}

/** FatalityFacts fields that are not incident output */
const INTERNAL_FATALITY_KEYS = new Set(['evidence', 'best', 'update', 'vague']);
function toIncident(d: Draft, p: PipelineInput, n: number, facts: SentenceFacts[]): ExtractedIncident | undefined {
  const ev: Evidence = { type: [span(d.typeSpan)] };
  const inferred: Array<'when' | 'where'> = [];
  let when: string | undefined;
  let range: ExtractedIncident['when_range'];
  if (d.date) {
    when = d.date.when;
    range = d.date.range;
    ev.when = [{ start: d.date.start, end: d.date.end, text: d.date.text }];
    if (d.dateFromContext) inferred.push('when');
  } else if (p.ctx) {
    // nothing dated the incident: the report's day (ACLED codes the report date when the event
    // date is not given), flagged as inferred
    when = new Date(p.ctx.ref.getTime()).toISOString().slice(0, 10);
    ev.when = [];
    inferred.push('when');
  }
  if (!when) {
    p.warnings.push(`incident "${d.typeSpan.text}" at ${d.typeSpan.start} has no date and no publication date was given (use --published); skipped`);
    return undefined;
  }
  let where: ExtractedIncident['where'];
  if (d.place) {
    const pl = d.place.place;
    where = { name: d.place.text, lat: pl.lat, lon: pl.lon, precision_km: pl.precision_km, admin1: pl.admin1, admin2: pl.admin2, qualifier: d.place.qualifier };
    ev.where = [{ start: d.place.start, end: d.place.end, text: d.place.text }];
    if (d.placeFromContext) inferred.push('where');
  } else {
    where = { ...SYRIA };
    ev.where = [];
    inferred.push('where');
  }
  const inc: ExtractedIncident = { kind: 'incident', report: p.report, id: `${p.stem}-${n}`, when, when_range: range, where, type: d.type, description: d.description, evidence: ev };
  if (d.roles.by) {
    inc.by = d.roles.by.id;
    ev.by = [span(d.roles.by)];
    // ACLED splits taking ground by who takes it: the government regains, a non-state actor overtakes
    const byId = d.roles.by.id;
    if (byId && (inc.type === 'government_regains_territory' || inc.type === 'non_state_actor_overtakes_territory')) {
      const registry = p.resources.actors;
      const gov = byId === 'syrian-government' || registry.coalitionsAt(byId, p.ctx?.ref.getTime()).includes('syrian-government') || registry.get(byId)?.kind === 'state';
      inc.type = gov ? 'government_regains_territory' : 'non_state_actor_overtakes_territory';
    }
  }
  if (d.roles.against) {
    inc.against = d.roles.against.id;
    ev.against = [span(d.roles.against)];
  }
  if (d.fatalities && d.fatalities.total !== undefined) {
    // the defined figures, in the facts' own key order (a loop: rest + entries + fromEntries
    // allocated four objects per incident)
    const f: Record<string, number> = {};
    const figures = d.fatalities as unknown as Record<string, unknown>;
    for (const k of Object.keys(figures)) if (!INTERNAL_FATALITY_KEYS.has(k) && figures[k] !== undefined) f[k] = figures[k] as number;
    inc.fatalities = f;
    ev.fatalities = d.fatalities.evidence;
  }
  if (p.source) inc.sources = [{ outlet: p.source }];
  if (inferred.length) inc.inferred = inferred;
  void facts;
  return inc;
}

const NOT_PLACE_AFTER =
  /^(?:'s|’s)?\s*(?:ally|allies|government|regime|authorities|officials|-backed|-based|based|media|center|centre|health|directorate|today|news|agency|council|university|observatory|coordination|committee|press|network|tv|radio|brigade|division|front|army|battalion|regiment|operations room)\b/i;
const GEO_WORD =
  /^(?:province|governorate|city|countryside|district|town|village|camp|valley|mountains?|plains?|airport|air ?base|base|crossing|border|road|highway|suburbs?|outskirts|region|area|neighbou?rhood|quarter|old|new|eastern|western|northern|southern|central|rural|north|south|east|west|al|el|ad|ar|as|ash|at|az|an|and|or|in|of|the)$/i;
/**
 * Drop name matches that are not places in context: a name inside an actor's name ("Damascus
 * government"), before an organisation word ("Aleppo Media Center", "its Damascus ally"), and a
 * village-sized name glued to other capitalised words that are not places ("Rami Abdel Rahman",
 * "Khan al-Shih" when only "Khan" is known).
 */
function plausiblePlaces(text: string, ms: PlaceMention[], actors: Array<{ start: number; end: number }>): PlaceMention[] {
  const out: PlaceMention[] = [];
  let ai = 0;
  for (let k = 0; k < ms.length; k++) {
    const m = ms[k];
    while (ai < actors.length && actors[ai].end <= m.start) ai++;
    if (ai < actors.length && actors[ai].start < m.end && m.start < actors[ai].end) continue;
    const after = text.slice(m.end, m.end + 40);
    if (NOT_PLACE_AFTER.test(after)) continue;
    const level = m.candidates[0]?.level;
    // (only bare names: a phrase such as "city of Hama" cannot be glued to the word before it)
    if ((level === 'place' || level === 'neighbourhood') && !/^\p{Ll}/u.test(m.text)) {
      const next = /^(?:[ \t]+|-)([\p{Lu}][\p{L}'’-]*)/u.exec(after)?.[1];
      // (a spaced dash, "Daraa - Nawa", separates names rather than gluing them)
      const nextIsPlace = ms[k + 1] && ms[k + 1].start - m.end <= 2;
      const prev = /([\p{Lu}][\p{L}'’-]*)(?:[ \t]+|-)$/u.exec(text.slice(Math.max(0, m.start - 30), m.start))?.[1];
      const prevIsPlace = out.length > 0 && m.start - out[out.length - 1].end <= 2;
      const sentenceStart = /(?:^|[.!?]\s+|\n\s*)$/.test(text.slice(Math.max(0, m.start - 3 - (prev?.length ?? 0) - 1), m.start - (prev?.length ?? 0) - 1));
      if (next && !nextIsPlace && !GEO_WORD.test(next)) continue;
      if (prev && !prevIsPlace && !GEO_WORD.test(prev) && !sentenceStart && !/^(?:In|At|On|Near|From|To|Of|The)$/.test(prev)) continue;
    }
    out.push(m);
  }
  return out;
}

const REPORT_CUE = /\b(?:said|says|reported|reports|told [\w.-]+(?: [\w.-]+)?|announced|added|stated|confirmed|claimed|denied|quoted|published|posted|updated)\s*(?:late\s+|early\s+)?(?:on\s+|at\s+)?$/i;
const DATELINE_CUE = /(?:^|\n)\s*(?:published|posted(?: on)?|date of publication|last updated(?: at| on)?|updated?|first published)?\s*:?\s*$/i;
/** A date that says when the report or its source spoke, not when the event happened. */
function dateRole(text: string, d: DateMention, pubDay: string | undefined): DateMention['role'] {
  const before = text.slice(Math.max(0, d.start - 40), d.start);
  if (REPORT_CUE.test(before)) return 'report';
  // the publication day written near the top, after a headline or an agency name, is the dateline
  if (d.start < 200 && d.when === pubDay && /\b(?:19|20)\d\d\b/.test(d.text)) return 'dateline';
  if (d.start < 160 && /\b(?:19|20)\d\d\b/.test(d.text) && (d.start < 40 || DATELINE_CUE.test(before) || /\b(?:published|posted|updated)\b/i.test(before))) return 'dateline';
  return undefined;
}

/** cheap gate before clause splitting: findClaim needs a reporting verb */
const REPORT_VERB_CUE = /\b(?:sa(?:id|ys?)|wr(?:ote|ites)|tweet|posted|announce|state|told|report|claim|confirm|den(?:y|ied|ies)|insist|added|declare|noted|stress|affirm|reject|dismiss|warn|accuse|according|quoted)/i;
/** the prefilter of the sentence loop: the trigger patterns, then these four (bits: extraBit) */
const CUES = cueFilter([CASUALTY_CUE, WAR_TOTAL, DENIED, REPORT_VERB_CUE]);
const CUE_CASUALTY = extraBit(0);
const CUE_WAR_TOTAL = extraBit(1);
const CUE_DENIED = extraBit(2);
const CUE_REPORT_VERB = extraBit(3);
const CLAUSE_BREAK = /(?:,\s*(?:but|while|whereas|however)\b|;\s*|\s+(?:while|whereas)\s+|\.\s+However,?\s*)/gi;
function clauses(text: string): Array<{ start: number; text: string }> {
  const out: Array<{ start: number; text: string }> = [];
  let s = 0;
  for (const m of allMatches(CLAUSE_BREAK, text)) {
    out.push({ start: s, text: text.slice(s, m.index) });
    s = (m.index ?? 0) + m[0].length;
  }
  out.push({ start: s, text: text.slice(s) });
  return out;
}

const span = (x: { start: number; end: number; text: string }) => ({ start: x.start, end: x.end, text: x.text });
