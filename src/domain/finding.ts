/**
 * A finding: the verdict of one agreement on one incident, with the reasons a monitor can
 * read out (formats.md §5, §6).
 */
export const VERDICTS = ['violation', 'permitted', 'undetermined', 'not_applicable'] as const;
export type Verdict = (typeof VERDICTS)[number];

export interface Finding {
  incident: string;
  agreement: string;
  verdict: Verdict;
  /** the rule that decided, null when none applies */
  rule: string | null;
  /** the clause of the agreement that rule enforces, when the workspace cites it */
  clause?: string | null;
  /** the actor the verdict is attributed to (`by`), null when unknown */
  party: string | null;
  /** the guarantor that answers for `party`, null when none */
  answerable: string | null;
  reasons: string[];
  sources?: { outlet?: string; url?: string }[];
}
