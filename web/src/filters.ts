/**
 * The incident filters, read from and written to the URL: time range, agreement, zone, verdict,
 * party, type, review state and free text. The same names as the API's query parameters, so the
 * URL's query goes to the API as it is.
 */
import { type ActorRef, type AgreementSummary, REVIEW_STATES, VERDICTS } from './api.js';
import { h } from './dom.js';
import { currentRoute, list, setParams } from './route.js';
import { VERDICT_LABELS, humanType } from './verdict.js';

export const FILTER_KEYS = ['from', 'to', 'bbox', 'agreement', 'zone', 'verdict', 'party', 'type', 'review', 'q'] as const;

const TYPES = [
  'armed_clash',
  'air_drone_strike',
  'shelling_artillery_missile_attack',
  'attack',
  'remote_explosive_landmine_ied',
  'suicide_bomb',
  'chemical_weapon',
  'government_regains_territory',
  'non_state_actor_overtakes_territory',
  'abduction_forced_disappearance',
  'looting_property_destruction',
  'grenade',
  'sexual_violence',
];

/** The API query parameters of the current filters. */
export function filterQuery(params: URLSearchParams): Record<string, string> {
  const out: Record<string, string> = {};
  for (const k of FILTER_KEYS) {
    const v = params.get(k);
    if (v) out[k] = v;
  }
  return out;
}

export function filterBar(params: URLSearchParams, agreements: AgreementSummary[], actors: Map<string, ActorRef>): HTMLElement {
  const set = (k: string) => (e: Event) => setParams({ [k]: (e.target as HTMLInputElement).value || null });
  const select = (k: string, label: string, options: [string, string][]) =>
    h(
      'label',
      null,
      label,
      h(
        'select',
        { name: k, onchange: set(k), 'data-filter': k },
        h('option', { value: '' }, 'any'),
        options.map(([v, text]) => h('option', { value: v, selected: params.get(k) === v }, text)),
      ),
    );
  const verdicts = list(params, 'verdict');
  const text = h('input', { type: 'search', name: 'q', value: params.get('q') ?? '', placeholder: 'text', 'data-filter': 'q' });
  let timer = 0;
  text.addEventListener('input', () => {
    clearTimeout(timer);
    timer = window.setTimeout(() => setParams({ q: text.value || null }), 350);
  });
  return h(
    'form',
    { class: 'filters', 'data-testid': 'filters', onsubmit: (e: Event) => e.preventDefault() },
    h('label', null, 'from', h('input', { type: 'date', name: 'from', value: params.get('from') ?? '', onchange: set('from'), 'data-filter': 'from' })),
    h('label', null, 'to', h('input', { type: 'date', name: 'to', value: params.get('to') ?? '', onchange: set('to'), 'data-filter': 'to' })),
    select(
      'agreement',
      'agreement',
      agreements.map((a) => [a.id, a.short_name ?? a.title]),
    ),
    select(
      'party',
      'party',
      [...actors.values()].sort((a, b) => a.name.localeCompare(b.name)).map((a) => [a.id, a.name]),
    ),
    select(
      'type',
      'type',
      TYPES.map((t) => [t, humanType(t)]),
    ),
    select(
      'review',
      'review',
      REVIEW_STATES.map((s) => [s, s]),
    ),
    h(
      'fieldset',
      { class: 'verdicts' },
      h('legend', null, 'verdict'),
      VERDICTS.map((v) =>
        h(
          'label',
          { class: `chip verdict-${v}` },
          h('input', {
            type: 'checkbox',
            value: v,
            checked: verdicts.includes(v),
            'data-filter': `verdict-${v}`,
            onchange: (e: Event) => {
              const now = list(currentRoute().params, 'verdict').filter((x) => x !== v);
              setParams({ verdict: (e.target as HTMLInputElement).checked ? [...now, v] : now });
            },
          }),
          VERDICT_LABELS[v],
        ),
      ),
    ),
    text,
    params.get('bbox') ? h('button', { type: 'button', onclick: () => setParams({ bbox: null }) }, 'clear area') : null,
    h('button', { type: 'button', onclick: () => setParams(Object.fromEntries(FILTER_KEYS.map((k) => [k, null]))) }, 'reset'),
  );
}
