/**
 * Who did it and to whom, from the actor mentions of an incident sentence.
 *
 * Shallow semantic-role cues in the style of pattern-based event coders (TABARI/PETRARCH,
 * Schrodt 2012, "CAMEO" coding: source actor before the verb, target after it) adapted to
 * conflict news: "by X", "X warplanes/forces/shelled", "X-led", "X's" mark the perpetrator;
 * "on/against/targeting X", "X-held", "X positions" mark the target. Nationality adjectives
 * ("Russian jets", "Turkish artillery") resolve through the registry by their country name.
 * Civilians are the target when civilians are the victims named.
 */
import type { ActorRegistry } from '../resolve/actor-registry.js';
import type { Span } from './fatalities.js';
import { allMatches } from './regex.js';

export interface Party extends Span {
  /** actor id; null = explicitly unknown ("unidentified aircraft", "Russian or Syrian jets") */
  id: string | null;
  /** a pattern marked the role ("by X", "X shelled"), rather than X being the only actor around */
  strong?: boolean;
}

export interface Roles {
  by?: Party;
  against?: Party;
}

// "regime raids", "government airstrikes": the registry has "regime forces" etc.; the bare
// adjective before a weapon word is common enough in news to add here.
const REGIME_RE =
  /\b(?:the\s+)?(?:Syrian\s+)?(?:regime|government|pro-government|pro-regime|loyalist|Assad)(?:'s|’s|s)?\s+(?:forces|troops|army|war ?planes?|planes?|jets?|aircraft|air ?strikes?|air ?raids?|raids|shelling|artillery|helicopters?|bombardment|barrel bombs?|snipers?|militias?)\b/gi;
const REBEL_RE =
  /\b(?:rebel|opposition|insurgent)s?\s+(?:shelling|rockets?|mortars?|fire|artillery|attacks?|fighters|forces|snipers?|car bombs?)\b|\b(?:rebels|insurgents)(?=\s+(?:shell(?:ed|s)?|bombarded|attacked|fired|launched|stormed|captured|seized|ambushed|targeted)\b)/gi;
const SPEAKER_AFTER =
  /^\s*(?:,\s*)?(?:has\s+|have\s+)?(?:said|says|say|told|reported|reports|announced|added|stated|accused|blamed|condemned|denied|denies|according|spokes(?:man|woman)|statement|monitor|officials?\b)/i;
const NON_COMBATANT_KINDS = new Set(['international', 'civilians']);
const EITHER =
  /\b(?:either\s+)?(Russian|Syrian|regime|government|Turkish|US|U\.S\.|coalition|American|Israeli)\s+or\s+(?:the\s+)?(Russian|Syrian|regime|government|Turkish|US|U\.S\.|coalition|American|Israeli)(?:\s+(?:government|regime))?\s+(?:war ?planes?|jets?|aircraft|air ?force|airforce|planes|air ?strikes?|forces)\b/i;

const NATIONALITY: Record<string, string> = {
  russian: 'Russia',
  turkish: 'Turkey',
  american: 'United States',
  iranian: 'Iran',
  israeli: 'Israel',
  syrian: 'Syrian government',
  jordanian: 'Jordan',
  iraqi: 'Iraq',
  british: 'United Kingdom',
  french: 'France',
};
const NAT_RE =
  /\b(Russian|Turkish|American|Iranian|Israeli|Syrian|Jordanian|Iraqi|British|French|U\.S\.|US)(?:-led)?\s+(?:and\s+\w+\s+)?(?:war ?planes?|(?:fighter )?jets?|aircrafts?|air ?strikes?|air ?raids?|raids?|strikes?|air ?force|aviation|bombardment|bombing|cluster bombs?|rockets?|launchers?|occupation|aggressors?|aggression|invasion|helicopters?|drones?|bombers|army|troops|forces|soldiers|military|artillery|missiles?|shelling|navy|warships?|special forces|regime|government)\b/g;
const AGENT_AFTER =
  /^(?:'s|’s|-led|-backed)?\s*(?:war ?planes?|jets?|aircraft|air ?strikes?|air force|aviation|helicopters?|drones?|forces|troops|fighters|militants|artillery|army|soldiers|gunmen|snipers?|units?)?\s*(?:had\s+|have\s+|has\s+)?(?:[a-z]+ly\s+)?(?:shell(?:ed|s)?|struck|strikes?|bombed|bombards?|bombarded|attacked|attacks|launched|fired|targeted|targets|killed|kills|pounded|hit|raided|stormed|captured|seized|took|carried out|carries out|carry out|conducted|dropped|used|executed|ambushed|clashed|shot|opened fire|detonated|claimed)\b/i;
// ("from X" only after a weapon: "shelling from regime positions", not "liberate Raqqa from Daesh")
const AGENT_BEFORE =
  /(?:\bby|\b(?:fire|fired|shelling|shells|rockets?|mortars?|missiles?|strikes?|attacks?|raids?)\s+from)\s+(?:the\s+)?(?:(?:war ?planes?|jets?|aircraft|forces|fighters|militants|troops|artillery|shelling|gunmen|members|air ?strikes?|raids?) (?:of|by|belonging to) (?:the\s+)?)?$|\b(?:war ?planes?|jets?|aircraft|forces|fighters|militants|troops|artillery|shelling|gunmen|air ?strikes?|raids?|shells|rockets|missiles)\s+(?:of|belonging to|fired by|launched by)\s+(?:the\s+)?$/i;
const TARGET_BEFORE =
  /\b(?:on|against|with|targeting|targeted|hit|hitting|struck|striking|attacked|attacking|at|into|in|positions of|held by|controlled by|killing|killed)\s+(?:the\s+)?(?:positions of\s+|areas? (?:held|controlled) by\s+)?$/i;
const TARGET_AFTER =
  /^(?:-held|-controlled|\s+(?:positions?|posts?|checkpoints?|bases?|headquarters|fighters|members|convoy|held|controlled)|\s+(?:were|was)\s+(?:killed|targeted|hit))/i;
const UNKNOWN_BY =
  /\b(?:unidentified|unknown|unmarked)\s+(?:war ?planes?|jets?|aircraft|planes|drones?|helicopters?|gunmen|assailants|attackers|armed men|perpetrators)\b/i;
const CIVILIAN_VICTIMS =
  /\bcivilians?\b|\b(?:people|persons|children|women|residents|evacuees|worshippers|patients|passengers|crowd|family|families)\b|\b(?:residential|market|hospital|school|mosque|bakery|homes|houses|neighbourhood|neighborhood|camp for displaced|displaced)\b/i;

/**
 * `mentions` are sentence-relative actor mentions (already resolved); `triggerAt` is where the
 * event word sits in the sentence.
 */
export function findRoles(
  sentence: string,
  base: number,
  mentions: Party[],
  registry: ActorRegistry,
  at: number | undefined,
  civiliansKilled: boolean,
): Roles {
  const roles: Roles = {};
  // literal gates before the patterns (each needs one of these words); see fatalities.ts
  const lc = sentence.toLowerCase();
  const unk =
    (UNKNOWN_GATE.test(lc) ? UNKNOWN_BY.exec(sentence) : null) ?? (/\sor\s/.test(lc) ? EITHER.exec(sentence) : null);
  const combatant = (p: Party) => p.id === null || !NON_COMBATANT_KINDS.has(registry.get(p.id)?.kind ?? '');
  const all: Party[] = mentions.filter(combatant);
  const addPhrase = (m: RegExpMatchArray, name: string | undefined) => {
    const r = name ? resolveCached(registry, name, at) : undefined;
    const id = r?.id ?? (r?.via && !r.via.startsWith('unknown-') ? r.via : undefined);
    if (!id) return;
    const s = base + (m.index ?? 0);
    const e = s + m[0].length;
    // the phrase replaces shorter mentions inside it ("Russian" inside "Russian warplanes")
    for (let k = all.length - 1; k >= 0; k--) if (all[k].start >= s && all[k].end <= e) all.splice(k, 1);
    if (all.some((p) => p.start < e && s < p.end)) return;
    all.push({ start: s, end: e, text: m[0], id });
  };
  if (NAT_GATE.test(sentence))
    for (const m of allMatches(NAT_RE, sentence))
      addPhrase(m, m[1] === 'US' || m[1] === 'U.S.' ? 'United States' : NATIONALITY[m[1].toLowerCase()]);
  if (REGIME_GATE.test(lc)) for (const m of allMatches(REGIME_RE, sentence)) addPhrase(m, 'regime forces');
  if (REBEL_GATE.test(lc)) for (const m of allMatches(REBEL_RE, sentence)) addPhrase(m, 'rebels');
  all.sort((a, b) => a.start - b.start);
  for (const p of all) {
    const rs = p.start - base;
    const re = p.end - base;
    const before = sentence.slice(Math.max(0, rs - 45), rs);
    const after = sentence.slice(re, re + 60);
    if (SPEAKER_AFTER.test(after) && !/claimed responsibility/i.test(after)) continue;
    // "Russian jets" (the phrase) or "US-led coalition airstrikes against Daesh" (the weapon right
    // after the name, a noun-noun compound whose modifier is the agent)
    const weaponNoun =
      /(?:war ?planes?|jets?|aircrafts?|air ?force|aviation|helicopters?|artillery|air ?strikes?|strikes?|air ?raids?|raids|shelling|bombardment|bombing|barrel bombs?|cluster bombs?|snipers?|rockets?|launchers?|mortars?|fire|car bombs?)$/i.test(
        p.text,
      ) || WEAPON_AFTER.test(after);
    if (
      !roles.by &&
      (AGENT_BEFORE.test(before) || AGENT_AFTER.test(after) || weaponNoun || /^\s*claimed responsibility/i.test(after))
    ) {
      if (!TARGET_AFTER.test(after) && !/\b(?:held|controlled) by\s+(?:the\s+)?$/i.test(before)) {
        roles.by = { ...p, strong: true };
        continue;
      }
    }
    if (!roles.against && (TARGET_BEFORE.test(before) || TARGET_AFTER.test(after)) && p.id !== roles.by?.id) {
      roles.against = { ...p, strong: true };
    }
  }
  if (unk && (!roles.by || roles.by.start > base + unk.index)) {
    const s = base + unk.index;
    roles.by = { start: s, end: s + unk[0].length, text: unk[0], id: null, strong: true };
  }
  // a single armed actor that was not marked as a target or speaker is most likely the perpetrator
  if (!roles.by) {
    // a bare country name ("Turkey", "Iran", "Britain") in an incident sentence is politics or a
    // speaker's base far more often than the attacker: only a pattern makes a state the perpetrator
    const bareState = (p: Party) => p.id !== null && registry.get(p.id)?.kind === 'state' && !/\s/.test(p.text.trim());
    const free = all.filter(
      (p) =>
        p.start !== roles.against?.start &&
        !bareState(p) &&
        !SPEAKER_AFTER.test(sentence.slice(p.end - base, p.end - base + 40)),
    );
    if (free.length === 1 && !isVictimPhrase(sentence, free[0].start - base, free[0].end - base)) roles.by = free[0];
  }
  if (!roles.against && civiliansKilled) {
    const m = CIVILIAN_VICTIMS.exec(sentence);
    if (m) roles.against = { start: base + m.index, end: base + m.index + m[0].length, text: m[0], id: 'civilians' };
  }
  if (roles.by && roles.against && roles.by.id !== null && roles.by.id === roles.against.id) roles.against = undefined;
  return roles;
}

const UNKNOWN_GATE = /unidentified|unknown|unmarked/;
const NAT_GATE = /Russian|Turkish|American|Iranian|Israeli|Syrian|Jordanian|Iraqi|British|French|US\b|U\.S\./;
const REGIME_GATE = /regime|government|loyalist|assad/;
const REBEL_GATE = /rebel|opposition|insurgent/;

/**
 * The few phrase names resolved here ("regime forces", "Russia") recur in every report: their
 * resolution is cached per registry, name and instant (a report resolves all its names at its
 * publication instant, so the same few keys repeat).
 */
const resolutions = new WeakMap<ActorRegistry, Map<string, ReturnType<ActorRegistry['resolve']>>>();
function resolveCached(registry: ActorRegistry, name: string, at: number | undefined) {
  let cache = resolutions.get(registry);
  if (!cache) {
    cache = new Map();
    resolutions.set(registry, cache);
  }
  const key = `${name}|${at ?? ''}`;
  let r = cache.get(key);
  if (!r) {
    r = registry.resolve(name, at);
    if (cache.size > 10_000) cache.clear();
    cache.set(key, r);
  }
  return r;
}

/** The actor names the victims: "killing 5 IS fighters", "at least 45 Islamic State militants (were killed)". */
function isVictimPhrase(sentence: string, at: number, end: number): boolean {
  const before = sentence.slice(Math.max(0, at - 40), at);
  return (
    /\b(?:killing|killed|kill|kills|wounding|including|among them|of)\s+(?:\w+\s+){0,3}$/i.test(before) ||
    (COUNTED.test(before) && MEMBERS_AFTER.test(sentence.slice(end, end + 30)))
  );
}
/** a cardinal right before the name and a members noun after it ("45 IS militants"): the casualties of a toll */
const MEMBERS_AFTER =
  /^(?:'s|’s)?\s+(?:\w+\s+)?(?:fighters|militants|members|soldiers|troops|jihadists|terrorists|rebels|gunmen|personnel|elements)\b/i;
const COUNTED =
  /\b(?:(?!19\d\d|20\d\d)\d+|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|dozens|scores|hundreds)\s+(?:more\s+|other\s+)?$/i;
const WEAPON_AFTER =
  /^(?:'s|’s|-led)?\s+(?:coalition\s+|-led coalition\s+)?(?:war ?planes?|jets?|aircraft|air ?strikes?|air ?raids?|raids|strikes|shelling|bombardment|barrel bombs?|artillery|helicopters?|drones?|rockets?|missiles?)\b/i;
