#!/usr/bin/env node
// Prints the first-load JavaScript of a page: every script the HTML loads, gzip-compressed.
// Usage: node scripts/first-load-js.mjs http://localhost:3000/tin-tuc/<slug>
import { gzipSync } from 'node:zlib';

const pageUrl = process.argv[2];
if (!pageUrl) {
  console.error('Usage: node scripts/first-load-js.mjs <url>');
  process.exit(2);
}
const html = await (await fetch(pageUrl)).text();
const sources = new Set(
  // noModule scripts are polyfills that modern browsers never download.
  [...html.matchAll(/<script(?![^>]*noModule)[^>]+src="([^"]+)"/g), ...html.matchAll(/<link[^>]+rel="modulepreload"[^>]+href="([^"]+)"/g)].map(
    (m) => m[1],
  ),
);
let raw = 0;
let gzip = 0;
for (const src of sources) {
  const body = Buffer.from(await (await fetch(new URL(src, pageUrl))).arrayBuffer());
  raw += body.length;
  gzip += gzipSync(body, { level: 9 }).length;
}
const inline = [...html.matchAll(/<script(?![^>]*src=)[^>]*>([\s\S]*?)<\/script>/g)].map((m) => m[1]).join('');
console.log(
  JSON.stringify({ url: pageUrl, scripts: sources.size, rawBytes: raw, gzipBytes: gzip, inlineGzipBytes: gzipSync(inline, { level: 9 }).length }),
);
