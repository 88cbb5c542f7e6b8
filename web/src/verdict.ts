/** Verdict badges; the palette is shared with the bulletin (src/bulletin/verdict-style.ts). */
import { VERDICT_COLOURS, VERDICT_LABELS, type VerdictOrNone } from '../../src/bulletin/verdict-style.js';
import { h } from './dom.js';

export { VERDICT_COLOURS, VERDICT_LABELS };

export function badge(verdict: string | null | undefined): HTMLElement {
  const v = (verdict ?? 'none') as VerdictOrNone;
  const colour = VERDICT_COLOURS[v] ?? VERDICT_COLOURS.none;
  return h('span', { class: `badge verdict-${v}`, style: `background:${colour}` }, VERDICT_LABELS[v] ?? String(verdict));
}

export function humanType(t: string): string {
  return t.replace(/_/g, ' ');
}

export function formatWhen(s: string | null | undefined): string {
  if (!s) return '';
  return s.replace(/T(\d\d:\d\d)(:00(\.000)?)?/, ' $1');
}
