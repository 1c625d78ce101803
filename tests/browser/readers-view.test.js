'use strict';
// Readers' view tests (issue 4): the generated site in a real browser (Debian's Chromium),
// for every page type in both languages: accessibility (axe-core, WCAG 2.1 AA), the language
// toggle, the skip link, the date modified, table markup, a 320 px phone layout, and
// screenshots of the fact sheet.
//
// Speed: one Chromium for the whole run. Each page is loaded once at 1280 px and once at
// 320 px, and its tests share those two loads, one test after the other: first the tests that
// only read the page (screenshots first, axe, which adds its script, last), then the ones that
// act on it (keyboard, then the toggle, which leaves the page). Several pages are checked at
// once (PAGE_CONCURRENCY); a tab a page is done with is reused, by loading the next page in it.

const { describe, it, before, after } = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');

const server = require('./lib/server');
const { launch, tabPool } = require('./lib/browser');
const { publicDir, screenshotDir, pagesToVisit } = require('./lib/site');
const { axeViolations, layoutAtViewport } = require('./lib/checks');

const T = { timeout: 60000 };
const DESKTOP = { width: 1280, height: 800 };
const PHONE = { width: 320, height: 640 };
const OTHER = { en: 'fr', fr: 'en' };
const VIEWPORTS = { desktop: DESKTOP, phone: PHONE };
// How many pages are checked at once (each with two tabs open).
const PAGE_CONCURRENCY = Math.max(1, Number(process.env.TANDEM_BROWSER_CONCURRENCY) || 3);

let setupError = null;
let dir;
let site;
try {
  dir = publicDir();
  site = pagesToVisit(dir);
} catch (err) {
  setupError = err;
}

