'use strict';
// Every generated .html file passes html-validate ("html-validate:recommended", with the
// exceptions in .htmlvalidate.json, explained in README.md) with zero errors.

const { describe, it } = require('node:test');
const assert = require('node:assert/strict');
const path = require('node:path');

const { publicDir, htmlFiles } = require('./lib/site');

let files = [];
let dir;
let setupError = null;
try {
  dir = publicDir();
  files = htmlFiles(dir);
  if (files.length === 0) throw new Error(`${dir} holds no .html file`);
} catch (err) {
  setupError = err;
}

describe('html-validate', () => {
  if (setupError) {
    it('the generated site can be read', () => { throw setupError; });
    return;
  }
  let HtmlValidate;
  try {
    ({ HtmlValidate } = require('html-validate'));
  } catch (err) {
    it('html-validate is installed', () => {
      throw new Error(`html-validate is not installed: run npm ci in tests/browser (${err.message})`);
    });
    return;
  }
  // The HTML5 rules, with RDFa's <meta property> and <link property> allowed in the body.
  const validator = new HtmlValidate({
    ...require('./.htmlvalidate.json'),
    elements: ['html5', require('./lib/rdfa-elements.js')],
  });

  for (const rel of files) {
    it(rel, { timeout: 20000 }, async () => {
      const report = await validator.validateFile(path.join(dir, rel));
      const lines = [];
      for (const result of report.results) {
        for (const m of result.messages) {
          if (m.severity < 2) continue;
          lines.push(`${rel}:${m.line}:${m.column}: ${m.ruleId}: ${m.message}${m.selector ? ` (${m.selector})` : ''}`);
        }
      }
      assert.deepEqual(lines, [], `html-validate errors:\n${lines.join('\n')}`);
    });
  }
});
