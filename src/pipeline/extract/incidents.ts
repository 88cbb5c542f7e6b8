/**
 * Assembling incidents from sentence-level facts.
 *
 * A sentence with an event trigger and something to anchor it (a place, a date, an actor or a
 * casualty figure) opens an incident; following sentences that name no other place add to it
 * (news repeats the lead with details: the death toll, the perpetrator, the town). A sentence
 * naming a different place opens a new incident. Missing facts are taken from context the way
 * annotators do (ACLED Codebook, "Date" and "Location" sections): the nearest earlier date or
 * place in the same paragraph, then the report's dateline, then the publication date.
 */
import type { DateMention } from './dates.js';
import { classify } from './event-types.js';
import type { FatalityFacts, Span } from './fatalities.js';
import type { ResolvedPlace } from './places.js';
import type { Party, Roles } from './roles.js';

export interface SentenceFacts {
  index: number;
  block: number;
  start: number;
  end: number;
  text: string;
  trigger?: { type: string } & Span;
  fatalities?: FatalityFacts;
  dates: DateMention[];
  places: ResolvedPlace[];
  actors: Party[];
  roles: Roles;
  hypothetical: boolean;
  denied: boolean;
}

export interface Draft {
  type: string;
  typeSpan: Span;
  typeRank: number;
  block: number;
  date?: DateMention;
  place?: ResolvedPlace;
  roles: Roles;
  fatalities?: FatalityFacts;
  sentences: number[];
  description: string;
  dateFromContext?: boolean;
  placeFromContext?: boolean;
}

/**
 * A toll sentence about other events than the report's own: a span of time up to now ("since
 * April", "so far this year", "over the past week"), an earlier day ("earlier this week", "last
 * month"), or the past perfect outside reported speech (which backshifts: "he said 20 had been
 * killed" is the news itself). Such a sentence neither opens an incident nor gives one its toll.
 */
const BACKGROUND =
  /\b(?:since (?:the (?:start|beginning|outbreak)|(?:early |late |mid-?)?(?:january|february|march|april|may|june|july|august|september|october|november|december|19\d\d|20\d\d|then|last|it began))|so far (?:this|in)|earlier this (?:week|month|year)|last (?:week|month|year)|(?:over|in|during) the (?:past|last) (?:few |several |\w+ )?(?:weeks|months|years)|(?:this|last) year alone|in total|a total of|altogether)\b/i;
const PAST_PERFECT = /\bhad (?:been )?(?:killed|died)\b/i;
const REPORTED = /\b(?:said|says|told|reported|according to|added|claimed|stated)\b/i;
export function isBackground(text: string): boolean {
  return BACKGROUND.test(text) || (PAST_PERFECT.test(text) && !REPORTED.test(text));
}

const RANK: Record<string, number> = {};
for (const [i, t] of [
  'attack',
  'armed_clash',
  'remote_explosive_landmine_ied',
  'shelling_artillery_missile_attack',
  'air_drone_strike',
  'suicide_bomb',
  'chemical_weapon',
].entries())
  RANK[t] = i + 1;

/** Political violence (ranked by specificity above), as opposed to protests, arrests and other events. */
export const isViolent = (type: string): boolean => RANK[type] !== undefined;

/** Two places can be the same incident's place: same point, or one is the admin area of the other. */
export function samePlace(a: ResolvedPlace['place'], b: ResolvedPlace['place']): boolean {
  if (a.name === b.name) return true;
  if ((a.level === 'governorate' || b.level === 'governorate') && a.admin1 && a.admin1 === b.admin1) return true;
  if ((a.level === 'district' || b.level === 'district') && a.admin2 && a.admin2 === b.admin2) return true;
  // one lies within the other's radius: a neighbourhood of the city ("Homs" and "al-Waer"), for
  // settlements only (a countryside's radius would swallow every village in it)
  const r = Math.max(a.precision_km, b.precision_km);
  return r <= 10 && kmBetween(a, b) <= r;
}
function kmBetween(a: { lat: number; lon: number }, b: { lat: number; lon: number }): number {
  const r = Math.PI / 180;
  const h =
    Math.sin(((b.lat - a.lat) * r) / 2) ** 2 +
    Math.cos(a.lat * r) * Math.cos(b.lat * r) * Math.sin(((b.lon - a.lon) * r) / 2) ** 2;
  return 12742 * Math.asin(Math.sqrt(h));
}

const LEVEL_ORDER = { neighbourhood: 0, place: 1, subdistrict: 2, district: 3, governorate: 4 } as const;
function moreSpecific(a: ResolvedPlace, b: ResolvedPlace): boolean {
  return (
    LEVEL_ORDER[a.place.level] < LEVEL_ORDER[b.place.level] ||
    (a.place.level === b.place.level && a.place.precision_km < b.place.precision_km)
  );
}

