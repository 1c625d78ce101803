'use strict';
// A small static file server for the generated site, for the tests only.
// Serves <root> on 127.0.0.1 on an ephemeral port: a folder answers with its index.html,
// a missing path with 404.html and status 404 (as a real host configured for the site would).

const fs = require('node:fs');
const http = require('node:http');
const path = require('node:path');

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.pdf': 'application/pdf',
};

function contentType(file) {
  return TYPES[path.extname(file).toLowerCase()] || 'application/octet-stream';
}

function isFile(p) {
  try { return fs.statSync(p).isFile(); } catch { return false; }
}

function isDir(p) {
  try { return fs.statSync(p).isDirectory(); } catch { return false; }
}

// Maps a request path to a file under root, or null. Never leaves root.
function resolve(root, urlPath) {
  let decoded;
  try { decoded = decodeURIComponent(urlPath); } catch { return { file: null }; }
  if (decoded.includes('\0')) return { file: null };
  const full = path.resolve(root, '.' + path.posix.normalize('/' + decoded));
  if (full !== root && !full.startsWith(root + path.sep)) return { file: null };
  if (isDir(full)) {
    if (!urlPath.endsWith('/')) return { redirect: urlPath + '/' };
    const index = path.join(full, 'index.html');
    return { file: isFile(index) ? index : null };
  }
  return { file: isFile(full) ? full : null };
}

function handler(root) {
  return (req, res) => {
    const url = new URL(req.url, 'http://127.0.0.1');
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { Allow: 'GET, HEAD' });
      res.end();
      return;
    }
    const found = resolve(root, url.pathname);
    if (found.redirect) {
      res.writeHead(301, { Location: found.redirect + url.search });
      res.end();
      return;
    }
    let status = 200;
    let file = found.file;
    if (!file) {
      status = 404;
      file = path.join(root, '404.html');
      if (!isFile(file)) {
        res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' });
        res.end('not found (and the site has no 404.html)\n');
        return;
      }
    }
    const body = fs.readFileSync(file);
    res.writeHead(status, {
      'Content-Type': contentType(file),
      'Content-Length': body.length,
      'Cache-Control': 'no-store',
    });
    res.end(req.method === 'HEAD' ? undefined : body);
  };
}

// Starts the server; resolves to { origin, port, stop() }. Fails if it has not started within
// startMs, and closes itself after lifetimeMs in any case so a stuck test cannot leave it running.
function start(rootDir, { startMs = 5000, lifetimeMs = 15 * 60 * 1000 } = {}) {
  const root = path.resolve(rootDir);
  const server = http.createServer(handler(root));
  let stopped = false;
  const stop = () => new Promise((done) => {
    if (stopped) { done(); return; }
    stopped = true;
    clearTimeout(lifetime);
    server.close(() => done());
    server.closeAllConnections();
  });
  const lifetime = setTimeout(() => { stop(); }, lifetimeMs);
  lifetime.unref();
  return new Promise((ok, fail) => {
    const timer = setTimeout(() => {
      stop();
      fail(new Error(`static server did not start within ${startMs} ms`));
    }, startMs);
    server.once('error', (err) => { clearTimeout(timer); stop(); fail(err); });
    server.listen(0, '127.0.0.1', () => {
      clearTimeout(timer);
      const { port } = server.address();
      ok({ origin: `http://127.0.0.1:${port}`, port, stop });
    });
  });
}

module.exports = { start, resolve };
