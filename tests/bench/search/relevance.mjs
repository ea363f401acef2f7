// Relevance of NewsSite's search against Pagefind on the same built pages, in headless Chromium.
// node relevance.mjs --corpus DIR --site DIR --pagefind DIR --tools DIR [--chromium PATH] [--per-kind 40] [--seed 7]
//                     [--engines newssite,pagefind] [--kinds 'kind,kind'] [--dump FILE]
//   --corpus:   the gen_corpus.py output (content/<section>/<slug>.md), where queries are made from
//   --engines:  which engines to run (default both);  --kinds: run only these kinds of query (the queries of a kind
//               are the same either way);  --dump: also write every query's ten results as JSON there
//   --site:     our build of that corpus;  --pagefind: Pagefind's bundle for the same pages (articles only)
// Queries are made from the articles' own text; the article a query was made from is its target. For each engine
// and query a fresh browser context opens the search page (cold cache), the query is put in the box (one input
// event, as a paste), and the first ten results are read; a second query follows in the same page (warm).
import { createServer } from 'node:http';
import { readFileSync, readdirSync, statSync, existsSync, writeFileSync } from 'node:fs';
import { join, extname, resolve, basename } from 'node:path';
import { createRequire } from 'node:module';

const args = Object.fromEntries(process.argv.slice(2).reduce((pairs, value, i, all) => (i % 2 === 0 ? [...pairs, [value.replace(/^--/, ''), all[i + 1]]] : pairs), []));
const corpus = resolve(args.corpus);
const site = resolve(args.site);
const pagefind = resolve(args.pagefind);
const here = new URL('.', import.meta.url).pathname;
const require = createRequire(join(resolve(args.tools || '.'), 'package.json'));
const { chromium } = require('playwright-core');
const perKind = Number(args['per-kind'] || 40);

// ---- a seeded random source, so the same corpus always gives the same queries
let seed = Number(args.seed || 7) >>> 0;
const random = () => { seed = (seed + 0x6D2B79F5) >>> 0; let t = seed; t = Math.imul(t ^ (t >>> 15), t | 1); t ^= t + Math.imul(t ^ (t >>> 7), t | 61); return ((t ^ (t >>> 14)) >>> 0) / 4294967296; };
const pick = list => list[Math.floor(random() * list.length)];

