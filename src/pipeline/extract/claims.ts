/**
 * Claims: who says what about an agreement or an incident, and with which stance.
 *
 * Reported speech is found by its reporting verb ("said", "announced", "denied", "according
 * to"), the speaker as the actor or proper-noun phrase governing it (attribution extraction in
 * the manner of Pareti, "PARC 3.0", LREC 2016: source - cue - content). Stance is one of
 * asserts / denies / no_information; negation and hedging follow NegEx-style cue lists
 * (Chapman et al., J. Biomed. Inform. 2001) adapted to diplomatic news: "denied", "incorrect",
 * "no agreement as yet", "has not received any official proposal".
 */
import type { Span } from './fatalities.js';
import type { Party } from './roles.js';

export type Stance = 'asserts' | 'denies' | 'no_information';

export interface Claim {
  /** when the subject happens or takes effect, if the sentence dates it ("begins Thursday at midnight") */
  when?: string;
  speaker: string;
  speaker_actor?: string | null;
  stance: Stance;
  hedged?: boolean;
  subject: { kind: 'agreement' | 'incident'; text: string };
  evidence: { speaker: Span[]; cue: Span[]; stance: Span[]; subject: Span[]; when?: Span[] };
}

const AGREEMENT_STATUS = /\b(?:begins?|began|starts?|started|takes? effect|took effect|comes? into (?:force|effect)|came into (?:force|effect)|was signed|were signed|signed|agreed|expires?|expired|collapsed|is holding|held|was violated|ends?|ended)\b/i;

/**
 * A quoted paragraph that continues the previous speaker's quote ("News talking about their
 * approval of a ceasefire is incorrect." after "…," Labib Nahhas … added): the same speaker.
 */
