/**
 * The bulletin as one self-contained HTML page (inline CSS, inline SVG map and chart, no script,
 * no external request), laid out for screen and for A4 print, which is also how the PDF is made.
 * Every piece of text goes through `escapeHtml`; links are kept only for http(s) URLs.
 */
import { escapeHtml as h, safeUrl } from './escape.js';
import { daysText, delta, hasActivity, humanType, pair } from './format.js';
import type { Bulletin, BulletinSource, ClaimRow, CountRow, DayCount, ObligationRow } from './model.js';
import { renderChartSvg } from './svg-chart.js';
import { renderMapSvg } from './svg-map.js';
import { VERDICT_COLOURS } from './verdict-style.js';

const CSS = `
body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans",sans-serif;color:#1d1d1d;max-width:820px;margin:24px auto;padding:0 16px}
h1{font-size:22px;margin:0 0 4px}h2{font-size:17px;border-bottom:1px solid #ddd;padding-bottom:2px;margin-top:28px}h3{font-size:15px;margin:18px 0 4px}
.meta{color:#555;margin:0 0 16px}table{border-collapse:collapse;width:100%;margin:6px 0 10px}th,td{border-bottom:1px solid #eee;padding:3px 6px;text-align:left}
td.n,th.n{text-align:right;font-variant-numeric:tabular-nums}.up{color:#b2182b}.down{color:#2166ac}.prev{color:#777}
.verdict{display:inline-block;padding:0 6px;border-radius:3px;color:#fff;font-size:12px}
ul.reasons{margin:2px 0 6px;color:#333}mark{background:#fff3a3}.quiet{color:#555}figure{margin:10px 0}svg{max-width:100%;height:auto}
@media print{body{margin:0;max-width:none}h2{break-after:avoid}.incident{break-inside:avoid}}
@page{size:A4;margin:14mm}
`;

export function renderHtml(b: Bulletin): string {
  const P: string[] = [];
  P.push('<!doctype html>', '<html lang="en">', '<head>', '<meta charset="utf-8">');
  // no script may run in a bulletin, whatever a report contains
  P.push(`<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">`);
  P.push(`<title>${h(b.title)}: ${b.date}</title>`, `<style>${CSS.trim()}</style>`, '</head>', '<body>');
  P.push(`<h1>${h(b.title)}: ${b.date}</h1>`);
  P.push(`<p class="meta">Day reported: ${b.date} (${h(b.tz)}), compared with ${b.previousDate}. Figures read “today (previous day)”.</p>`);
  const t = b.totals;
  P.push('<table class="totals"><thead><tr><th></th><th class="n">today</th><th class="n">previous day</th><th class="n">change</th></tr></thead><tbody>');
  for (const [label, c] of [
    ['Incidents', t.incidents],
    ['Violations', t.violations],
    ['Undetermined', t.undetermined],
    ['Fatalities', t.fatalities],
  ] as const) {
    P.push(`<tr><th>${label}</th><td class="n">${c.today}</td><td class="n prev">${c.previous}</td>${deltaCell(c)}</tr>`);
  }
  P.push('</tbody></table>');
  P.push(`<figure class="map">${renderMapSvg(b.map)}</figure>`);

  P.push('<h2>By agreement</h2>', '<table><thead><tr><th>agreement</th><th>status</th><th class="n">violations</th><th class="n">change</th><th class="n">undetermined</th><th class="n">fatalities</th></tr></thead><tbody>');
  for (const a of b.agreements) {
    P.push(`<tr><td>${h(a.label)}</td><td>${h((a.status ?? '').replace(/_/g, ' '))}</td><td class="n">${pair(a.violations)}</td>${deltaCell(a.violations)}<td class="n">${pair(a.undetermined)}</td><td class="n">${pair(a.fatalities)}</td></tr>`);
  }
  P.push('</tbody></table>');
  countTable(P, 'By party', 'party', b.parties);
  P.push(`<figure class="chart">${renderChartSvg(b.chart, b.date, b.previousDate)}</figure>`);
  countTable(P, 'By guarantor answering', 'guarantor', b.guarantors);
  countTable(P, 'By zone', 'zone', b.zones);

  P.push('<h2>Notable incidents</h2>');
  if (b.notable.length === 0) P.push('<p class="quiet">No violation or undetermined incident was recorded on this day.</p>');
  for (const n of b.notable) {
    const deaths = n.fatalities === null ? 'fatalities unknown' : `${n.fatalities} killed`;
    P.push(`<section class="incident" id="incident-${h(n.id)}">`);
    P.push(`<h3>${h(n.id)}: ${h(humanType(n.type))}, ${h(n.place)}</h3>`);
    P.push(`<p>${h(n.when)}; by ${h(n.by)} against ${h(n.against)}; ${deaths}.</p>`);
    if (n.description) P.push(`<blockquote>${h(n.description)}</blockquote>`);
    for (const v of n.verdicts) {
      const who = [v.party && `attributed to ${h(v.party)}`, v.answerable && `answerable: ${h(v.answerable)}`].filter(Boolean);
      const rule = v.rule ? ` under rule ${h(v.rule)}${v.clause ? ` (${h(v.clause)})` : ''}` : '';
      P.push(`<p><span class="verdict" style="background:${VERDICT_COLOURS[v.verdict]}">${v.verdict.replace('_', ' ')}</span> of ${h(v.agreement)}${rule}${who.length ? `; ${who.join('; ')}` : ''}</p>`);
      if (v.reasons.length) P.push(`<ul class="reasons">${v.reasons.map((r) => `<li>${h(r)}</li>`).join('')}</ul>`);
    }
    if (n.sources.length) P.push(`<p>Sources:</p><ul class="sources">${n.sources.map((s) => `<li>${source(s)}</li>`).join('')}</ul>`);
    P.push('</section>');
  }

  P.push('<h2>Obligations</h2>');
  obligationList(P, 'Due within a week', b.obligations.due, 'No obligation falls due within a week.');
  obligationList(P, 'Missed', b.obligations.missed, 'No obligation has been missed.');
  P.push('<h2>Claims and denials</h2>');
  claimList(P, 'Claims', b.claims);
  claimList(P, 'Denials', b.denials);
  P.push('</body>', '</html>');
  return `${P.join('\n')}\n`;
}

