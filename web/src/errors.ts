/** An API or network error as a visible message, with the offending fields of a 400. */
import { ApiError } from './api.js';
import { h } from './dom.js';

export function errorBox(err: unknown): HTMLElement {
  const msg = err instanceof ApiError ? `${err.message} (${err.code}, HTTP ${err.status})` : err instanceof Error ? err.message : String(err);
  const fields = err instanceof ApiError && Array.isArray(err.fields) ? (err.fields as { path?: string; message?: string }[]) : [];
  return h('div', { class: 'error', role: 'alert' }, msg, fields.length ? h('ul', null, fields.map((f) => h('li', null, `${f.path ?? ''}: ${f.message ?? ''}`))) : null);
}