export function quotedContinuation(sentence: string, base: number, previous?: Claim): Claim | undefined {
  // the whole sentence is a quotation: it has no speaker of its own
  if (!previous || !/^\s*["“][^"”]*[.!?]?["”]\s*$/.test(sentence)) return undefined;
  const agr = AGREEMENT.exec(sentence);
  if (!agr) return undefined;
  const span = (i: number, t: string): Span => ({ start: base + i, end: base + i + t.length, text: t });
  const noinfo = NO_INFO.exec(sentence);
  const neg = noinfo ? null : DENY.exec(sentence);
  return {
    speaker: previous.speaker,
    speaker_actor: previous.speaker_actor,
    stance: noinfo ? 'no_information' : neg ? 'denies' : 'asserts',
    hedged: HEDGE.test(sentence) ? true : undefined,
    subject: { kind: 'agreement', text: agr[0] },
    evidence: { speaker: previous.evidence.speaker, cue: [], stance: noinfo ? [span(noinfo.index, noinfo[0])] : neg ? [span(neg.index, neg[0])] : [], subject: [span(agr.index, agr[0])] },
  };
}

/**
 * A statement about an agreement made without a reporting verb ("The ceasefire begins Thursday
 * at midnight"): attributed to the speaker of the claim just before it, or to the report itself.
 */
export function agreementStatement(sentence: string, base: number, previous?: Claim): Claim | undefined {
  const agr = AGREEMENT.exec(sentence);
  const status = AGREEMENT_STATUS.exec(sentence);
  if (!agr || !status || REPORT_VERB.test(sentence)) return undefined;
  const span = (i: number, t: string): Span => ({ start: base + i, end: base + i + t.length, text: t });
  const noinfo = NO_INFO.exec(sentence);
  const neg = /\b(?:not|no|never)\b/i.exec(sentence);
  return {
    speaker: previous?.speaker ?? 'report',
    speaker_actor: previous?.speaker_actor,
    stance: noinfo ? 'no_information' : 'asserts',
    hedged: HEDGE.test(sentence) || (neg && !noinfo) ? true : undefined,
    subject: { kind: 'agreement', text: agr[0] },
    evidence: { speaker: previous?.evidence.speaker ?? [], cue: [span(status.index, status[0])], stance: noinfo ? [span(noinfo.index, noinfo[0])] : [], subject: [span(agr.index, agr[0])] },
  };
}

const REPORT_VERB =
  /\b(?:said|says|say|wrote|writes|tweeted|posted|announced|announces|stated|states|told|reported|reports|claimed|claims|confirmed|confirms|denied|denies|deny|insisted|added|declared|noted|stressed|affirmed|rejected|dismissed|warned|accused|according to|quoted)\b/i;
const AGREEMENT = /\b(?:cease-?fire|truce|agreement|deal|accord|de-?escalation|cessation of hostilities|peace talks|proposal|memorandum|negotiations|reconciliation|armistice|settlement|evacuation deal|talks)\b/i;
const DENY =
  /\b(?:denied|denies|deny|denying|refuted|refutes|rejected (?:the |these )?(?:claims?|reports?|allegations?)|dismissed (?:the |these )?(?:claims?|reports?)|incorrect|untrue|false|fabricated|baseless|no truth|not true|lies|fake news|groundless|categorically)\b/i;
const NO_INFO =
  /\b(?:no agreement (?:as yet|yet|so far)|not (?:yet )?(?:been )?(?:agreed|reached|finali[sz]ed|signed)|ha(?:s|ve) not (?:yet )?received|no official|not aware|unaware|no information|could not (?:confirm|verify)|unable to (?:confirm|verify)|cannot (?:confirm|verify)|not been informed|no knowledge|nothing (?:has been )?(?:agreed|signed)|too early to)\b/i;
const HEDGE = /\b(?:reportedly|allegedly|alleged|unconfirmed|rumou?rs?|purportedly|apparently|it is believed|may have|might have)\b/i;

/** One claim per reporting sentence about an agreement or an incident; undefined otherwise. */
export function findClaim(
  sentence: string,
  base: number,
  actors: Party[],
  aboutIncident: boolean,
  /** the subject of the claim just before, for replies like "a spokesman denied the news" */
  previous?: Claim['subject'],
): Claim | undefined {
  const verb = REPORT_VERB.exec(sentence);
  if (!verb) return undefined;
  const agr = AGREEMENT.exec(sentence);
  const inherits = !agr && !aboutIncident && previous && (DENY.test(sentence) || NO_INFO.test(sentence) || /\b(?:the|these|such) (?:news|reports?|claims?|statements?|allegations?)\b/i.test(sentence));
  if (!agr && !aboutIncident && !inherits) return undefined;
  const ev: Claim['evidence'] = { speaker: [], cue: [], stance: [], subject: [] };
  const span = (i: number, t: string): Span => ({ start: base + i, end: base + i + t.length, text: t });
  ev.cue.push(span(verb.index, verb[0]));

  // speaker: after "according to", else the actor or title phrase nearest before the verb,
  // else the first actor/proper noun after it ("..., said Mohammad Rasheed")
  let speaker: Span | undefined;
  let speakerActor: string | null | undefined;
  const vrel = verb.index;
  if (/according to|quoted/i.test(verb[0])) {
    const after = sentence.slice(vrel + verb[0].length, vrel + verb[0].length + 120);
    const m = /^\s*(?:the\s+|a\s+)?((?:[\p{Lu}][\w.'’-]*|of|for|the|and)(?:\s+(?:[\p{Lu}][\w.'’-]*|of|for|the|and)){0,7})/u.exec(after);
    if (m?.[1]) speaker = span(vrel + verb[0].length + m.index + m[0].length - m[1].length, m[1].replace(/\s+(?:of|for|the|and)$/, '').replace(/[.,;:]+$/, ''));
  }
  if (!speaker) {
    const beforeText = sentence.slice(0, vrel);
    const near = actors.filter((a) => a.end - base <= vrel && vrel - (a.end - base) < 60).pop();
    const title = lastTitle(beforeText);
    if (title && (!near || (title.index ?? 0) + title[0].length > near.end - base)) {
      speaker = span(title.index ?? 0, title[1].trim());
      speakerActor = actors.find((a) => a.start - base >= (title.index ?? 0) && a.end - base <= (title.index ?? 0) + title[0].length)?.id;
    } else if (near) {
      speaker = { start: near.start, end: near.end, text: near.text };
      speakerActor = near.id;
    } else if (/((?:[\p{Lu}][\p{L}'’.-]*\s+){1,4})$/u.test(beforeText.slice(-60))) {
      // a proper name right before the verb ("Putin announced", "Rami Abdel Rahman said"); the
      // end-anchored regex runs on the last 60 characters only (it retries from every position)
      const off = Math.max(0, beforeText.length - 60);
      const m = /((?:[\p{Lu}][\p{L}'’.-]*\s+){1,4})$/u.exec(beforeText.slice(off)) as RegExpExecArray;
      speaker = span(off + m.index, m[1].trim());
    } else {
      const after = sentence.slice(vrel + verb[0].length, vrel + verb[0].length + 80);
      const m = /^\s*(?:by\s+)?((?:[\p{Lu}][\w.'’-]*)(?:\s+[\p{Lu}][\w.'’-]*){0,4})/u.exec(after);
      if (m) speaker = span(vrel + verb[0].length + m.index + m[0].length - m[1].length, m[1]);
    }
  }
  if (speaker) {
    // "Turkish state media Wednesday said": the day is not part of the speaker
    const day = /\s+(?:on\s+)?(?:mon|tues|wednes|thurs|fri|satur|sun)day$/i.exec(speaker.text);
    if (day) speaker = { ...speaker, end: speaker.end - day[0].length, text: speaker.text.slice(0, day.index) };
    ev.speaker.push(speaker);
  }

  let stance: Stance = 'asserts';
  const neg = DENY.exec(sentence);
  const noinfo = NO_INFO.exec(sentence);
  if (noinfo) {
    stance = 'no_information';
    ev.stance.push(span(noinfo.index, noinfo[0]));
  } else if (neg) {
    stance = 'denies';
    ev.stance.push(span(neg.index, neg[0]));
  }
  const hedge = HEDGE.exec(sentence);
  if (hedge) ev.stance.push(span(hedge.index, hedge[0]));
  const subjectText = agr ? agr[0] : inherits && previous ? previous.text : 'incident';
  if (agr) ev.subject.push(span(agr.index, agr[0]));
  return {
    speaker: speaker?.text ?? 'unnamed',
    speaker_actor: speakerActor,
    stance,
    hedged: hedge ? true : undefined,
    subject: { kind: agr ? 'agreement' : inherits && previous ? previous.kind : 'incident', text: subjectText },
    evidence: ev,
  };
}

const TITLE_NOUN =
  /\b(?:spokes(?:man|woman|person)|minister|ministry|official|commander|source|sources|agency|observatory|president|leader|envoy|media|television|TV|monitor|group|army|command|council|office|statement)\b/gi;
/**
 * The speaker phrase around the last title noun before the verb ("the Syrian Observatory for
 * Human Rights", "A spokesman for Ahrar al-Sham"): the noun found by a plain scan, then up to five
 * words before it and an "of/for X" tail after it, by anchored regexes on short slices (the
 * one-regex version backtracked badly on long sentences).
 */
function lastTitle(before: string): RegExpExecArray | undefined {
  let noun: RegExpExecArray | null = null;
  TITLE_NOUN.lastIndex = 0;
  for (let m = TITLE_NOUN.exec(before); m; m = TITLE_NOUN.exec(before)) noun = m;
  if (!noun) return undefined;
  // up to five words back from the noun, scanned by hand (an end-anchored regex retries from
  // every position)
  let start = noun.index;
  for (let words = 0; words < 5; words++) {
    let k = start;
    while (k > 0 && /\s/.test(before[k - 1])) k--;
    if (k === start) break;
    let w = k;
    while (w > 0 && /[\w.'’-]/.test(before[w - 1])) w--;
    if (w === k) break;
    start = w;
  }
  const tail = /^(?:\s+(?:for|of)\s+(?:the\s+)?(?:(?:a[lnrsdt]-|el-)?[A-Z][\w.'’-]*\s*){1,5})?(?:\s+(?:a[lnrsdt]-|el-)?[A-Z][\w'’-]+){0,3}/.exec(before.slice(noun.index + noun[0].length, noun.index + noun[0].length + 120));
  const end = noun.index + noun[0].length + (tail ? tail[0].length : 0);
  const phrase = before.slice(start, end);
  const m = Object.assign([phrase, phrase], { index: start, input: before, groups: undefined }) as unknown as RegExpExecArray;
  trimTitle(m);
  return m;
}

/** Drop leading lower-case words ("children, the Syrian Observatory" -> "Syrian Observatory"). */
function trimTitle(m: RegExpExecArray | RegExpMatchArray): void {
  const t = m[1];
  const lead = /^(?:(?:[a-z][\w.'’-]*|[\d,]+)[\s,]+)+/.exec(t);
  const keep = lead && lead[0].length < t.length && /^(?:spokes|minister|ministry|official|source|agency|observatory|president|leader|envoy|media|television|statement|monitor|group|army|command|council|office)/i.test(t.slice(lead[0].length)) === false ? lead[0].length : 0;
  if (keep) {
    m[1] = t.slice(keep);
    m.index = (m.index ?? 0) + (m[0].length - t.length) + keep;
    m[0] = m[0].slice(m[0].length - t.length + keep);
  }
}
