/**
 * The violations timeline: one line per party (or guarantor) over the period, and dashed beside
 * it the same party's previous period of equal length, bucket for bucket, so a rise or a fall
 * reads at a glance (the day-against-previous-day comparison of monitoring reports, stretched over
 * a period). Drawn with uPlot (https://github.com/leeoniya/uPlot).
 */
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import type { ComplianceSeries } from './api.js';
import { h } from './dom.js';

const PALETTE = ['#1b9e77', '#d95f02', '#7570b3', '#e7298a', '#66a61e', '#e6ab02', '#a6761d', '#666666'];
const MAX_SERIES = 6;

export function timelineChart(data: ComplianceSeries, width: number): HTMLElement {
  const series = [...data.series].sort((a, b) => b.total + b.previous_total - (a.total + a.previous_total)).slice(0, MAX_SERIES);
  const wrap = h('div', { class: 'timeline', 'data-testid': 'timeline' });
  const totals = h(
    'ul',
    { class: 'timeline-totals' },
    series.map((s, i) =>
      h('li', null, h('span', { class: 'swatch', style: `background:${PALETTE[i % PALETTE.length]}` }), `${s.label}: ${s.total} `, h('span', { class: 'prev' }, `(previous period ${s.previous_total})`)),
    ),
  );
  if (series.length === 0) {
    wrap.append(h('p', { class: 'quiet' }, 'No violations in this period or the one before.'));
    return wrap;
  }
  const xs = series[0].points.map((p) => Date.parse(p.start) / 1000);
  const aligned: uPlot.AlignedData = [
    xs,
    ...series.map((s) => s.points.map((p) => p.count)),
    ...series.map((s) => xs.map((_, i) => s.previous[i]?.count ?? null)),
  ];
  const opts: uPlot.Options = {
    width,
    height: 220,
    legend: { show: false },
    scales: { x: { time: true }, y: { range: (_u, _min, max) => [0, Math.max(1, max)] } },
    axes: [{}, { label: `violations per ${data.bucket}` }],
    series: [
      {},
      ...series.map((s, i) => ({ label: s.label, stroke: PALETTE[i % PALETTE.length], width: 2 })),
      ...series.map((s, i) => ({ label: `${s.label} (previous)`, stroke: PALETTE[i % PALETTE.length], width: 1, dash: [5, 4] })),
    ],
  };
  const caption = h(
    'p',
    { class: 'quiet' },
    `${data.period.from.slice(0, 10)} to ${data.period.to.slice(0, 10)}, solid; the previous period (${data.previous_period.from.slice(0, 10)} to ${data.previous_period.to.slice(0, 10)}) dashed, aligned bucket by bucket.`,
  );
  wrap.append(totals, caption);
  const plotHost = h('div');
  wrap.append(plotHost);
  new uPlot(opts, aligned, plotHost);
  return wrap;
}