/** The sentence's place for its event: the most specific one, preferring those after the trigger. */
function pickPlace(s: SentenceFacts): ResolvedPlace | undefined {
  let best: ResolvedPlace | undefined;
  for (const p of s.places) if (!best || moreSpecific(p, best)) best = p;
  return best;
}

export function assemble(sentences: SentenceFacts[], givenDocDate: DateMention | undefined): Draft[] {
  let docDate = givenDocDate;
  let docDateSeen = false;
  const drafts: Draft[] = [];
  let cur: Draft | undefined;
  let lastDate: DateMention | undefined;
  let lastPlace: ResolvedPlace | undefined;
  let lastBlock = -1;
  for (const s of sentences) {
    if (s.block !== lastBlock) {
      lastBlock = s.block;
      lastPlace = undefined;
    }
    const pastDates = s.dates.filter((d) => !d.future && !d.role);
    const dateline = s.dates.find((d) => d.role === 'dateline');
    if (dateline && !docDateSeen) {
      docDate = dateline;
      docDateSeen = true;
    }
    const place = pickPlace(s);
    const anchored = place || s.fatalities || pastDates.length || s.actors.length || s.roles.by;
    const background = !!s.fatalities && isBackground(s.text);
    // a toll with no trigger ("Syria troops kill at least 50 jihadists near Lebanon") is an event
    // of unknown means: ACLED's residual `attack`, upgraded when a later sentence names the weapon
    const trig =
      s.trigger ??
      (s.fatalities?.total !== undefined && !s.hypothetical && !background && !s.denied
        ? tollTrigger(s.fatalities)
        : undefined);
    const opens =
      trig &&
      anchored &&
      !(s.hypothetical && !s.fatalities) &&
      !(s.denied && !s.fatalities) &&
      !(background && !s.trigger);
    const canJoin =
      !!cur &&
      (!place || !cur.place || samePlace(place.place, cur.place.place)) &&
      (s.block === cur.block || !place || trig?.type === cur.type);
    if (opens && trig && !canJoin) {
      cur = {
        type: trig.type,
        typeSpan: trig,
        typeRank: RANK[trig.type] ?? 0,
        block: s.block,
        roles: { ...s.roles },
        sentences: [s.index],
        description: s.text,
        fatalities: s.fatalities,
      };
      drafts.push(cur);
      const near = nearest(pastDates, trig.start);
      if (near) cur.date = near;
      else if (lastDate) {
        cur.date = lastDate;
        cur.dateFromContext = true;
      } else if (docDate) {
        cur.date = docDate;
        cur.dateFromContext = true;
      }
      if (place) cur.place = place;
      else if (lastPlace) {
        cur.place = lastPlace;
        cur.placeFromContext = true;
      }
    } else if (
      cur &&
      canJoin &&
      (opens || s.fatalities || s.roles.by || (place && placeless(cur) && refersBack(s.text)))
    ) {
      // a follow-up sentence about the same incident: fill gaps, sharpen the place, keep the
      // lowest casualty figure (ACLED), upgrade the type when the detail is more specific
      cur.sentences.push(s.index);
      if (trig && (RANK[trig.type] ?? 0) > cur.typeRank && RANK[cur.type] !== undefined) {
        cur.type = trig.type;
        cur.typeSpan = trig;
        cur.typeRank = RANK[trig.type] ?? 0;
      }
      if (place && (!cur.place || cur.placeFromContext || moreSpecific(place, cur.place))) {
        cur.place = place;
        cur.placeFromContext = false;
      }
      if ((!cur.date || cur.dateFromContext) && pastDates[0]) {
        cur.date = pastDates[0];
        cur.dateFromContext = false;
      }
      // a role marked by a pattern beats one guessed from a lone actor; the lead's strong roles stay
      if (s.roles.by && (!cur.roles.by || (!cur.roles.by.strong && s.roles.by.strong))) cur.roles.by = s.roles.by;
      if (s.roles.against && (!cur.roles.against || (!cur.roles.against.strong && s.roles.against.strong)))
        cur.roles.against = s.roles.against;
      if (s.fatalities && !s.hypothetical && !background)
        cur.fatalities = mergeFatalities(cur.fatalities, s.fatalities);
    }
    if (pastDates.length) lastDate = pastDates[pastDates.length - 1];
    if (place) lastPlace = place;
  }
  return foldHeadline(drafts);
}

/**
 * The report's main incident is the one its headline and lead are about (ACLED and the labelling
 * guide: one event per report's lead). A headline glued to its lead ("Russian Airstrikes Hit MSF
 * Hospital in Idlib. A hospital ... in Maaret al-Nouman in rural Idlib was hit ... At least seven
 * people were killed") opens a draft of its own when the lead names a more specific place; the two
 * are one event when they are the report's first two drafts, the lead starts within two sentences
 * of the headline, the types agree (or the headline's is the residual `attack` of a bare toll), the
 * days agree and the governorate is the same. The lead's detail (place, toll) fills the headline's.
 */