if (setupError) {
  // Never skip: a site the tests cannot read is a failure.
  it('the generated site can be read', () => { throw setupError; });
} else {
  const siteOrigin = new URL(site.content[0].sitemapUrl).origin;
  const pages = [
    { kind: 'splash', lang: 'en', url: siteOrigin + '/', bilingual: true },
    ...site.content.map((p) => ({ ...p, url: p.sitemapUrl })),
    { kind: '404', lang: 'en', url: siteOrigin + '/en/tandem-no-such-page-7f3a/', bilingual: true },
  ];

  let srv;
  let browser;
  let tabs;
  let startError = null;

  // The page loaded, as a new document, in a tab at the viewport; the caller gives the tab
  // back with tabs.release(page).
  async function open(url, viewport = DESKTOP) {
    if (startError) throw startError;
    const page = await tabs.acquire(viewport);
    try {
      const response = await page.goto(url, { waitUntil: 'load' });
      return { page, response };
    } catch (err) {
      await page.close().catch(() => {});
      throw err;
    }
  }

  describe("readers' view", { concurrency: PAGE_CONCURRENCY }, () => {
    // A server or browser that cannot start fails every test with the reason (none is skipped
    // or merely cancelled).
    before(async () => {
      try {
        srv = await server.start(dir);
        browser = await launch({ serverOrigin: srv.origin, siteOrigins: site.origins });
        tabs = tabPool(browser.context);
      } catch (err) {
        startError = err;
        process.stderr.write(`browser tests: ${err.message}\n`);
      }
    }, { timeout: 45000 });

    after(async () => {
      if (browser) await browser.close();
      if (srv) await srv.stop();
    }, { timeout: 20000 });

    for (const p of pages) {
      const name = p.bilingual ? p.kind : `${p.kind} (${p.lang}) ${new URL(p.url).pathname}`;
      // The tests of one page run one after the other (concurrency 1), on the page's two
      // shared tabs, loaded once each when the page's tests begin.
      describe(name, { concurrency: 1 }, () => {
        const views = {};
        const busy = { desktop: 0, phone: 0 }; // tests still acting on a tab (timed out)
        before(() => {
          for (const [key, viewport] of Object.entries(VIEWPORTS)) {
            views[key] = open(p.url, viewport);
            views[key].catch(() => {}); // reported by each test that uses the view
          }
        });
        after(async () => {
          for (const [key, v] of Object.entries(views)) {
            const loaded = await v.catch(() => null);
            if (!loaded) continue;
            // A tab a timed-out test may still be using is closed, not given to another page.
            if (busy[key] > 0) await loaded.page.close().catch(() => {});
            else tabs.release(loaded.page);
          }
        }, { timeout: 20000 });
        // Runs fn on the page's shared tab at 'desktop' (1280 px) or 'phone' (320 px). Every
        // test but the last two (keyboard, then toggle) leaves the page as it found it.
        const onView = async (key, fn) => {
          const { page, response } = await views[key];
          busy[key] += 1;
          try {
            return await fn(page, response);
          } finally {
            busy[key] -= 1;
          }
        };

        it('is served (404 page with status 404)', T, async () => {
          await onView('desktop', async (page, response) => {
            assert.ok(response, `no response for ${p.url}`);
            assert.equal(response.status(), p.kind === '404' ? 404 : 200, `HTTP status of ${p.url}`);
          });
        });

        it(`has <html lang="${p.lang}">`, T, async () => {
          await onView('desktop', async (page) => {
            assert.equal(await page.getAttribute('html', 'lang'), p.lang);
            if (p.bilingual) {
              const fr = await page.locator('main [lang="fr"]').count();
              assert.ok(fr > 0, 'the French half of a bilingual page carries lang="fr"');
            }
          });
        });

        // Full-page screenshots, before any other test has touched the tabs.
        for (const [key, w] of [['phone', 320], ['desktop', 1280]]) {
          const file = p.kind === 'factsheet' || !p.bilingual
            ? `${p.kind}-${p.lang}-${w}.png`
            : `${p.kind}-${w}.png`;
          it(`screenshot ${file}`, T, async () => {
            const out = path.join(screenshotDir(), file);
            fs.rmSync(out, { force: true });
            await onView(key, async (page) => {
              assert.equal(page.viewportSize().width, w);
              // caret: 'initial' leaves the page's styles alone: nothing has the focus (no text
              // caret to hide), and Playwright's default hides it with a style sheet added and
              // removed around the capture, which restyles the whole page twice.
              await page.screenshot({ path: out, fullPage: true, caret: 'initial', timeout: 20000 });
            });
            assert.ok(fs.statSync(out).size > 0, `${out} is written`);
          });
        }

        it('does not scroll sideways at 320 px; tables fit or scroll in their own box', T, async () => {
          await onView('phone', async (page) => {
            const m = await layoutAtViewport(page);
            assert.ok(m.scrollWidth <= m.clientWidth,
              `document is ${m.scrollWidth}px wide in a ${m.clientWidth}px viewport; too wide: ${m.wide.join(', ')}`);
            for (const t of m.tables) {
              assert.ok(t.fits || t.scrolls,
                `table ${t.index} "${t.caption}" is wider than its wrapper ${t.wrapper}, which does not scroll`);
              assert.ok(t.wrapperInside, `table ${t.index} "${t.caption}": its wrapper reaches past the viewport`);
              assert.ok(t.fontPx >= 12, `table ${t.index} "${t.caption}": cell text is ${t.fontPx}px`);
            }
          });
        });

        it('gives every table a caption and every th a scope', T, async () => {
          await onView('desktop', async (page) => {
            const problems = await page.evaluate(() => {
              const out = [];
              document.querySelectorAll('table').forEach((t, i) => {
                if (!t.caption || !t.caption.textContent.trim()) out.push(`table ${i} has no caption`);
                t.querySelectorAll('th').forEach((th) => {
                  if (!['col', 'row', 'colgroup', 'rowgroup'].includes(th.getAttribute('scope'))) {
                    out.push(`table ${i}: <th> "${th.textContent.trim()}" has no valid scope`);
                  }
                });
              });
              return out;
            });
            assert.deepEqual(problems, []);
          });
        });

        if (p.kind === 'factsheet') {
          it('shows the 14 funded projects with three subtotals and the total, and its CSV downloads', T, async () => {
            await onView('desktop', async (page) => {
              const table = page.locator('table.funding');
              assert.equal(await table.count(), 1, 'one funding table on the fact sheet');
              const rows = await table.locator('tbody tr:not(.group):not(.subtotal)').count();
              assert.equal(rows, 14, 'a row per funded project');
              assert.equal(await table.locator('tr.subtotal').count(), 3, 'a subtotal per stream');
              const total = (await table.locator('tfoot tr').last().textContent()).replace(/\s+/g, ' ');
              const expected = p.lang === 'fr' ? '5 120 527 $' : '$5,120,527';
              assert.ok(total.includes(expected), `the total row reads ${expected} (it reads "${total.trim()}")`);
              const amounts = await table.locator('td.amount').evaluateAll((tds) => tds.map((td) => getComputedStyle(td).textAlign));
              assert.ok(amounts.length > 0 && amounts.every((a) => a === 'right'), 'amounts are right-aligned');
              const href = await page.locator('a[href$=".csv"]').first().getAttribute('href');
              assert.ok(href, 'a link to the table\'s CSV');
              // Fetched by the page itself, so that it goes to the test server as the page did.
              const csv = await page.evaluate(async (url) => {
                const r = await fetch(url);
                return { status: r.status, text: await r.text() };
              }, href);
              assert.equal(csv.status, 200, `the CSV at ${href} is served`);
              const lines = csv.text.trim().split(/\r\n/);
              assert.equal(lines.length, 1 + 14, 'a header line and a line per project');
            });
          });
        }

        if (p.kind === 'splash') {
          it('shows both languages with a button to each home, no toggle, robots noindex, follow', T, async () => {
            await onView('desktop', async (page) => {
              assert.equal(await page.getAttribute('meta[name="robots"]', 'content'), 'noindex, follow');
              assert.equal(await page.locator('#wb-lng').count(), 0, 'no language toggle on the splash page');
              assert.equal(await page.locator('#wb-bc').count(), 0, 'no breadcrumbs on the splash page');
              const home = Object.fromEntries(site.content.filter((c) => c.kind === 'home').map((c) => [c.lang, c.path]));
              for (const lang of ['en', 'fr']) {
                const hrefs = await page.locator(`main [lang="${lang}"] a`).evaluateAll((as) => as.map((a) => new URL(a.href).pathname));
                assert.ok(hrefs.includes(home[lang]), `the ${lang} block links to ${home[lang]} (has ${hrefs.join(', ')})`);
              }
              const langs = await page.locator('meta[name="dcterms.language"]').evaluateAll((ms) => ms.map((m) => m.content));
              assert.deepEqual([...langs].sort(), ['eng', 'fra'], 'metadata in both languages');
            });
          });
        }

        if (p.kind === '404') {
          it('has an English then a French column, robots noindex, nofollow, links home', T, async () => {
            await onView('desktop', async (page) => {
              assert.equal(await page.getAttribute('meta[name="robots"]', 'content'), 'noindex, nofollow');
              const cols = await page.locator('main section[lang]').evaluateAll((s) => s.map((x) => ({
                lang: x.lang, text: x.textContent, links: [...x.querySelectorAll('a')].map((a) => new URL(a.href).pathname),
              })));
              assert.deepEqual(cols.map((c) => c.lang), ['en', 'fr'], 'English column then French column');
              const home = Object.fromEntries(site.content.filter((c) => c.kind === 'home').map((c) => [c.lang, c.path]));
              for (const c of cols) {
                assert.match(c.text, /404/, `the ${c.lang} column says 404`);
                assert.ok(c.links.includes(home[c.lang]), `the ${c.lang} column links to ${home[c.lang]}`);
              }
              assert.equal(await page.locator('#wb-lng').count(), 0, 'no language toggle on the 404 page');
            });
          });
        }

        if (!p.bilingual) {
          it('language toggle shows the full name on desktop, the short code on a phone', T, async () => {
            for (const [key, full, short] of [['desktop', true, false], ['phone', false, true]]) {
              const viewport = VIEWPORTS[key];
              await onView(key, async (page) => {
                const fullText = page.locator('#wb-lng a .lng-full');
                const abbr = page.locator('#wb-lng a abbr[title]');
                assert.equal(await fullText.count(), 1, 'full language name in the toggle');
                assert.equal(await abbr.count(), 1, '<abbr title> in the toggle');
                assert.equal(await fullText.isVisible(), full, `full name visible at ${viewport.width}px`);
                assert.equal(await abbr.isVisible(), short, `short code visible at ${viewport.width}px`);
                const name = (await fullText.textContent()).trim();
                assert.ok(name.length > 0, 'the toggle names the other language');
                assert.equal(await abbr.getAttribute('title'), name);
                assert.ok(await page.locator('#wb-lng a').isVisible(), 'toggle visible');
              });
            }
          });

          it('date modified matches dcterms.modified', T, async () => {
            await onView('desktop', async (page) => {
              const meta = await page.getAttribute('meta[name="dcterms.modified"]', 'content');
              assert.match(meta || '', /^\d{4}-\d{2}-\d{2}$/, 'dcterms.modified is YYYY-MM-DD');
              const time = page.locator('main dl#wb-dtmd time[property="dateModified"]');
              assert.equal(await time.count(), 1, 'main has dl#wb-dtmd with time[property=dateModified]');
              assert.equal((await time.textContent()).trim(), meta);
              const dt = (await page.locator('#wb-dtmd dt').textContent()).trim();
              assert.equal(dt, p.lang === 'fr' ? 'Date de modification\u00a0:' : 'Date modified:');
              const last = await page.evaluate(() => {
                const dl = document.getElementById('wb-dtmd');
                const main = document.querySelector('main');
                // nothing visible in main after the page details
                const all = [...main.querySelectorAll('*')];
                const after = all.filter((el) => dl.compareDocumentPosition(el) & Node.DOCUMENT_POSITION_FOLLOWING && !dl.contains(el));
                return after.filter((el) => el.getBoundingClientRect().height > 0).map((el) => el.tagName);
              });
              assert.deepEqual(last, [], 'date modified is at the bottom of main');
            });
          });

          it('metadata: title, description, dcterms, keywords, canonical', T, async () => {
            await onView('desktop', async (page) => {
              const meta = async (n) => page.evaluate((name) => {
                const m = document.querySelector(`meta[name="${name}"]`);
                return m ? m.getAttribute('content') : null;
              }, n);
              assert.ok((await page.title()).trim().length > 0, 'title');
              for (const n of ['description', 'dcterms.title', 'dcterms.creator', 'dcterms.subject', 'keywords']) {
                assert.notEqual(await meta(n), null, `meta ${n}`);
              }
              assert.equal(await meta('dcterms.language'), p.lang === 'fr' ? 'fra' : 'eng');
              assert.ok((await meta('dcterms.title')).trim().length > 0, 'dcterms.title not empty');
              const issued = await meta('dcterms.issued');
              if (issued !== null) {
                assert.match(issued, /^\d{4}-\d{2}-\d{2}$/,
                  `<meta name="dcterms.issued" content="${issued}"> is not a date: a page without a date must have no dcterms.issued`);
              }
            });
          });

          it('breadcrumbs start at Canada.ca, then the home page, and do not repeat the page', T, async () => {
            await onView('desktop', async (page) => {
              const all = await page.locator('#wb-bc a').evaluateAll((as) => as.map((a) => a.href));
              // The GC identity: Canada.ca first (and the institution's crumbs), on home pages too.
              assert.equal(all[0], `https://www.canada.ca/${p.lang}.html`, 'first breadcrumb is Canada.ca');
              const crumbs = all.filter((c) => new URL(c).origin === new URL(page.url()).origin);
              if (p.kind === 'home') {
                assert.deepEqual(crumbs, [], 'no crumb of the site itself on the home page');
                return;
              }
              const home = site.content.find((c) => c.kind === 'home' && c.lang === p.lang);
              assert.ok(crumbs.length > 0, 'breadcrumbs present');
              assert.equal(new URL(crumbs[0]).pathname, home.path, 'the site\'s first breadcrumb is the home page');
              assert.ok(!crumbs.map((c) => new URL(c).pathname).includes(new URL(page.url()).pathname), 'the current page is not repeated');
              assert.equal(await page.locator('#wb-bc h2.wb-inv, #wb-bc .wb-inv').count() > 0, true, 'visually hidden "You are here"');
            });
          });
        }

        if (p.kind === 'section' || p.kind === 'home') {
          it('lists its children with links', T, async () => {
            await onView('desktop', async (page) => {
              const links = await page.locator('main .gc-children a').count();
              assert.ok(links > 0, 'the page lists the pages under it');
            });
          });
        }

        // axe-core adds its script to the shared tabs: after every other test on them.
        for (const [label, key] of [['1280', 'desktop'], ['320', 'phone']]) {
          it(`has no axe violations (WCAG 2.1 A/AA) at ${label} px`, T, async () => {
            await onView(key, async (page) => {
              const violations = await axeViolations(page);
              assert.deepEqual(violations, [], `axe found on ${p.url}:\n${violations.join('\n')}`);
            });
          });
        }

        // Tests that act on the page, last, on the desktop tab: the keyboard (it moves the
        // focus and adds #wb-cont to the URL), then the toggle (it leaves the page).
        if (!p.bilingual) {
          it('skip link: Tab then Enter moves focus to the main content', T, async () => {
            await onView('desktop', async (page) => {
              // As just loaded: no test before this one has moved the focus.
              assert.equal(await page.evaluate(() => document.activeElement === document.body), true,
                'nothing has the focus before the first Tab');
              await page.keyboard.press('Tab');
              const first = await page.evaluate(() => {
                const a = document.activeElement;
                const r = a.getBoundingClientRect();
                return { href: a.getAttribute('href'), w: r.width, h: r.height, top: r.top };
              });
              assert.equal(first.href, '#wb-cont', 'the first Tab stop is "Skip to main content"');
              assert.ok(first.w > 20 && first.h > 10 && first.top >= 0, `skip link visible when focused (${JSON.stringify(first)})`);
              await page.keyboard.press('Enter');
              await page.waitForFunction(() => document.activeElement && document.activeElement !== document.body, null, { timeout: 3000 })
                .catch(() => {});
              const focus = await page.evaluate(() => {
                const a = document.activeElement;
                const main = document.querySelector('main');
                return { id: a.id, tag: a.tagName, inMain: !!main && main.contains(a) };
              });
              assert.ok(focus.id === 'wb-cont' || focus.inMain, `focus after Enter is on ${focus.tag}#${focus.id}, not in main`);
              assert.equal(await page.locator('main h1#wb-cont').count(), 1, 'the single h1 is #wb-cont in main');
              assert.equal(await page.locator('h1').count(), 1, 'one h1');
              const about = await page.locator('.wb-skip a, nav a[href^="#"]').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
              const footerId = await page.locator('footer').getAttribute('id');
              assert.ok(footerId && about.includes('#' + footerId), `a skip link to the footer #${footerId} (have ${about.join(', ')})`);
            });
          });

          it('language toggle lands on the hreflang alternate, and back', T, async () => {
            await onView('desktop', async (page) => {
              const other = OTHER[p.lang];
              const self = await page.getAttribute(`link[rel="alternate"][hreflang="${p.lang}"]`, 'href');
              const target = await page.getAttribute(`link[rel="alternate"][hreflang="${other}"]`, 'href');
              assert.ok(self && target, 'the page lists hreflang alternates for both languages');
              assert.equal(await page.getAttribute('link[rel="canonical"]', 'href'), self, 'canonical is the page\'s own alternate');
              const link = page.locator('#wb-lng a');
              assert.equal(await link.count(), 1, 'one link in #wb-lng');
              assert.equal(await link.getAttribute('lang'), other);
              assert.equal(await link.getAttribute('hreflang'), other);
              assert.equal(await link.getAttribute('translate'), 'no');
              assert.equal(await page.locator('#wb-lng h2').count(), 1, 'a (visually hidden) heading in #wb-lng');

              const start = page.url();
              await link.click();
              await page.waitForURL((u) => u.href !== start, { waitUntil: 'load' });
              assert.equal(page.url(), target, 'toggle lands on the hreflang alternate');
              assert.equal(await page.getAttribute('html', 'lang'), other);
              const back = await page.getAttribute(`link[rel="alternate"][hreflang="${p.lang}"]`, 'href');
              assert.equal(back, self, 'the translation lists this page as its alternate');

              const there = page.url();
              await page.locator('#wb-lng a').click();
              await page.waitForURL((u) => u.href !== there, { waitUntil: 'load' });
              assert.equal(page.url(), self, 'toggle on the translation comes back');
            });
          });
        }
      });
    }
  });
}
