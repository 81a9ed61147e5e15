// The first-load JavaScript of each public page, file by file, and which of the site's own client
// components each file carries (the rest is React and Next's runtime, on every page alike).
// Usage: npx tsx scripts/first-load-js-report.ts http://localhost:3000 [<path> …]
import { gzipSync } from 'node:zlib';
import { measureFirstLoadJs } from './first-load-js';

/** Words only each client component's code contains. */
const MARKERS: [component: string, marker: RegExp][] = [
  ['VisitorWidget + useLiveJson (components/stats)', /Lượt truy cập|Thống kê truy cập|thong-ke-truy-cap/],
];

const [base, ...paths] = process.argv.slice(2);
if (!base) {
  console.error('Usage: npx tsx scripts/first-load-js-report.ts <origin> [<path> …]');
  process.exit(2);
}
const pages = paths.length ? paths : ['/', '/chuyen-muc/tin-tuc-su-kien', '/van-ban', '/thu-tuc-hanh-chinh', '/lien-he', '/gioi-thieu'];
for (const page of pages) {
  const files: string[] = [];
  const result = await measureFirstLoadJs(new URL(page, base).href, (src, text) => {
    const gzip = gzipSync(text, { level: 9 }).length;
    const owners = MARKERS.filter(([, marker]) => marker.test(text)).map(([name]) => name);
    files.push(
      `    ${String(gzip).padStart(7)} B gzip ${String(Buffer.byteLength(text)).padStart(8)} B  ${src}${owners.length ? `  ← ${owners.join(', ')}` : ''}`,
    );
  });
  console.log(
    `${page}: ${result.scripts} files, ${result.gzipBytes.toLocaleString('en')} B gzip (${result.rawBytes.toLocaleString('en')} B), inline RSC ${result.inlineGzipBytes.toLocaleString('en')} B gzip`,
  );
  for (const line of files) console.log(line);
}
