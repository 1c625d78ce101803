'use strict';
// The site's own search page (issue 14), in Debian's Chromium: a French query finds the fact
// sheet with its accents and without them, and every result links to a page that exists.
// Runs on the repository's site, whose site.toml turns search on.

const { describe, it, before, after } = require('node:test');
const assert = require('node:assert/strict');

const server = require('./lib/server');
const { launch } = require('./lib/browser');
const { publicDir, readSitemap } = require('./lib/site');

const FACT_SHEET_FR = '/fr/securite-publique-canada/nouvelles/progres-realisations-traite-personnes/';

describe('search page', { timeout: 90000 }, () => {
  let srv;
  let env;
  let page;

  before(async () => {
    const dir = publicDir();
    srv = await server.start(dir);
    const origins = [...new Set(readSitemap(dir).entries.map((e) => new URL(e.loc).origin))];
    env = await launch({ serverOrigin: srv.origin, siteOrigins: origins });
    page = await env.context.newPage();
  });

  after(async () => {
    if (env) await env.close();
    if (srv) await srv.stop();
  });

  // Types the query into the French search page and waits for the script's answer.
  async function search(query) {
    await page.goto(srv.origin + '/fr/search/');
    await page.fill('#tandem-search-q', query);
    await page.click('form.tandem-search button[type=submit]');
    await page.waitForFunction(() => {
      const s = document.querySelector('.tandem-search-status').textContent;
      return s !== '' && !s.startsWith('Recherche en cours');
    });
    return page.$$eval('.tandem-search-results a', (links) => links.map((a) => a.getAttribute('href')));
  }

  for (const query of ['réalisations', 'realisations', 'REALISATIONS traite']) {
    it(`"${query}" finds the French fact sheet`, async () => {
      const hrefs = await search(query);
      assert.ok(hrefs.includes(FACT_SHEET_FR), `results: ${hrefs.join(', ')}`);
    });
  }

  it('results link to pages that exist', async () => {
    const hrefs = await search('traite');
    assert.ok(hrefs.length > 1, `results: ${hrefs.join(', ')}`);
    for (const href of hrefs) {
      const response = await page.request.get(srv.origin + href);
      assert.equal(response.status(), 200, href);
    }
  });

  it('a word no page has says so', async () => {
    await search('zzzxq');
    const status = await page.textContent('.tandem-search-status');
    assert.match(status, /Aucune page/);
  });

  it('without JavaScript, the page says so and offers another search', async () => {
    const context = await env.browser.newContext({ javaScriptEnabled: false });
    try {
      const tab = await context.newPage();
      await tab.goto(srv.origin + '/fr/search/');
      assert.equal(await tab.isVisible('form.tandem-search'), false);
      const html = await tab.content();
      assert.match(html, /nécessite JavaScript/);
      assert.match(html, /<form action="https:\/\/www\.canada\.ca\/fr\/sr\/srb\.html"/);
    } finally {
      await context.close();
    }
  });
});
