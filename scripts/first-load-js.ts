// The first-load JavaScript of a page: every script its HTML loads, gzip-compressed, plus the inline
// RSC data. Usage: npx tsx scripts/first-load-js.ts http://localhost:3000/tin-tuc/<slug>
// The e2e tests hold the public pages to a budget with the same function.
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';

export type FirstLoadJs = { url: string; scripts: number; rawBytes: number; gzipBytes: number; inlineGzipBytes: number };

/** Measures a page; `onScript` sees each script's address and text. */

export async function measureFirstLoadJs(pageUrl: string, onScript?: (src: string, text: string) => void): Promise<FirstLoadJs> {
  const html = await (await fetch(pageUrl)).text();
  const sources = new Set(
    // noModule scripts are polyfills that modern browsers never download.
    [
      ...html.matchAll(/<script(?![^>]*noModule)[^>]+src="([^"]+)"/g),
      ...html.matchAll(/<link[^>]+rel="modulepreload"[^>]+href="([^"]+)"/g),
    ].map((m) => m[1]!),
  );
  let rawBytes = 0;
  let gzipBytes = 0;
  for (const src of sources) {
    const body = Buffer.from(await (await fetch(new URL(src, pageUrl))).arrayBuffer());
    onScript?.(src, body.toString('utf8'));
    rawBytes += body.length;
    gzipBytes += gzipSync(body, { level: 9 }).length;
  }
  const inline = [...html.matchAll(/<script(?![^>]*src=)[^>]*>([\s\S]*?)<\/script>/g)].map((m) => m[1]).join('');
  return { url: pageUrl, scripts: sources.size, rawBytes, gzipBytes, inlineGzipBytes: gzipSync(inline, { level: 9 }).length };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const pageUrl = process.argv[2];
  if (!pageUrl) {
    console.error('Usage: npx tsx scripts/first-load-js.ts <url>');
    process.exit(2);
  }
  console.log(JSON.stringify(await measureFirstLoadJs(pageUrl)));
}
