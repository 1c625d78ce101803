'use strict';
// What the tests know about the generated site: where it is, its HTML files, and its pages
// as listed in sitemap.xml (each with its language alternates). French slugs are read from
// the sitemap, not guessed.

const fs = require('node:fs');
const path = require('node:path');

const FACT_SHEET_EN = '/en/public-safety-canada/news/human-trafficking-progress/';

function publicDir() {
  const dir = process.env.TANDEM_PUBLIC;
  if (!dir) throw new Error('TANDEM_PUBLIC is not set: run the tests through tests/browser/run.sh <public-dir> <screenshot-dir>');
  if (!fs.existsSync(path.join(dir, 'index.html'))) {
    throw new Error(`${dir} has no index.html: build the site first (./build/tandem build)`);
  }
  return path.resolve(dir);
}

function screenshotDir() {
  const dir = process.env.TANDEM_SCREENSHOTS;
  if (!dir) throw new Error('TANDEM_SCREENSHOTS is not set: run the tests through tests/browser/run.sh');
  fs.mkdirSync(dir, { recursive: true });
  return dir;
}

// Every .html file under dir, as paths relative to it, sorted.
function htmlFiles(dir) {
  const out = [];
  const walk = (rel) => {
    for (const entry of fs.readdirSync(path.join(dir, rel), { withFileTypes: true })) {
      const r = rel ? `${rel}/${entry.name}` : entry.name;
      if (entry.isDirectory()) walk(r);
      else if (entry.isFile() && entry.name.endsWith('.html')) out.push(r);
    }
  };
  walk('');
  return out.sort();
}

function unescapeXml(s) {
  return s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');
}

function attr(tag, name) {
  const m = tag.match(new RegExp(`\\s${name}\\s*=\\s*("([^"]*)"|'([^']*)')`));
  return m ? unescapeXml(m[2] ?? m[3]) : null;
}

// Parses sitemap.xml into [{ loc, alternates: { en: url, fr: url } }].
function readSitemap(dir) {
  const file = path.join(dir, 'sitemap.xml');
  if (!fs.existsSync(file)) throw new Error(`${file} is missing: the tests find pages through it`);
  const xml = fs.readFileSync(file, 'utf8');
  const entries = [];
  for (const block of xml.match(/<url>[\s\S]*?<\/url>/g) || []) {
    const loc = block.match(/<loc>\s*([^<]*?)\s*<\/loc>/);
    if (!loc) continue;
    const alternates = {};
    for (const link of block.match(/<xhtml:link\b[^>]*>/g) || []) {
      const lang = attr(link, 'hreflang');
      const href = attr(link, 'href');
      if (lang && href) alternates[lang] = href;
    }
    entries.push({ loc: unescapeXml(loc[1]), alternates, xml: block });
  }
  return { xml, entries };
}

// The page types the readers' view tests visit, found through the sitemap.
function pagesToVisit(dir) {
  const { entries } = readSitemap(dir);
  if (entries.length === 0) throw new Error('sitemap.xml lists no URL');
  const byPath = new Map(entries.map((e) => [new URL(e.loc).pathname, e]));
  const need = (p, what) => {
    const e = byPath.get(p);
    if (!e) throw new Error(`sitemap.xml has no ${what} at ${p}`);
    return e;
  };
  const twin = (e, lang, what) => {
    const u = e.alternates[lang];
    if (!u) throw new Error(`sitemap.xml gives ${e.loc} no hreflang="${lang}" alternate (${what})`);
    return u;
  };

  const factEn = need(FACT_SHEET_EN, 'English fact sheet');
  const factFr = twin(factEn, 'fr', 'French fact sheet');
  const homeEn = need('/en/', 'English home page');
  const homeFr = twin(homeEn, 'fr', 'French home page');
  // The nearest section above the fact sheet (not the home page).
  let sectionEn = null;
  const parts = FACT_SHEET_EN.split('/').filter(Boolean);
  for (let n = parts.length - 1; n >= 2 && !sectionEn; n -= 1) {
    sectionEn = byPath.get('/' + parts.slice(0, n).join('/') + '/') || null;
  }
  if (!sectionEn) throw new Error(`sitemap.xml lists no section above ${FACT_SHEET_EN}`);
  const sectionFr = twin(sectionEn, 'fr', 'French section');
  // A plain content page (the page template): the fact sheet's first sibling that is not itself.
  const sectionPath = new URL(sectionEn.loc).pathname;
  const plainEn = entries.find((e) => {
    const p = new URL(e.loc).pathname;
    return p.startsWith(sectionPath) && p !== sectionPath && p !== FACT_SHEET_EN &&
      p.slice(sectionPath.length).split('/').filter(Boolean).length === 1;
  });
  if (!plainEn) throw new Error(`sitemap.xml lists no page beside ${FACT_SHEET_EN}`);
  const plainFr = twin(plainEn, 'fr', 'French content page');

  const path_ = (u) => new URL(u).pathname;
  const page = (kind, lang, url) => ({ kind, lang, path: path_(url), sitemapUrl: url });
  return {
    origins: [...new Set(entries.map((e) => new URL(e.loc).origin))],
    content: [
      page('home', 'en', homeEn.loc),
      page('home', 'fr', homeFr),
      page('section', 'en', sectionEn.loc),
      page('section', 'fr', sectionFr),
      page('factsheet', 'en', factEn.loc),
      page('factsheet', 'fr', factFr),
      page('page', 'en', plainEn.loc),
      page('page', 'fr', plainFr),
    ],
  };
}

module.exports = { publicDir, screenshotDir, htmlFiles, readSitemap, pagesToVisit, FACT_SHEET_EN };
