/**
 * Verdict codes (integers in the hot loop) and the outcome of judging one incident against one
 * agreement. Strings are produced only for findings that are printed.
 */
import type { Rule } from '../../domain/agreement.js';
import type { Verdict } from '../../domain/finding.js';

export const VIOLATION = 0;
export const PERMITTED = 1;
export const UNDETERMINED = 2;
export const NOT_APPLICABLE = 3;
export const VERDICT_NAMES: readonly Verdict[] = ['violation', 'permitted', 'undetermined', 'not_applicable'];

export interface Outcome {
  verdict: number;
  /** the deciding rule, null when none */
  rule: Rule | null;
  /** actor code of `by` as written (the name at the incident's time is resolved on output), -1 unknown */
  party: number;
  /** actor code of the answerable guarantor, -1 none */
  answerable: number;
}

export function newOutcome(): Outcome {
  return { verdict: NOT_APPLICABLE, rule: null, party: -1, answerable: -1 };
}

export function sameOutcome(a: Outcome, b: Outcome): boolean {
  return a.verdict === b.verdict && a.rule?.id === b.rule?.id && a.party === b.party && a.answerable === b.answerable;
}

export function copyOutcome(from: Outcome, to: Outcome): void {
  to.verdict = from.verdict;
  to.rule = from.rule;
  to.party = from.party;
  to.answerable = from.answerable;
}
