/** The agreements of the workspace, with their status and size. */
import { agreementList } from '../context.js';
import { h, mount } from '../dom.js';
import type { Page } from '../page.js';
import { href } from '../route.js';

export function agreementsPage(): Page {
  return {
    async render(el) {
      const items = await agreementList();
      mount(
        el,
        h('h1', null, 'Agreements'),
        h(
          'table',
          { class: 'grid' },
          h('thead', null, h('tr', null, ['agreement', 'status', 'in force', 'parties', 'guarantors', 'excluded', 'rules'].map((c) => h('th', null, c)))),
          h(
            'tbody',
            null,
            items.map((a) =>
              h(
                'tr',
                null,
                h('td', null, h('a', { href: href(`/agreements/${encodeURIComponent(a.id)}`) }, a.short_name ?? a.title), h('div', { class: 'meta' }, a.id)),
                h('td', null, a.status.replace(/_/g, ' ')),
                h('td', null, `${a.in_force.from.slice(0, 10)} – ${a.in_force.until ? a.in_force.until.slice(0, 10) : 'open-ended'}`),
                h('td', { class: 'n' }, a.counts.bound),
                h('td', { class: 'n' }, a.counts.guarantors),
                h('td', { class: 'n' }, a.counts.excluded),
                h('td', { class: 'n' }, a.counts.rules),
              ),
            ),
          ),
        ),
      );
    },
  };
}
