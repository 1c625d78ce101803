'use strict';
// Checks run inside a page (axe-core, layout measures), kept apart from the test list.

const fs = require('node:fs');

const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
const AXE_PATH = require.resolve('axe-core/axe.min.js');
let axeSource = null; // read once per run, on first use
const devtools = new WeakMap(); // page -> its DevTools protocol session

// Loads axe-core into the page's own JavaScript world (as a <script> of the page would be).
// It goes through the DevTools protocol's Runtime.evaluate, not a <script> element: the same
// source evaluated again in the same renderer process (a reused tab) is then found in V8's
// compilation cache, compiled functions included, so loading and running axe costs about 40%
// less on every page after the first in a tab.
async function loadAxe(page) {
  if (axeSource === null) axeSource = fs.readFileSync(AXE_PATH, 'utf8');
  let session = devtools.get(page);
  if (!session) {
    session = await page.context().newCDPSession(page);
    devtools.set(page, session);
  }
  const { exceptionDetails } = await session.send('Runtime.evaluate', { expression: axeSource });
  if (exceptionDetails) {
    const why = exceptionDetails.exception ? exceptionDetails.exception.description : exceptionDetails.text;
    throw new Error(`axe-core (${AXE_PATH}) failed to load in ${page.url()}: ${why}`);
  }
}

// Runs axe-core on the page; returns the violations as readable lines.
async function axeViolations(page) {
  const hasAxe = await page.evaluate(() => typeof window.axe !== 'undefined');
  if (!hasAxe) await loadAxe(page);
  const result = await page.evaluate(
    (tags) => window.axe.run(document, {
      runOnly: { type: 'tag', values: tags },
      resultTypes: ['violations'],
    }),
    AXE_TAGS,
  );
  return result.violations.map((v) => {
    const nodes = v.nodes.slice(0, 5).map((n) => {
      const summary = (n.failureSummary || '').replace(/\s+/g, ' ').trim();
      return `    at ${n.target.join(' ')}: ${summary}`;
    });
    const more = v.nodes.length > 5 ? [`    … and ${v.nodes.length - 5} more`] : [];
    return [`${v.id} (${v.impact}): ${v.help} [${v.helpUrl}]`, ...nodes, ...more].join('\n');
  });
}

// Horizontal overflow of the document and of every table at the current viewport.
async function layoutAtViewport(page) {
  return page.evaluate(() => {
    const doc = document.documentElement;
    const vw = doc.clientWidth;
    // Elements reaching past the viewport, to name the culprit when the page scrolls sideways.
    const wide = [];
    if (doc.scrollWidth > vw) {
      for (const el of document.body.querySelectorAll('*')) {
        const r = el.getBoundingClientRect();
        if (r.right > vw + 1 && r.width > 0) {
          let inScroller = false;
          for (let a = el.parentElement; a && a !== document.body; a = a.parentElement) {
            const ox = getComputedStyle(a).overflowX;
            if (ox === 'auto' || ox === 'scroll' || ox === 'hidden') { inScroller = true; break; }
          }
          if (!inScroller) wide.push(`${el.tagName.toLowerCase()}${el.id ? '#' + el.id : ''}${el.className && typeof el.className === 'string' ? '.' + el.className.trim().split(/\s+/).join('.') : ''} (right edge ${Math.round(r.right)}px)`);
        }
        if (wide.length >= 5) break;
      }
    }
    const tables = [...document.querySelectorAll('table')].map((table, i) => {
      const wrap = table.parentElement;
      const wrapStyle = getComputedStyle(wrap);
      const wrapBox = wrap.getBoundingClientRect();
      const tableWidth = table.getBoundingClientRect().width;
      const fits = tableWidth <= wrap.clientWidth + 1;
      const scrolls = ['auto', 'scroll'].includes(wrapStyle.overflowX);
      const cell = table.querySelector('td, th');
      const fontPx = cell ? parseFloat(getComputedStyle(cell).fontSize) : 16;
      return {
        index: i,
        caption: table.caption ? table.caption.textContent.trim() : '',
        wrapper: `${wrap.tagName.toLowerCase()}${wrap.className ? '.' + String(wrap.className).trim().split(/\s+/).join('.') : ''}`,
        fits,
        scrolls,
        wrapperInside: wrapBox.left >= -1 && wrapBox.right <= vw + 1,
        fontPx,
      };
    });
    return { scrollWidth: doc.scrollWidth, clientWidth: vw, wide, tables };
  });
}

module.exports = { axeViolations, layoutAtViewport, AXE_TAGS };
