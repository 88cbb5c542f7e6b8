/**
 * Report submission (monitor role): a report's text goes to the API, which stores it, extracts
 * incidents with evidence and adjudicates them; the page shows what came out.
 */
import { api } from '../api.js';
import { hasRole, whoAmI } from '../context.js';
import { h, mount } from '../dom.js';
import { errorBox } from '../errors.js';
import type { Page } from '../page.js';
import { href } from '../route.js';
import { badge, formatWhen, humanType } from '../verdict.js';

export function submitPage(): Page {
  return {
    async render(el) {
      const me = await whoAmI().catch(() => null);
      const text = h('textarea', { name: 'text', rows: 10, cols: 80, required: true, minlength: 20, 'data-testid': 'report-text-input', placeholder: 'Paste the report text (at least 20 characters)…' });
      const title = h('input', { name: 'title', size: 60 });
      const outlet = h('input', { name: 'outlet', size: 30 });
      const url = h('input', { name: 'url', type: 'url', size: 60 });
      const published = h('input', { name: 'published', type: 'date' });
      const result = h('div', { class: 'submit-result', 'data-testid': 'submit-result', role: 'status' });
      const button = h('button', { type: 'submit' }, 'Submit report');
      const form = h(
        'form',
        {
          class: 'submit',
          'data-testid': 'submit-form',
          onsubmit: async (e: Event) => {
            e.preventDefault();
            button.disabled = true;
            result.replaceChildren('Submitting…');
            try {
              const r = await api.submitReport({
                text: text.value,
                title: title.value || undefined,
                outlet: outlet.value || undefined,
                url: url.value || undefined,
                published: published.value || undefined,
              });
              mount(
                result,
                h('p', null, `Report ${r.report.id} stored; ${r.incidents.length} incident${r.incidents.length === 1 ? '' : 's'} found.`),
                h(
                  'ul',
                  { 'data-testid': 'submitted-incidents' },
                  r.incidents.map((i) =>
                    h('li', null, badge(i.verdict), ' ', h('a', { href: href(`/incidents/${encodeURIComponent(i.id)}`) }, `${humanType(i.type)} ${i.id}`), ` · ${formatWhen(i.when)} · ${i.where.name ?? ''}`),
                  ),
                ),
              );
            } catch (err) {
              result.replaceChildren(errorBox(err));
            } finally {
              button.disabled = false;
            }
          },
        },
        h('label', null, 'Text', text),
        h('label', null, 'Title', title),
        h('label', null, 'Outlet', outlet),
        h('label', null, 'URL', url),
        h('label', null, 'Published', published),
        button,
      );
      mount(
        el,
        h('h1', null, 'Submit a report'),
        me && hasRole(me, 'monitor') ? null : h('p', { class: 'error' }, 'Submitting needs a monitor token: enter it at the top right.'),
        form,
        result,
      );
    },
  };
}
