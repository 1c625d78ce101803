'use strict';
// The Government of Canada signature and the Canada wordmark as Chromium paints them (issue 23):
// the flag is FIP red (#EB2D37) in the header, the splash, the 404 page and the footer, and in
// forced colours (Windows high contrast, dark) both stay visible. The official SVGs carry no
// fill of their own, so a byte test of the files cannot see a black flag: this looks at pixels.

const { describe, it, before, after } = require('node:test');
const assert = require('node:assert/strict');

const { openSite } = require('./lib/session');

const FIP_RED = [0xeb, 0x2d, 0x37];
const FACT_SHEET = {
  en: '/en/public-safety-canada/news/human-trafficking-progress/',
  fr: '/fr/securite-publique-canada/nouvelles/progres-realisations-traite-personnes/',
};
// [page, element]: every place the gc theme shows the official artwork.
const ARTWORK = [
  [FACT_SHEET.en, '#wb-bnr .gc-sig svg'],
  [FACT_SHEET.en, '.gc-wordmark svg'],
  [FACT_SHEET.fr, '#wb-bnr .gc-sig svg'],
  [FACT_SHEET.fr, '.gc-wordmark svg'],
  ['/', '.gc-splash-lang[lang=en] .gc-splash-sig svg'],
  ['/', '.gc-splash-lang[lang=fr] .gc-splash-sig svg'],
  ['/', '.gc-wordmark svg'],
  ['/en/tandem-no-such-page-7f3a/', '.gc-sig svg'],
  ['/en/tandem-no-such-page-7f3a/', '.gc-wordmark svg'],
];

// The screenshot's pixels, decoded by the page itself (a canvas): the tests need no PNG package.
async function pixels(page, png) {
  return page.evaluate(async (b64) => {
    const img = new Image();
    img.src = 'data:image/png;base64,' + b64;
    await img.decode();
    const canvas = document.createElement('canvas');
    canvas.width = img.naturalWidth;
    canvas.height = img.naturalHeight;
    const g = canvas.getContext('2d');
    g.drawImage(img, 0, 0);
    return { width: canvas.width, height: canvas.height, data: Array.from(g.getImageData(0, 0, canvas.width, canvas.height).data) };
  }, png.toString('base64'));
}

function rgbAt(shot, i) {
  return [shot.data[i * 4], shot.data[i * 4 + 1], shot.data[i * 4 + 2]];
}

const near = (a, b, tolerance) => a.every((v, k) => Math.abs(v - b[k]) <= tolerance);

// How many pixels are within `tolerance` of `rgb` in each channel.
function countNear(shot, rgb, tolerance) {
  let n = 0;
  for (let i = 0; i < shot.width * shot.height; ++i) if (near(rgbAt(shot, i), rgb, tolerance)) ++n;
  return n;
}

// How many pixels differ clearly from the element's background (its top-left pixel, which the
// artwork's margins leave empty, as in both files).
function countInk(shot) {
  const background = rgbAt(shot, 0);
  let n = 0;
  for (let i = 0; i < shot.width * shot.height; ++i) if (!near(rgbAt(shot, i), background, 60)) ++n;
  return n;
}

describe('official signature and wordmark', { timeout: 120000 }, () => {
  let site;
  let srv;
  let page;

  before(async () => {
    site = await openSite();
    srv = site.srv;
    page = await site.env.context.newPage();
    await page.setViewportSize({ width: 1280, height: 800 });
  });

  after(async () => {
    if (site) await site.close();
  });

  async function shoot(url, selector) {
    await page.goto(srv.origin + url);
    const element = page.locator(selector);
    assert.equal(await element.count(), 1, `${url}: one ${selector}`);
    return pixels(page, await element.screenshot());
  }

  for (const [url, selector] of ARTWORK) {
    it(`${url} ${selector}: the flag is FIP red`, async () => {
      await page.emulateMedia({ forcedColors: 'none', colorScheme: 'light' });
      const shot = await shoot(url, selector);
      const red = countNear(shot, FIP_RED, 24);
      assert.ok(red >= 20, `${red} pixels of ${shot.width}x${shot.height} close to #EB2D37`);
    });

    it(`${url} ${selector}: visible in forced colours`, async () => {
      for (const colorScheme of ['dark', 'light']) {
        await page.emulateMedia({ forcedColors: 'active', colorScheme });
        const shot = await shoot(url, selector);
        const ink = countInk(shot);
        assert.ok(ink >= 0.05 * shot.width * shot.height,
                  `${colorScheme}: ${ink} pixels of ${shot.width}x${shot.height} differ from the background`);
      }
      await page.emulateMedia({ forcedColors: 'none', colorScheme: 'light' });
    });
  }

  it('the signature link has a name in both languages, and is not an empty box in forced colours', async () => {
    await page.emulateMedia({ forcedColors: 'active', colorScheme: 'dark' });
    await page.goto(srv.origin + FACT_SHEET.en);
    const link = page.locator('#wb-bnr a.gc-sig');
    const box = await link.boundingBox();
    assert.ok(box && box.width > 100 && box.height > 15, JSON.stringify(box));
    // The accessible name: the SVG's own <title> (role="img"), then the other language's, hidden.
    const named = page.getByRole('link', { name: 'Government of Canada / Gouvernement du Canada', exact: true });
    assert.equal(await named.count(), 1);
    await page.emulateMedia({ forcedColors: 'none', colorScheme: 'light' });
  });
});
