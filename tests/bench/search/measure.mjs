// Measures NewsSite's search and Pagefind on one built site, in headless Chromium through playwright-core.
// node measure.mjs --site DIR --chromium /usr/bin/chromium   (run.sh sets NODE_PATH to the installed tools)
import { createServer } from 'node:http';
import { readFileSync, readdirSync, statSync, existsSync } from 'node:fs';
import { join, extname, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { createRequire } from 'node:module';

const args = Object.fromEntries(process.argv.slice(2).reduce((pairs, value, i, all) => (i % 2 === 0 ? [...pairs, [value.replace(/^--/, ''), all[i + 1]]] : pairs), []));
const site = resolve(args.site);
const require = createRequire(join(resolve(args.tools || '.'), 'package.json'));
const { chromium } = require('playwright-core');

// Two-word queries a reader of the generated corpus would type (its people, places and topics).
const QUERIES = (args.queries || 'election commission,finance ministry,tariff verdict,border talks,climate summit,kashmir ceasefire,monsoon trade').split(',');
const TYPING_DELAY_MS = 120;

// ---- sizes
function walk(dir, visit) {
  for (const name of readdirSync(dir)) {
    const full = join(dir, name);
    const stat = statSync(full);
    if (stat.isDirectory()) walk(full, visit); else visit(full, stat.size);
  }
}
function folderSize(dir) {
  let bytes = 0, gzip = 0, files = 0;
  if (!existsSync(dir)) return null;
  walk(dir, (file, size) => { bytes += size; files++; gzip += gzipSync(readFileSync(file), { level: 6 }).length; });
  return { bytes, gzip, files };
}
let html = 0, htmlFiles = 0;
walk(site, (file, size) => {
  if (file.endsWith('.html') && !file.includes('/pagefind') && !file.endsWith('pagefind-bench.html')) { html += size; htmlFiles++; }
});
const ours = folderSize(join(site, 'search/data'));
const pagefindAll = folderSize(join(site, 'pagefind'));
const pagefindArticles = folderSize(join(site, 'pagefind-articles'));

// ---- a plain static server on loopback (no compression, like a bare static host), counting bytes per request
const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css', '.json': 'application/json', '.wasm': 'application/wasm' };
let served = [];
const server = createServer((req, res) => {
  let path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
  let file = join(site, path);
  if (!file.startsWith(site)) { res.writeHead(403); return res.end(); }
  if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
  if (!existsSync(file)) { res.writeHead(404); return res.end(); }
  const body = readFileSync(file);
  served.push({ path, bytes: body.length });
  res.writeHead(200, { 'Content-Type': TYPES[extname(file)] || 'application/octet-stream', 'Content-Length': body.length });
  res.end(body);
});
await new Promise(r => server.listen(0, '127.0.0.1', r));
const origin = `http://127.0.0.1:${server.address().port}`;

const browser = await chromium.launch({
  executablePath: args.chromium || '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});

async function measure(url, input, isIndex) {
  const context = await browser.newContext(); // cold cache for every query
  const page = await context.newPage();
  await page.addInitScript(() => {
    window.__lastInput = 0; window.__rendered = 0; window.__firstShown = 0;
    document.addEventListener('input', () => { window.__lastInput = performance.now(); window.__rendered = 0; window.__firstShown = 0; }, true);
    // The first results of the last query on screen: ours puts the leading results up before the rest arrive.
    new MutationObserver(records => {
      const list = records.map(r => r.target).find(t => t.id === 'search-results' || t.id === 'results');
      if (window.__lastInput > 0 && window.__firstShown === 0 && list && list.children.length > 0) { window.__firstShown = performance.now(); }
    }).observe(document, { childList: true, subtree: true });
    document.addEventListener('search:rendered', e => {
      const field = document.querySelector('#search-q, #q');
      if (field && e.detail.query === field.value) window.__rendered = performance.now();
    });
  });
  served = [];
  await page.goto(origin + url, { waitUntil: 'load' });
  await page.waitForFunction(() => window.NewsSiteSearch || document.body.dataset.ready === 'true');
  const startup = served.filter(r => isIndex(r.path)).reduce((s, r) => s + r.bytes, 0);
  served = [];
  return {
    async type(query) {
      await page.locator(input).pressSequentially(query, { delay: TYPING_DELAY_MS });
      await page.waitForFunction(() => window.__rendered > 0 && window.__rendered >= window.__lastInput, null, { timeout: 30000 });
      const ms = await page.evaluate(() => window.__rendered - window.__lastInput);
      const firstMs = await page.evaluate(() => (window.__firstShown || window.__rendered) - window.__lastInput);
      const requests = served.filter(r => isIndex(r.path));
      const count = await page.locator('#search-results li, #results li').count();
      await context.close();
      return { ms, firstMs, startup, bytes: requests.reduce((s, r) => s + r.bytes, 0), requests: requests.length, shown: count };
    },
  };
}

const engines = [
  { name: 'newssite', url: '/search/', input: '#search-q', isIndex: p => p.startsWith('/search/data/') || /^\/assets\/search(\.[0-9a-f]+)?\.js$/.test(p) },
  { name: 'pagefind (all pages)', url: '/pagefind-bench.html?bundle=pagefind', input: '#q', isIndex: p => p.startsWith('/pagefind/') },
  { name: 'pagefind (articles)', url: '/pagefind-bench.html?bundle=pagefind-articles', input: '#q', isIndex: p => p.startsWith('/pagefind-articles/') },
].filter(e => e.name === 'newssite' || existsSync(join(site, e.url.includes('articles') ? 'pagefind-articles' : 'pagefind')));

// One warm-up query per engine (starts Chromium's processes), not counted.
for (const engine of engines) { await (await measure(engine.url, engine.input, engine.isIndex)).type('warm up'); }

const rows = [];
for (const engine of engines) {
  for (const query of QUERIES) {
    const result = await (await measure(engine.url, engine.input, engine.isIndex)).type(query);
    rows.push({ engine: engine.name, query, ...result });
  }
}
await browser.close();
server.close();

const median = values => { const s = [...values].sort((a, b) => a - b); return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2; };
const kb = b => (b / 1000).toFixed(1);
const pct = (a, b) => (100 * a / b).toFixed(1) + '%';

console.log(`## Search benchmark: ${htmlFiles} HTML pages, ${(html / 1e6).toFixed(1)} MB of HTML\n`);
console.log('| index | files | size MB | of HTML | gzip MB |');
console.log('|---|---|---|---|---|');
for (const [name, s] of [['newssite search/data', ours], ['pagefind (all pages)', pagefindAll], ['pagefind (articles only)', pagefindArticles]]) {
  if (s) console.log(`| ${name} | ${s.files} | ${(s.bytes / 1e6).toFixed(2)} | ${pct(s.bytes, html)} | ${(s.gzip / 1e6).toFixed(2)} |`);
}
console.log(`\nQueries typed at ${TYPING_DELAY_MS} ms a key, cold cache each. "startup" = index/script bytes fetched when the page opens; "query" = bytes fetched while typing; time = last keystroke's input event to results on screen (all of them; "first": the first of them).\n`);
console.log('| engine | query | startup KB | query KB | requests | total KB | ms to results | ms to first | shown |');
console.log('|---|---|---|---|---|---|---|---|---|');
for (const r of rows) console.log(`| ${r.engine} | ${r.query} | ${kb(r.startup)} | ${kb(r.bytes)} | ${r.requests} | ${kb(r.startup + r.bytes)} | ${r.ms.toFixed(1)} | ${r.firstMs.toFixed(1)} | ${r.shown} |`);
console.log('\n| engine | median total KB | max total KB | median ms | max ms | median ms to first |');
console.log('|---|---|---|---|---|---|');
for (const engine of engines) {
  const mine = rows.filter(r => r.engine === engine.name);
  const totals = mine.map(r => r.startup + r.bytes);
  console.log(`| ${engine.name} | ${kb(median(totals))} | ${kb(Math.max(...totals))} | ${median(mine.map(r => r.ms)).toFixed(1)} | ${Math.max(...mine.map(r => r.ms)).toFixed(1)} | ${median(mine.map(r => r.firstMs)).toFixed(1)} |`);
}