function deltaCell(c: DayCount): string {
  const cls = c.today > c.previous ? ' up' : c.today < c.previous ? ' down' : '';
  return `<td class="n${cls}">${delta(c)}</td>`;
}

function countTable(P: string[], title: string, what: string, rows: CountRow[]): void {
  P.push(`<h2>${title}</h2>`);
  const active = rows.filter(hasActivity);
  if (active.length === 0) {
    P.push(`<p class="quiet">No violation attributed to any ${what} on either day.</p>`);
    return;
  }
  P.push(`<table><thead><tr><th>${what}</th><th class="n">violations</th><th class="n">change</th><th class="n">undetermined</th><th class="n">fatalities</th></tr></thead><tbody>`);
  for (const r of active) {
    P.push(`<tr><td>${h(r.label)}</td><td class="n">${pair(r.violations)}</td>${deltaCell(r.violations)}<td class="n">${pair(r.undetermined)}</td><td class="n">${pair(r.fatalities)}</td></tr>`);
  }
  P.push('</tbody></table>');
}

function obligationList(P: string[], title: string, rows: ObligationRow[], none: string): void {
  P.push(`<h3>${title}</h3>`);
  if (rows.length === 0) {
    P.push(`<p class="quiet">${none}</p>`);
    return;
  }
  P.push('<ul class="obligations">');
  for (const o of rows) {
    const who = o.who.length ? ` (${o.who.map(h).join(', ')})` : '';
    const clause = o.clause ? `, ${h(o.clause)}` : '';
    const evidence = o.evidence.length ? `<ul>${o.evidence.map((e) => `<li>${h(e)}</li>`).join('')}</ul>` : '';
    P.push(`<li>${h(o.agreement)} / ${h(o.rule)}: ${h(humanType(o.kind))}${who}${clause}; due ${h(o.due ?? 'never')}, <strong>${daysText(o)}</strong> (${o.status})${evidence}</li>`);
  }
  P.push('</ul>');
}

function claimList(P: string[], title: string, rows: ClaimRow[]): void {
  P.push(`<h3>${title}</h3>`);
  if (rows.length === 0) {
    P.push(`<p class="quiet">No ${title.toLowerCase()} recorded on this day.</p>`);
    return;
  }
  P.push('<ul class="claims">');
  for (const c of rows) {
    const about = [c.agreement && `agreement ${h(c.agreement)}`, c.incident && `incident ${h(c.incident)}`].filter(Boolean);
    P.push(`<li>${h(c.when)}, ${h(c.speaker)}: “${h(c.text)}”${about.length ? ` (${about.join(', ')})` : ''}${c.source ? `; ${source(c.source)}` : ''}</li>`);
  }
  P.push('</ul>');
}

function source(s: BulletinSource): string {
  const name = h(s.outlet ?? s.title ?? 'source');
  const url = safeUrl(s.url);
  const link = url ? `<a href="${h(url)}">${name}</a>` : name;
  const title = s.title && s.outlet ? `, ${h(s.title)}` : '';
  return `${link}${title}${s.quote ? `: <mark>${h(s.quote)}</mark>` : ''}`;
}
