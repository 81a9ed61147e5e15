import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { nodeFs } from 'next/dist/server/lib/node-fs-methods';
import { afterAll, describe, expect, it } from 'vitest';
// @ts-expect-error: a plain .mjs module, loaded by Next by path.
import FilePageCacheHandler, { revalidatedSince } from '@/server/page-cache-handler.mjs';

// A render reads the database, then stores the page. An edit revalidated between the two must not
// leave the page as it was before the edit, stored after the revalidation and taken as fresh.
const dir = mkdtempSync(path.join(os.tmpdir(), 'page-cache-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const handler = new FilePageCacheHandler({ fs: nodeFs, serverDistDir: dir, flushToDisk: true, maxMemoryCacheSize: 10_000_000 });
const pageCtx = { kind: 'APP_PAGE', isRoutePPREnabled: false, isFallback: false };
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

let serial = 0;
function page(html: string) {
  const tag = `_N_T_/van-ban/thu-${++serial}-${Date.now()}`;
  const key = `/van-ban/thu-${serial}`;
  const value = {
    kind: 'APP_PAGE',
    html,
    rscData: Buffer.from(html),
    headers: { 'x-next-cache-tags': `_N_T_/layout,${tag}` },
    status: 200,
    postponed: undefined,
    segmentData: undefined,
  };
  return { tag, key, value };
}
const store = (key: string, value: unknown) =>
  handler.set(key, value, { ...pageCtx, cacheControl: { revalidate: 300, expire: undefined } });
const read = async (key: string) => (await handler.get(key, pageCtx))?.value?.html;

describe('the page cache and an edit made while the page renders', () => {
  it('drops a page whose render began before a revalidation of one of its tags', async () => {
    const { tag, key, value } = page('trước khi sửa');
    expect(await read(key)).toBeUndefined(); // the render begins: nothing stored
    await sleep(5);
    await handler.revalidateTag([tag]); // an upload revalidates the page meanwhile
    await store(key, value); // the render, from data read before the upload, ends
    expect(await read(key)).toBeUndefined();

    // The next render reads after the upload: it is stored.
    await store(key, { ...value, html: 'sau khi sửa' });
    expect(await read(key)).toBe('sau khi sửa');
  });

  it('stores a page when no revalidation came during its render', async () => {
    const { key, value } = page('mới');
    expect(await read(key)).toBeUndefined();
    await store(key, value);
    expect(await read(key)).toBe('mới');
  });

  it('renders a revalidated page once, not twice: reads of a fresh page begin no render', async () => {
    const { tag, key, value } = page('bản 1');
    await read(key);
    await store(key, value);
    expect(await read(key)).toBe('bản 1'); // a fresh read, long before the edit
    await sleep(5);
    await handler.revalidateTag([tag]);
    expect(await read(key)).toBeUndefined(); // expired: this read begins the render
    await store(key, { ...value, html: 'bản 2' });
    expect(await read(key)).toBe('bản 2');
  });

  it('counts a tag as revalidated once marked stale, or once its expiry has come', () => {
    const manifest = new Map<string, { stale?: number; expired?: number }>([
      ['a', { stale: 1_000 }],
      ['b', { expired: 2_000 }],
      ['c', { expired: 9_000 }],
    ]);
    expect(revalidatedSince(['a'], 999, manifest, 5_000)).toBe(true);
    expect(revalidatedSince(['a'], 1_000, manifest, 5_000)).toBe(false);
    expect(revalidatedSince(['x', 'b'], 1_500, manifest, 5_000)).toBe(true);
    expect(revalidatedSince(['c'], 1_500, manifest, 5_000)).toBe(false); // expires later
    expect(revalidatedSince([], 0, manifest, 5_000)).toBe(false);
  });
});
