/**
 * The bulletin's map as inline SVG: base map outlines, agreement zones, and the day's incidents as
 * circles coloured by their gravest verdict. Pure string building from an already projected
 * `MapModel`; every text that reaches the SVG is escaped.
 */
import { escapeHtml } from './escape.js';
import type { MapModel } from './model.js';
import { VERDICT_COLOURS, VERDICT_LABELS, type VerdictOrNone } from './verdict-style.js';

export function renderMapSvg(map: MapModel): string {
  const out: string[] = [];
  out.push(
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${map.width} ${map.height}" width="${map.width}" height="${map.height}" role="img" aria-label="Map of the day's incidents">`,
  );
  out.push(`<rect width="${map.width}" height="${map.height}" fill="#f4f1ea"/>`);
  for (const b of map.base) {
    out.push(`<path d="${b.d}" fill="#ffffff" stroke="#b9b2a3" stroke-width="0.6"><title>${escapeHtml(b.name)}</title></path>`);
  }
  for (const z of map.zones) {
    out.push(
      `<path d="${z.d}" fill="#6a51a3" fill-opacity="0.08" stroke="#6a51a3" stroke-width="1" stroke-dasharray="4 2"><title>${escapeHtml(`${z.agreement}: ${z.id}`)}</title></path>`,
    );
  }
  // gravest last, so violations are drawn on top
  const rank: Record<VerdictOrNone, number> = { none: 0, not_applicable: 1, permitted: 2, undetermined: 3, violation: 4 };
  const points = [...map.points].sort((a, b) => rank[a.verdict] - rank[b.verdict] || a.id.localeCompare(b.id));
  for (const p of points) {
    out.push(
      `<circle cx="${p.x}" cy="${p.y}" r="${p.r}" fill="${VERDICT_COLOURS[p.verdict]}" fill-opacity="0.85" stroke="#ffffff" stroke-width="0.8"><title>${escapeHtml(`${p.id}: ${VERDICT_LABELS[p.verdict]}`)}</title></circle>`,
    );
  }
  out.push(legend(map.height));
  out.push('</svg>');
  return out.join('\n');
}

function legend(height: number): string {
  const items: VerdictOrNone[] = ['violation', 'undetermined', 'permitted', 'not_applicable'];
  const rows = items.map(
    (v, i) =>
      `<circle cx="14" cy="${height - 14 - (items.length - 1 - i) * 14}" r="4" fill="${VERDICT_COLOURS[v]}"/><text x="22" y="${height - 10 - (items.length - 1 - i) * 14}" font-size="10" font-family="sans-serif" fill="#333">${VERDICT_LABELS[v]}</text>`,
  );
  return `<g class="legend">${rows.join('')}</g>`;
}