function foldHeadline(drafts: Draft[]): Draft[] {
  if (drafts.length < 2) return drafts;
  const [h, l] = drafts;
  if (h.sentences[0] > 1 || l.sentences[0] > h.sentences[h.sentences.length - 1] + 2) return drafts;
  if (h.type !== l.type && !(h.type === 'attack' && isViolent(l.type))) return drafts;
  const day = (d: Draft) => d.date?.when.slice(0, 10);
  if (day(h) && day(l) && day(h) !== day(l)) return drafts;
  const a1 = (d: Draft) => d.place?.place.admin1;
  if (!a1(h) || a1(h) !== a1(l)) return drafts;
  const ht = h.fatalities?.total;
  const lt = l.fatalities?.total;
  // two tolls that differ are two events ("kill 12 in X ... 5 more died in Y")
  if (ht !== undefined && lt !== undefined && ht !== lt && !h.fatalities?.vague) return drafts;
  const merged: Draft = {
    ...h,
    type: l.typeRank > h.typeRank ? l.type : h.type,
    typeSpan: l.typeRank > h.typeRank ? l.typeSpan : h.typeSpan,
    typeRank: Math.max(h.typeRank, l.typeRank),
    place: l.place && h.place && moreSpecific(l.place, h.place) ? l.place : h.place,
    placeFromContext: l.place && h.place && moreSpecific(l.place, h.place) ? l.placeFromContext : h.placeFromContext,
    date: h.date && !h.dateFromContext ? h.date : (l.date ?? h.date),
    dateFromContext: h.date && !h.dateFromContext ? false : l.date ? l.dateFromContext : h.dateFromContext,
    roles: {
      ...h.roles,
      by: h.roles.by?.strong || !l.roles.by ? h.roles.by : l.roles.by,
      against: h.roles.against?.strong || !l.roles.against ? h.roles.against : l.roles.against,
    },
    fatalities: l.fatalities ? mergeFatalities(h.fatalities, l.fatalities) : h.fatalities,
    sentences: [...h.sentences, ...l.sentences],
  };
  return [merged, ...drafts.slice(2)];
}

/**
 * The incident's figure is the first one reported (the lead gives the event's toll; later
 * sentences break it down by place or victim), replaced only by an explicit update ("the toll
 * rose to 86"). Conflicting figures for the same group within one sentence were already reduced
 * to the lowest (ACLED) in fatalities.ts.
 */
function mergeFatalities(a: FatalityFacts | undefined, b: FatalityFacts): FatalityFacts {
  if (!a || a.total === undefined) return b;
  if ((b.update || (a.vague && !b.vague)) && b.total !== undefined && (b.total >= a.total || a.vague)) {
    // the replacing figure's own vagueness counts ("dozens" -> "160 were killed" is exact now)
    return { ...a, ...defined(b), vague: b.vague, evidence: [...a.evidence, ...b.evidence] };
  }
  return {
    ...a,
    civilians: a.civilians ?? (b.civilians !== undefined && b.civilians <= a.total ? b.civilians : undefined),
    children: a.children ?? (b.children !== undefined && b.children <= a.total ? b.children : undefined),
    evidence: a.evidence,
  };
}
function defined<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}

export { classify };

/** The incident has no place of its own yet (none, or one carried over from context). */
const placeless = (d: Draft) => !d.place || !!d.placeFromContext;
/**
 * A definite description of the event ("the strike hit the village of Thalthana", "Tuesday's
 * attack in the town of Khan Sheikhun"): a sentence that names a place and refers back to the
 * incident gives it its place (definite anaphora, cf. Vieira & Poesio 2000 on definite
 * descriptions that corefer with an earlier event).
 */
const REFERS_BACK =
  /\b(?:the|this|that|[A-Z][a-z]+days?|[A-Z][a-z]+day's|yesterday's|today's)\s+(?:\w+\s+)?(?:strikes?|attacks?|raids?|bombings?|assault|shelling|massacre|explosion|blast|airstrikes?|air strikes?|bombardment)\b/;
function refersBack(text: string): boolean {
  return REFERS_BACK.test(text);
}

/** The pseudo-trigger of a toll sentence without a trigger: its first figure, typed `attack`. */
function tollTrigger(f: FatalityFacts): ({ type: string } & Span) | undefined {
  const e = f.evidence[0];
  return e && { type: 'attack', start: e.start, end: e.end, text: e.text };
}

function nearest(dates: DateMention[], at: number): DateMention | undefined {
  let best: DateMention | undefined;
  for (const d of dates) if (!best || Math.abs(d.start - at) < Math.abs(best.start - at)) best = d;
  return best;
}
