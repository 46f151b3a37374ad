/**
 * A GraphQL IDE that works offline: one self-contained page (no CDN, no bundle) with an editor for the query and
 * its variables, the response, and the schema's SDL from introspection. Served on GET /graphql to browsers in
 * development only.
 */
export const IDE_HTML = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>SongNodes GraphQL</title>
<style>
body{margin:0;font:14px/1.4 system-ui,sans-serif;display:grid;grid-template:auto 1fr/1fr 1fr;height:100vh}
header{grid-column:1/3;padding:8px 12px;background:#111;color:#eee;display:flex;gap:12px;align-items:center}
textarea,pre{box-sizing:border-box;width:100%;margin:0;padding:10px;font:13px/1.4 ui-monospace,monospace;border:0;outline:0}
.left{display:grid;grid-template-rows:2fr 1fr;border-right:1px solid #ccc}.left textarea+textarea{border-top:1px solid #ccc}
pre{overflow:auto;background:#fafafa}button{padding:4px 14px}
</style></head><body>
<header><strong>SongNodes GraphQL</strong><button id="run" title="Ctrl+Enter">Run</button>
<button id="sdl">Schema</button><input id="token" placeholder="admin token (mutations)" size="28"></header>
<div class="left"><textarea id="query" spellcheck="false">{
  stats { tracks transitions setlists lastSyncAt }
  searchTracks(query: "robert hood", first: 5) { edges { node { id artistCredit title version plays } } }
}</textarea><textarea id="variables" spellcheck="false">{}</textarea></div>
<pre id="out"></pre>
<script>
const out = document.getElementById('out');
async function post(query, variables) {
  const headers = { 'content-type': 'application/json' };
  const token = document.getElementById('token').value.trim();
  if (token) headers.authorization = 'Bearer ' + token;
  const res = await fetch(location.pathname, { method: 'POST', headers, body: JSON.stringify({ query, variables }) });
  return res.json();
}
async function run() {
  let variables = {};
  try { variables = JSON.parse(document.getElementById('variables').value || '{}'); } catch (e) { out.textContent = 'variables: ' + e.message; return; }
  out.textContent = '…';
  out.textContent = JSON.stringify(await post(document.getElementById('query').value, variables), null, 2);
}
document.getElementById('run').onclick = run;
document.addEventListener('keydown', (e) => { if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) run(); });
document.getElementById('sdl').onclick = async () => {
  const r = await post('{ __schema { types { name kind description fields { name args { name type { name kind ofType { name kind ofType { name } } } } type { name kind ofType { name kind ofType { name } } } } } } }', {});
  const show = (t) => t ? (t.kind === 'NON_NULL' ? show(t.ofType) + '!' : t.kind === 'LIST' ? '[' + show(t.ofType) + ']' : t.name) : '?';
  out.textContent = r.data.__schema.types.filter((t) => !t.name.startsWith('__') && t.fields)
    .map((t) => 'type ' + t.name + ' {\\n' + t.fields.map((f) => '  ' + f.name + (f.args.length ? '(' + f.args.map((a) => a.name + ': ' + show(a.type)).join(', ') + ')' : '') + ': ' + show(f.type)).join('\\n') + '\\n}').join('\\n\\n');
};
</script></body></html>`;
