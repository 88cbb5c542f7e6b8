/**
 * The bulletin as Markdown (CommonMark with GFM tables). Untrusted text is escaped inline; the map
 * and the chart are SVG images, either `data:` URIs (one self-contained file) or files written
 * beside the Markdown (`truce bulletin --out`), since many Markdown viewers strip inline SVG.
 */
import { escapeMarkdown as md, safeUrl } from './escape.js';
import { daysText, delta, hasActivity, humanType, pair, base64Utf8 } from './format.js';
import type { Bulletin, BulletinSource, ClaimRow, CountRow, ObligationRow } from './model.js';
import { renderChartSvg } from './svg-chart.js';
import { renderMapSvg } from './svg-map.js';

export interface MarkdownImages {
  /** where the map and the chart are linked from; data: URIs when absent */
  mapHref?: string;
  chartHref?: string;
}

export function renderMarkdown(b: Bulletin, images: MarkdownImages = {}): string {
  const L: string[] = [];
  L.push(`# ${md(b.title)}: ${b.date}`, '');
  L.push(`Day reported: ${b.date} (${md(b.tz)}); compared with ${b.previousDate}. Figures read "today (previous day)".`, '');
  const t = b.totals;
  L.push('| | today | previous day | change |', '|---|---:|---:|---:|');
  for (const [label, c] of [
    ['Incidents', t.incidents],
    ['Violations', t.violations],
    ['Undetermined', t.undetermined],
    ['Fatalities', t.fatalities],
  ] as const) {
    L.push(`| ${label} | ${c.today} | ${c.previous} | ${delta(c)} |`);
  }
  L.push('');
  L.push(`![Map of the day's incidents](${images.mapHref ?? svgDataUri(renderMapSvg(b.map))})`, '');

  L.push('## By agreement', '');
  L.push('| agreement | status | violations | change | undetermined | fatalities |', '|---|---|---:|---:|---:|---:|');
  for (const a of b.agreements) {
    L.push(`| ${md(a.label)} | ${md((a.status ?? '').replace(/_/g, ' '))} | ${pair(a.violations)} | ${delta(a.violations)} | ${pair(a.undetermined)} | ${pair(a.fatalities)} |`);
  }
  L.push('');
  countTable(L, 'By party', 'party', b.parties);
  L.push(`![Violations per party](${images.chartHref ?? svgDataUri(renderChartSvg(b.chart, b.date, b.previousDate))})`, '');
  countTable(L, 'By guarantor answering', 'guarantor', b.guarantors);
  countTable(L, 'By zone', 'zone', b.zones);

  L.push('## Notable incidents', '');
  if (b.notable.length === 0) L.push('No violation or undetermined incident was recorded on this day.', '');
  for (const n of b.notable) {
    const deaths = n.fatalities === null ? 'fatalities unknown' : `${n.fatalities} killed`;
    L.push(`### ${md(n.id)}: ${md(humanType(n.type))}, ${md(n.place)}`, '');
    L.push(`${md(n.when)}; by ${md(n.by)} against ${md(n.against)}; ${deaths}.`, '');
    if (n.description) L.push(`> ${md(n.description)}`, '');
    for (const v of n.verdicts) {
      const who = [v.party && `attributed to ${md(v.party)}`, v.answerable && `answerable: ${md(v.answerable)}`].filter(Boolean);
      const rule = v.rule ? ` under rule ${md(v.rule)}${v.clause ? ` (${md(v.clause)})` : ''}` : '';
      L.push(`- **${v.verdict.replace('_', ' ')}** of ${md(v.agreement)}${rule}${who.length ? `; ${who.join('; ')}` : ''}`);
      for (const r of v.reasons) L.push(`  - ${md(r)}`);
    }
    if (n.verdicts.length) L.push('');
    if (n.sources.length) {
      L.push('Sources:', '');
      for (const s of n.sources) L.push(`- ${source(s)}`);
      L.push('');
    }
  }

  L.push('## Obligations', '');
  obligationList(L, 'Due within a week', b.obligations.due, 'No obligation falls due within a week.');
  obligationList(L, 'Missed', b.obligations.missed, 'No obligation has been missed.');

  L.push('## Claims and denials', '');
  claimList(L, 'Claims', b.claims);
  claimList(L, 'Denials', b.denials);
  return `${L.join('\n').replace(/\n+$/, '')}\n`;
}

function countTable(L: string[], title: string, what: string, rows: CountRow[]): void {
  L.push(`## ${title}`, '');
  const active = rows.filter(hasActivity);
  if (active.length === 0) {
    L.push(`No violation attributed to any ${what} on either day.`, '');
    return;
  }
  L.push(`| ${what} | violations | change | undetermined | fatalities |`, '|---|---:|---:|---:|---:|');
  for (const r of active) {
    L.push(`| ${md(r.label)} | ${pair(r.violations)} | ${delta(r.violations)} | ${pair(r.undetermined)} | ${pair(r.fatalities)} |`);
  }
  L.push('');
}

function obligationList(L: string[], title: string, rows: ObligationRow[], none: string): void {
  L.push(`### ${title}`, '');
  if (rows.length === 0) {
    L.push(none, '');
    return;
  }
  for (const o of rows) {
    const who = o.who.length ? ` (${o.who.map(md).join(', ')})` : '';
    const clause = o.clause ? `, ${md(o.clause)}` : '';
    L.push(`- ${md(o.agreement)} / ${md(o.rule)}: ${md(humanType(o.kind))}${who}${clause}; due ${md(o.due ?? 'never')}, ${daysText(o)} (${o.status})`);
    for (const e of o.evidence) L.push(`  - ${md(e)}`);
  }
  L.push('');
}

function claimList(L: string[], title: string, rows: ClaimRow[]): void {
  L.push(`### ${title}`, '');
  if (rows.length === 0) {
    L.push(`No ${title.toLowerCase()} recorded on this day.`, '');
    return;
  }
  for (const c of rows) {
    const about = [c.agreement && `agreement ${md(c.agreement)}`, c.incident && `incident ${md(c.incident)}`].filter(Boolean);
    L.push(`- ${md(c.when)}, ${md(c.speaker)}: “${md(c.text)}”${about.length ? ` (${about.join(', ')})` : ''}${c.source ? `; ${source(c.source)}` : ''}`);
  }
  L.push('');
}

function source(s: BulletinSource): string {
  const name = md(s.outlet ?? s.title ?? 'source');
  const url = safeUrl(s.url);
  const link = url ? `[${name}](<${url.replace(/[<>\s]/g, encodeURIComponent)}>)` : name;
  const title = s.title && s.outlet ? `, ${md(s.title)}` : '';
  return `${link}${title}${s.quote ? `: “${md(s.quote)}”` : ''}`;
}

function svgDataUri(svg: string): string {
  return `data:image/svg+xml;base64,${base64Utf8(svg)}`;
}
