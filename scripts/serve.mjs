// A static file server for the built site: right MIME types, loopback only, no caching surprises, and
// the strict Content-Security-Policy the page must work under.
// Usage: node scripts/serve.mjs DIR [PORT]    (PORT 0 picks a free one)
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { pathToFileURL } from 'node:url';

const HOST = '127.0.0.1';
// The policy an embedding newsroom may impose; serving under it keeps the page honest.
const CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'";
const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.csv': 'text/csv; charset=utf-8',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
};

/**
 * Starts serving `dir` under the URL path `prefix` (as a static host serving from a sub-path would);
 * resolves to the running server once it listens. `csp: false` leaves the policy out (benchmark pages
 * that load peers' bundles).
 */
export function serveDir(dir, port = 0, prefix = '/', { csp = true } = {}) {
  const root = resolve(dir);
  const server = createServer(async (req, res) => {
    const full = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    if (!full.startsWith(prefix)) return send(res, 404, 'not found');
    const path = `/${full.slice(prefix.length)}`;
    let file = normalize(join(root, path));
    if (file !== root && !file.startsWith(root + sep)) return send(res, 403, 'forbidden');
    try {
      let info = await stat(file);
      if (info.isDirectory()) { file = join(file, 'index.html'); info = await stat(file); }
      // A validator, as static hosts send: a page opened again revalidates rather than downloads, and the
      // browser keeps its compiled wasm for the unchanged module.
      const etag = `W/"${info.size}-${Math.round(info.mtimeMs)}"`;
      const headers = {
        'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
        'cache-control': 'no-cache',
        etag,
        ...(csp ? { 'content-security-policy': CSP } : {}),
      };
      if (req.headers['if-none-match'] === etag) { res.writeHead(304, headers); return res.end(); }
      const body = await readFile(file);
      res.writeHead(200, headers);
      res.end(body);
    } catch {
      send(res, 404, 'not found');
    }
  });
  return new Promise((ok) => server.listen(port, HOST, () => ok(server)));
}

function send(res, status, text) {
  res.writeHead(status, { 'content-type': 'text/plain' });
  res.end(text);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const [dir = 'dist', port = '8080'] = process.argv.slice(2);
  const server = await serveDir(dir, Number(port));
  console.log(`Roundabout: http://${HOST}:${server.address().port}/`);
}
