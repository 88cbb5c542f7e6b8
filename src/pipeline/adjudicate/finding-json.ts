/**
 * A finding as one JSON line, byte for byte what JSON.stringify writes, built by concatenation:
 * ids, verdicts and most reasons need no escaping, so each string is quoted directly and only
 * the rare one with a quote, backslash, control character or surrogate goes through
 * JSON.stringify. Writing findings was ~15 % of `truce adjudicate` (BENCHMARKS.md, adjudicate).
 */
import type { Finding } from '../../domain/finding.js';

// characters JSON.stringify escapes (ECMA-262 QuoteJSONString, with well-formed surrogates)
// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are exactly what JSON escapes
const NEEDS_ESCAPE = /["\\\u0000-\u001f\ud800-\udfff]/;

function str(s: string): string {
  return NEEDS_ESCAPE.test(s) ? JSON.stringify(s) : `"${s}"`;
}

function strOrNull(s: string | null | undefined): string {
  return s === null || s === undefined ? 'null' : str(s);
}

/** JSON.stringify(f) for a finding built by the adjudicator (fields in its order, all present). */
export function findingJson(f: Finding): string {
  let reasons = '';
  for (let k = 0; k < f.reasons.length; k++) reasons += k === 0 ? str(f.reasons[k]) : `,${str(f.reasons[k])}`;
  const sources =
    f.sources === undefined ? '' : `,"sources":${f.sources.length === 0 ? '[]' : JSON.stringify(f.sources)}`;
  return `{"incident":${str(f.incident)},"agreement":${str(f.agreement)},"verdict":"${f.verdict}","rule":${strOrNull(
    f.rule,
  )},"clause":${strOrNull(f.clause)},"party":${strOrNull(f.party)},"answerable":${strOrNull(
    f.answerable,
  )},"reasons":[${reasons}]${sources}}`;
}
