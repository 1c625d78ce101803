'use strict';
// Starts Debian's Chromium through playwright-core (never a downloaded browser), headless,
// with a fresh temporary profile, and keeps every request on this machine: requests for the
// site's own origins (from sitemap.xml) are answered by the local static server, anything
// else is refused.

const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

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
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'tandem-chromium-'));
  let context;
  try {
    context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      headless: true,
      args: ARGS,
      viewport: { width: 1280, height: 800 },
      timeout: launchMs,
      locale: 'en-CA',
      reducedMotion: 'reduce',
    });
  } catch (err) {
    fs.rmSync(profile, { recursive: true, force: true });
    throw new Error(`Chromium cannot start (${CHROMIUM}): ${err.message.split('\n')[0]}`);
  }
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

  const close = async () => {
    try { await context.close(); } finally { fs.rmSync(profile, { recursive: true, force: true }); }
  };
  return { context, close };
}

// Turns a URL of the site (public host or local) into the local server's URL.
function localUrl(serverOrigin, url) {
  const u = new URL(url, serverOrigin);
  return serverOrigin + u.pathname + u.search + u.hash;
}

module.exports = { launch, localUrl, CHROMIUM };