// ---- the corpus: headline and plain body text per article, and its page's URL on the built site
const STOP = new Set(JSON.parse(readFileSync(join(site, 'search/data/meta.json'), 'utf8')).stopWords);
const words = text => (text.normalize('NFD').replace(/\p{Mn}/gu, '').toLowerCase().match(/[\p{L}\p{Nd}]+(?:'[\p{L}\p{Nd}]+)*/gu) || []);
function unquote(value) {
  const v = value.trim();
  if (v.startsWith("'") && v.endsWith("'")) return v.slice(1, -1).replace(/''/g, "'");
  if (v.startsWith('"') && v.endsWith('"')) return JSON.parse(v);
  return v;
}
function plain(markdown) {
  return markdown.split('\n')
    .filter(line => !/^\s*\|/.test(line))                      // tables
    .map(line => line.replace(/^\s*(#+|>|-)\s*/, ''))          // headings, quotes, bullets
    .join('\n')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')                   // links
    .replace(/[*_`]/g, '');
}
const urls = new Map();
(function findPages(dir, depth) {
  for (const name of readdirSync(dir)) {
    const full = join(dir, name);
    if (!statSync(full).isDirectory()) continue;
    if (depth === 4 && existsSync(join(full, 'index.html'))) urls.set(name, full.slice(site.length).replace(/\\/g, '/') + '/');
    else if (depth < 4 && !['search', 'assets', 'tags', 'authors', 'page'].includes(name)) findPages(full, depth + 1);
  }
})(site, 0);
const articles = [];
for (const section of readdirSync(join(corpus, 'content'))) {
  for (const file of readdirSync(join(corpus, 'content', section))) {
    if (!file.endsWith('.md')) continue;
    const text = readFileSync(join(corpus, 'content', section, file), 'utf8');
    const end = text.indexOf('\n---', 4);
    const front = text.slice(4, end);
    const headline = unquote((front.match(/^headline:(.*)$/m) || [, ''])[1]);
    const url = urls.get(basename(file, '.md'));
    if (url) articles.push({ url, headline, body: plain(text.slice(end + 4)), all: new Set(words(text)) });
  }
}
articles.sort((a, b) => (a.url < b.url ? -1 : 1));
const df = new Map();
for (const a of articles) for (const w of a.all) df.set(w, (df.get(w) || 0) + 1);

// ---- queries, by kind
const content = list => list.filter(w => !STOP.has(w) && w.length >= 3);
function typo(word) {
  const i = 1 + Math.floor(random() * (word.length - 2));
  const letters = 'abcdefghijklmnopqrstuvwxyz';
  switch (Math.floor(random() * 4)) {
    case 0: return word.slice(0, i) + word.slice(i + 1);                                        // drop
    case 1: return word.slice(0, i) + word[i + 1] + word[i] + word.slice(i + 2);               // swap
    case 2: return word.slice(0, i) + pick([...letters].filter(l => l !== word[i])) + word.slice(i + 1); // change
    default: return word.slice(0, i) + pick([...letters]) + word.slice(i);                      // add
  }
}
// The most distinctive of some phrases of the article (the lowest product of its words' document frequencies):
// what a reader who remembers a line would quote.
function bodyPhrase(article, length) {
  const sentences = article.body.split(/(?<=[.!?])\s+|\n+/).map(s => s.match(/[\p{L}\p{Nd}]+(?:'[\p{L}\p{Nd}]+)*/gu) || []).filter(s => s.length >= length + 2);
  let best = null;
  let bestScore = Infinity;
  for (let attempt = 0; attempt < 30 && sentences.length > 0; attempt++) {
    const s = pick(sentences);
    const start = Math.floor(random() * (s.length - length));
    const phrase = s.slice(start, start + length);
    const meaningful = content(phrase.map(w => w.toLowerCase()));
    if (meaningful.length < 3) continue;
    const score = meaningful.reduce((sum, w) => sum + Math.log(df.get(w) || 1), 0);
    if (score < bestScore) { best = phrase.join(' '); bestScore = score; }
  }
  return best;
}
const makers = {
  'rare headline words': a => {
    const ws = [...new Set(content(words(a.headline)))].sort((x, y) => df.get(x) - df.get(y) || (x < y ? -1 : 1)).slice(0, 2);
    return ws.length === 2 ? words(a.headline).filter(w => ws.includes(w)).filter((w, i, all) => all.indexOf(w) === i).join(' ') : null;
  },
  'common headline words': a => {
    const ws = [...new Set(content(words(a.headline)))].sort((x, y) => df.get(y) - df.get(x) || (x < y ? -1 : 1)).slice(0, 2);
    return ws.length === 2 ? words(a.headline).filter(w => ws.includes(w)).filter((w, i, all) => all.indexOf(w) === i).join(' ') : null;
  },
  'body phrase': a => bodyPhrase(a, 4),
  'quoted body phrase': a => { const p = bodyPhrase(a, 4); return p && `"${p}"`; },
  'ends in a stop word': a => {
    const ws = words(a.headline);
    const spots = ws.map((w, i) => i).filter(i => i > 0 && STOP.has(ws[i]) && !STOP.has(ws[i - 1]));
    if (spots.length === 0) return null;
    const i = pick(spots);
    return ws.slice(Math.max(0, i - 2), i + 1).join(' ');
  },
  'typo': a => {
    const ws = [...new Set(content(words(a.headline)))].sort((x, y) => df.get(x) - df.get(y) || (x < y ? -1 : 1));
    const long = ws.find(w => w.length >= 5 && /^[a-z]+$/.test(w));
    const other = ws.find(w => w !== long);
    return long && other ? words(a.headline).filter(w => w === long || w === other).filter((w, i, all) => all.indexOf(w) === i).map(w => (w === long ? typo(w) : w)).join(' ') : null;
  },
};
const queries = [];
for (const [kind, make] of Object.entries(makers)) {
  let made = 0;
  const used = new Set();
  for (let tries = 0; made < perKind && tries < perKind * 20; tries++) {
    const article = pick(articles);
    if (used.has(article.url)) continue;
    const query = make(article);
    if (query) { queries.push({ kind, query, target: article.url }); made++; used.add(article.url); }
  }
}

if (args.kinds) {
  const wanted = args.kinds.split(',');
  queries.splice(0, queries.length, ...queries.filter(q => wanted.includes(q.kind)));
}

// ---- a plain static server on loopback: the site, Pagefind's bundle under /pagefind/, and the bench page
const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css', '.json': 'application/json', '.wasm': 'application/wasm' };
let served = [];
const server = createServer((req, res) => {
  const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
  let file = path === '/pagefind-bench.html' ? join(here, 'pagefind-bench.html')
    : path.startsWith('/pagefind/') ? join(pagefind, path.slice('/pagefind/'.length)) : join(site, path);
  if (!file.startsWith(site) && !file.startsWith(pagefind) && !file.startsWith(here)) { res.writeHead(403); return res.end(); }
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

const engines = [
  { name: 'newssite', url: '/search/', input: '#search-q', links: '#search-results .search-result-title a', count: () => document.querySelectorAll('#search-results li').length && Number((document.querySelector('#search-status').textContent.match(/(\d+) results?/) || [, 0])[1]),
    isIndex: p => p.startsWith('/search/data/') || /^\/assets\/search(\.[0-9a-f]+)?\.js$/.test(p) },
  { name: 'pagefind', url: '/pagefind-bench.html?bundle=pagefind', input: '#q', links: '#results li a', count: () => Number((document.querySelector('#status').textContent.match(/^(\d+)/) || [, 0])[1]),
    isIndex: p => p.startsWith('/pagefind/') },
].filter(e => !args.engines || args.engines.split(',').includes(e.name));

const normal = href => new URL(href, origin).pathname.replace(/index\.html$/, '');
async function ask(page, engine, query) {
  const t0 = Date.now();
  await page.evaluate(() => { window.__last = null; });
  await page.locator(engine.input).fill(query);
  await page.waitForFunction(q => window.__last && window.__last.query === q, query, { timeout: 30000 });
  const ms = await page.evaluate(() => window.__last.at - window.__last.input);
  const links = (await page.locator(engine.links).evaluateAll(as => as.map(a => a.getAttribute('href')))).slice(0, 10).map(normal);
  const count = await page.evaluate(engine.count);
  return { links, count, ms, wall: Date.now() - t0 };
}

const rows = [];
for (const engine of engines) {
  for (let i = 0; i < queries.length; i += 2) {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.addInitScript(() => {
      document.addEventListener('input', () => { window.__input = performance.now(); }, true);
      document.addEventListener('search:rendered', e => { window.__last = { query: e.detail.query, input: window.__input, at: performance.now() }; });
    });
    served = [];
    await page.goto(origin + engine.url, { waitUntil: 'load' });
    await page.waitForFunction(() => window.NewsSiteSearch || document.body.dataset.ready === 'true');
    for (const [j, q] of [queries[i], queries[i + 1]].filter(Boolean).entries()) {
      if (j === 1) served = [];
      const result = await ask(page, engine, q.query);
      const bytes = served.filter(r => engine.isIndex(r.path)).reduce((s, r) => s + r.bytes, 0);
      const rankAt = result.links.indexOf(q.target) + 1;
      rows.push({ engine: engine.name, ...q, ...result, rank: rankAt, bytes, cold: j === 0 });
    }
    await context.close();
    if (i % 40 === 0) process.stderr.write(`${engine.name}: ${i} of ${queries.length} queries\n`);
  }
}
await browser.close();
server.close();
if (args.dump) writeFileSync(args.dump, JSON.stringify(rows.map(({ engine, kind, query, target, links, rank, count }) => ({ engine, kind, query, target, links, rank, count })), null, 1));

// ---- the table
const median = values => { const s = [...values].sort((a, b) => a - b); return s.length === 0 ? 0 : s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2; };
const f2 = x => x.toFixed(2);
console.log(`## Relevance: ${articles.length} articles, ${queries.length} queries (${perKind} per kind), Chromium, cold context per pair of queries\n`);
console.log('| kind | engine | recall@1 | recall@10 | MRR | zero results | KB cold (page + query) | KB second query | ms to results |');
console.log('|---|---|---|---|---|---|---|---|---|');
for (const kind of [...Object.keys(makers), 'all']) {
  for (const engine of engines) {
    const mine = rows.filter(r => r.engine === engine.name && (kind === 'all' || r.kind === kind));
    if (mine.length === 0) continue;
    const r1 = mine.filter(r => r.rank === 1).length / mine.length;
    const r10 = mine.filter(r => r.rank >= 1).length / mine.length;
    const mrr = mine.reduce((s, r) => s + (r.rank ? 1 / r.rank : 0), 0) / mine.length;
    const zero = mine.filter(r => r.count === 0).length;
    const cold = median(mine.filter(r => r.cold).map(r => r.bytes)) / 1000;
    const warm = median(mine.filter(r => !r.cold).map(r => r.bytes)) / 1000;
    console.log(`| ${kind} | ${engine.name} | ${f2(r1)} | ${f2(r10)} | ${f2(mrr)} | ${zero} | ${cold.toFixed(1)} | ${warm.toFixed(1)} | ${median(mine.map(r => r.ms)).toFixed(0)} |`);
  }
}
if (args.details) {
  console.log('\n| engine | kind | query | rank | results | KB |');
  console.log('|---|---|---|---|---|---|');
  for (const r of rows) console.log(`| ${r.engine} | ${r.kind} | ${r.query} | ${r.rank || '-'} | ${r.count} | ${(r.bytes / 1000).toFixed(1)} |`);
}
