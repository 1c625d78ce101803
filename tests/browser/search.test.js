'use strict';
// The site's own search page (issue 14), in Debian's Chromium: a French query finds the fact
// sheet with its accents and without them, and every result links to a page that exists.
// Runs on the repository's site, whose site.toml turns search on.

const { describe, it, before, after } = require('node:test');
const assert = require('node:assert/strict');

const { openSite } = require('./lib/session');

const FACT_SHEET_FR = '/fr/securite-publique-canada/nouvelles/progres-realisations-traite-personnes/';

describe('search page', { timeout: 90000 }, () => {
  let site;
  let srv;
  let page;

  before(async () => {
    site = await openSite();
    srv = site.srv;
    page = await site.env.context.newPage();
  });

  after(async () => {
    if (site) await site.close();
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
    const context = await site.env.browser.newContext({ javaScriptEnabled: false });
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
