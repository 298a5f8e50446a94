// A tiny static file server on 127.0.0.1 for the demo and the end-to-end tests.
// Optional per-path headers let tests serve a page with a Content-Security-Policy.
import { createServer } from "node:http";
import { readFile, stat } from "node:fs/promises";
import { extname, join, normalize, sep } from "node:path";

const TYPES = {
  ".html": "text/html; charset=utf-8", ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8", ".css": "text/css; charset=utf-8",
  ".json": "application/json", ".wasm": "application/wasm", ".svg": "image/svg+xml",
  ".png": "image/png", ".jpg": "image/jpeg", ".gif": "image/gif", ".txt": "text/plain; charset=utf-8",
  ".ts": "text/plain; charset=utf-8",
};

/// Serves `dir` on 127.0.0.1:`port` (0 = any free port). `headers(path)` may add response headers;
/// `routes` maps a path to a handler (req, res) for pages generated on the fly.
export function serveStatic(dir, { port = 0, headers = () => ({}), routes = {} } = {}) {
  const root = normalize(dir);
  const server = createServer(async (req, res) => {
    const url = new URL(req.url, "http://127.0.0.1");
    const path = decodeURIComponent(url.pathname);
    if (routes[path]) return routes[path](req, res);
    let file = normalize(join(root, path));
    if (file !== root && !file.startsWith(root + sep)) {
      res.writeHead(403).end();
      return;
    }
    try {
      if ((await stat(file)).isDirectory()) file = join(file, "index.html");
      const body = await readFile(file);
      res.writeHead(200, {
        "content-type": TYPES[extname(file)] ?? "application/octet-stream",
        "cache-control": "no-store",
        ...headers(path),
      });
      res.end(body);
    } catch {
      res.writeHead(404, { "content-type": "text/plain" }).end("not found");
    }
  });
  return new Promise((resolve) => {
    server.listen(port, "127.0.0.1", () => resolve({ server, port: server.address().port }));
  });
}
