/**
 * Verdict colours and words shared by the bulletin and the dashboard. The palette is ColorBrewer's
 * diverging RdYlBu (Brewer, colorbrewer2.org), chosen because it stays distinguishable for the
 * common forms of colour blindness; "none" (no finding yet) is a neutral grey.
 */
export const VERDICT_COLOURS = {
  violation: '#d7301f',
  undetermined: '#fdae61',
  permitted: '#2c7bb6',
  not_applicable: '#8c8c8c',
  none: '#5a5a5a',
} as const;

export const VERDICT_LABELS = {
  violation: 'violation',
  undetermined: 'undetermined',
  permitted: 'permitted',
  not_applicable: 'not applicable',
  none: 'no finding',
} as const;

export type VerdictOrNone = keyof typeof VERDICT_COLOURS;
