import { once } from 'node:events';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { chromium, type Browser } from 'playwright-core';

/** Debian's chromium (apt package `chromium`); `.ci/run` installs it when missing. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Headless Chromium as the tests and the benchmark drive it. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
}

export interface HostPage {
  /** The page's origin, e.g. http://127.0.0.1:41234: not the API's. */
  origin: string;
  url: string;
  close(): Promise<void>;
}

/** What a host page carries: the snippet's attributes, and the page's own language and words. */
export interface HostPageOptions {
  apiUrl: string;
  site: string;
  article: string;
  target?: string;
  /** `<html lang>`; English unless given. */
  lang?: string;
  /** The snippet's data-lang, if any. */
  dataLang?: string;
  heading?: string;
  text?: string;
  footer?: string;
}

/**
 * A plain article page on its own origin carrying the snippet exactly as a
 * site owner pastes it: what a blog looks like to the embed.
 */
export async function serveHostPage(snippet: HostPageOptions): Promise<HostPage> {
  const { lang = 'en', heading = 'A host article', text = 'Some article text.', footer = 'Footer after the snippet' } = snippet;
  const target = snippet.target ? ` data-target="${snippet.target}"` : '';
  const dataLang = snippet.dataLang === undefined ? '' : ` data-lang="${snippet.dataLang}"`;
  const html = `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><title>${heading}</title></head>
<body><h1>${heading}</h1><p>${text}</p>${snippet.target ? '<div id="comments"></div>' : ''}
<script src="${snippet.apiUrl}/embed.js"
        data-site="${snippet.site}" data-article="${snippet.article}"${target}${dataLang} async></script>
<footer>${footer}</footer></body></html>`;
  const server: Server = createServer((req, res) => {
    if (req.url !== '/' && !req.url?.startsWith('/?')) return void res.writeHead(404).end();
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(html);
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;
  return {
    origin,
    url: `${origin}/`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
