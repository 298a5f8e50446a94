// The real pages of ../shared/corpus/pages/readability as the evaluation scripts and the bench
// serve them: where they are, and each page without its scripts.
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

export const corpus = join(dirname(fileURLToPath(import.meta.url)), "..", "..", "shared", "corpus", "pages", "readability");

/// The page without its scripts: script elements, inline event handlers, and the meta tags that
/// would reload the page or forbid our module.
export function stripScripts(html) {
  return html
    .replace(/<[a-zA-Z][^>]*>/g, (tag) => tag.replace(/\s+on[a-z]+\s*=\s*("[^"]*"|'[^']*'|[^\s>]+)/gi, ""))
    .replace(/<script\b[\s\S]*?<\/script\s*>/gi, "")
    .replace(/<script\b[^>]*\/>/gi, "")
    .replace(/<meta\b[^>]*http-equiv\s*=\s*["']?(refresh|content-security-policy)[^>]*>/gi, "");
}

/// The static server's routes for the pages `slugs`: each at `/__pages/<slug>/`, without its
/// scripts, never cached.
export function corpusRoutes(slugs) {
  const routes = {};
  for (const slug of slugs) {
    routes[`/__pages/${slug}/`] = (_req, res) => {
      res.writeHead(200, { "content-type": "text/html; charset=utf-8", "cache-control": "no-store" });
      res.end(stripScripts(readFileSync(join(corpus, slug, "source.html"), "utf8")));
    };
  }
  return routes;
}
