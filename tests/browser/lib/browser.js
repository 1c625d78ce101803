'use strict';
// Starts Debian's Chromium through playwright-core (never a downloaded browser), headless,
// with a fresh temporary profile, once for the whole run, and keeps every request on this
// machine: requests for the site's own origins (from sitemap.xml) are answered by the local
// static server, anything else is refused.

const fs = require('node:fs');

const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';
const ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

// Resolves to { browser, context, close() }. The tests open all their tabs in this one
// context, so its routing applies to every one of them.
async function launch({ serverOrigin, siteOrigins = [], launchMs = 30000 }) {
  let chromium;
  try {
    ({ chromium } = require('playwright-core'));
  } catch (err) {
    throw new Error(`playwright-core is not installed: run npm ci in tests/browser (${err.message})`);
  }
  if (!fs.existsSync(CHROMIUM)) {
    throw new Error(`Chromium cannot start: ${CHROMIUM} does not exist (apt-get install chromium)`);
  }
  let browser;
  try {
    // Playwright gives the browser a fresh temporary profile (--user-data-dir) and removes it
    // on close.
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      headless: true,
      args: ARGS,
      timeout: launchMs,
    });
  } catch (err) {
    throw new Error(`Chromium cannot start (${CHROMIUM}): ${err.message.split('\n')[0]}`);
  }
  let context;
  try {
    context = await browser.newContext({
      viewport: { width: 1280, height: 800 },
      locale: 'en-CA',
      reducedMotion: 'reduce',
    });
    context.setDefaultTimeout(10000);
    context.setDefaultNavigationTimeout(15000);

    const local = new URL(serverOrigin);
    const mapped = new Set(siteOrigins.filter((o) => o !== local.origin));
    await context.route('**/*', async (route) => {
      const url = new URL(route.request().url());
      if (url.origin === local.origin) {
        await route.continue();
      } else if (mapped.has(url.origin)) {
        // The site's public host: answer from the local copy, keeping the page's URL.
        const response = await route.fetch({ url: serverOrigin + url.pathname + url.search, maxRedirects: 0 });
        await route.fulfill({ response });
      } else {
        await route.abort('blockedbyclient');
      }
    });
  } catch (err) {
    await browser.close().catch(() => {});
    throw err;
  }

  const close = async () => {
    try { await context.close(); } finally { await browser.close(); }
  };
  return { browser, context, close };
}

// Tabs of a context, kept for reuse: a tab the tests are done with is given to the next
// page, which is loaded into it (a new document, at the same viewport), instead of opening
// another tab (a new renderer process, several times slower).
function tabPool(context) {
  const idle = new Map(); // 'width x height' -> [page]
  const keyOf = (viewport) => `${viewport.width}x${viewport.height}`;
  return {
    async acquire(viewport) {
      const list = idle.get(keyOf(viewport)) || [];
      while (list.length > 0) {
        const page = list.pop();
        if (!page.isClosed()) return page;
      }
      const page = await context.newPage();
      await page.setViewportSize(viewport);
      return page;
    },
    release(page) {
      if (page.isClosed()) return;
      const key = keyOf(page.viewportSize());
      if (!idle.has(key)) idle.set(key, []);
      idle.get(key).push(page);
    },
  };
}

// Turns a URL of the site (public host or local) into the local server's URL.
function localUrl(serverOrigin, url) {
  const u = new URL(url, serverOrigin);
  return serverOrigin + u.pathname + u.search + u.hash;
}

module.exports = { launch, tabPool, localUrl, CHROMIUM };
