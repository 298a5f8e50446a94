// `npm start`: serves the demo and its sample article on 127.0.0.1 and says where the extensions are.
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { serveStatic } from "./static-server.mjs";

const top = join(dirname(fileURLToPath(import.meta.url)), "..");
const port = Number(process.env.PORT ?? 8080);
const { port: bound } = await serveStatic(top, { port });
const base = `http://127.0.0.1:${bound}`;
console.log(`
Verbatim is built and served.

  Demo:            ${base}/www/
  Sample article:  ${base}/www/sample/article.html   (open it with the extension loaded)

Unpacked extensions:
  Chrome/Chromium: ${join(top, "dist", "chrome")}
      chrome://extensions → turn on Developer mode → Load unpacked → choose that folder.
  Firefox:         ${join(top, "dist", "firefox")}
      about:debugging#/runtime/this-firefox → Load Temporary Add-on… → choose manifest.json there.

Press Ctrl+C to stop.`);
