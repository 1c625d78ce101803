'use strict';
// The generated site served locally and Chromium started on it, for a test file that needs one
// browser over the whole site: requests for the site's public origins (from sitemap.xml) are
// answered by the local server (lib/browser.js).

const server = require('./server');
const { launch } = require('./browser');
const { publicDir, readSitemap } = require('./site');

// Resolves to { srv, env, close() }: the server, the browser (lib/browser.js: launch) and what
// stops both.
async function openSite() {
  const dir = publicDir();
  const srv = await server.start(dir);
  let env;
  try {
    const origins = [...new Set(readSitemap(dir).entries.map((e) => new URL(e.loc).origin))];
    env = await launch({ serverOrigin: srv.origin, siteOrigins: origins });
  } catch (err) {
    await srv.stop();
    throw err;
  }
  const close = async () => {
    try { await env.close(); } finally { await srv.stop(); }
  };
  return { srv, env, close };
}

module.exports = { openSite };
