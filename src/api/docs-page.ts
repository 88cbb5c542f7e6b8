/**
 * /docs: a self-contained page (no CDN: `truce serve` runs offline) that fetches /openapi.json and
 * lists every operation with its access rule, parameters, request body and responses, and the
 * error catalogue. Deliberately small; for a richer view, load /openapi.json into any OpenAPI tool.
 */
export function docsPage(): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Truce API</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>
body{font:15px/1.45 system-ui,sans-serif;max-width:960px;margin:2rem auto;padding:0 1rem;color:#222}
h1{margin-bottom:.2rem} .op{border:1px solid #ddd;border-radius:6px;margin:.6rem 0;padding:.2rem .8rem}
.op summary{cursor:pointer;padding:.4rem 0} .m{display:inline-block;width:4.2rem;font-weight:700;font-family:monospace}
.get{color:#1769aa}.post{color:#2e7d32}.put,.patch{color:#b26a00}.delete{color:#c62828}
code,pre{font-family:ui-monospace,monospace;font-size:13px} pre{background:#f6f6f6;padding:.5rem;overflow:auto;max-height:24rem}
.acc{float:right;font-size:12px;background:#eee;border-radius:4px;padding:0 .4rem} table{border-collapse:collapse}
td,th{border-bottom:1px solid #eee;padding:.2rem .5rem;text-align:left;vertical-align:top}
</style></head><body>
<h1>Truce API</h1><p id="desc">Loading <a href="/openapi.json">/openapi.json</a>…</p>
<div id="ops"></div>
<script>
const el = (tag, attrs = {}, ...kids) => { const e = document.createElement(tag); for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v); for (const k of kids) e.append(k); return e; };
const deref = (doc, s) => s && s.$ref ? doc.components.schemas[s.$ref.split('/').pop()] : s;
fetch('/openapi.json').then((r) => r.json()).then((doc) => {
  document.getElementById('desc').textContent = doc.info.title + ' ' + doc.info.version + '. ' + doc.info.description;
  const ops = document.getElementById('ops');
  for (const [path, item] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(item)) {
      const d = el('details', { class: 'op' });
      d.append(el('summary', {}, el('span', { class: 'm ' + method }, method.toUpperCase()), el('code', {}, path), ' ', op.summary || '',
        el('span', { class: 'acc' }, 'access: ' + (op['x-truce-access'] || 'public'))));
      if (op.description) d.append(el('p', {}, op.description));
      if (op.parameters && op.parameters.length) {
        const t = el('table', {}, el('tr', {}, el('th', {}, 'parameter'), el('th', {}, 'in'), el('th', {}, 'schema'), el('th', {}, 'description')));
        for (const p of op.parameters) t.append(el('tr', {}, el('td', {}, el('code', {}, p.name + (p.required ? ' *' : ''))), el('td', {}, p.in),
          el('td', {}, el('code', {}, JSON.stringify(p.schema))), el('td', {}, (p.description || p.schema?.description || ''))));
        d.append(t);
      }
      const body = op.requestBody?.content?.['application/json']?.schema;
      if (body) d.append(el('p', {}, 'Request body:'), el('pre', {}, JSON.stringify(deref(doc, body), null, 2)));
      for (const [status, r] of Object.entries(op.responses || {})) {
        d.append(el('p', {}, el('b', {}, status), ' ', r.description || ''));
      }
      ops.append(d);
    }
  }
});
</script></body></html>`;
}
