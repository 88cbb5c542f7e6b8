/**
 * The bulletin's chart as inline SVG: horizontal bars per category, the reported day beside the
 * day before (the comparison every monitoring report leads with). Pure string building.
 */
import { escapeHtml } from './escape.js';
import type { ChartModel } from './model.js';

const WIDTH = 640;
const LABEL_W = 200;
const BAR_H = 9;
const ROW_H = 2 * BAR_H + 10;
const TOP = 28;
const TODAY = '#d7301f';
const PREVIOUS = '#fcae91';

export function renderChartSvg(chart: ChartModel, todayLabel: string, previousLabel: string): string {
  const height = TOP + Math.max(chart.bars.length, 1) * ROW_H + 8;
  const max = Math.max(1, ...chart.bars.flatMap((b) => [b.today, b.previous]));
  const scale = (WIDTH - LABEL_W - 40) / max;
  const out: string[] = [];
  out.push(
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${WIDTH} ${height}" width="${WIDTH}" height="${height}" role="img" aria-label="${escapeHtml(chart.title)}" font-family="sans-serif" font-size="11">`,
  );
  out.push(`<text x="0" y="12" font-weight="bold">${escapeHtml(chart.title)}</text>`);
  out.push(
    `<rect x="${LABEL_W}" y="4" width="10" height="10" fill="${TODAY}"/><text x="${LABEL_W + 14}" y="13">${escapeHtml(todayLabel)}</text>`,
    `<rect x="${LABEL_W + 110}" y="4" width="10" height="10" fill="${PREVIOUS}"/><text x="${LABEL_W + 124}" y="13">${escapeHtml(previousLabel)}</text>`,
  );
  if (chart.bars.length === 0) {
    out.push(`<text x="0" y="${TOP + 12}" fill="#555">No violations on either day.</text>`);
  }
  chart.bars.forEach((b, i) => {
    const y = TOP + i * ROW_H;
    out.push(`<text x="${LABEL_W - 6}" y="${y + BAR_H + 4}" text-anchor="end">${escapeHtml(truncate(b.label, 32))}</text>`);
    for (const [j, v, fill] of [
      [0, b.today, TODAY],
      [1, b.previous, PREVIOUS],
    ] as const) {
      const by = y + j * BAR_H;
      const w = Math.round(v * scale * 10) / 10;
      out.push(`<rect x="${LABEL_W}" y="${by}" width="${w}" height="${BAR_H - 1}" fill="${fill}"/>`);
      out.push(`<text x="${LABEL_W + w + 4}" y="${by + BAR_H - 1}" font-size="9">${v}</text>`);
    }
  });
  out.push('</svg>');
  return out.join('\n');
}

function truncate(s: string, n: number): string {
  return s.length > n ? `${s.slice(0, n - 1)}…` : s;
}
