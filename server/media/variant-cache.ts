import 'server-only';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { renderVariant } from './image';

/**
 * Resized variants are made once and kept: in memory (least recently used first out, bounded in
 * bytes) and on disk. Keys are the original's sha256, never its id, so a cache can never serve
 * one database's image for another's: `.next/cache` survives a database reset or switch.
 */
type Store = { entries: Map<string, Buffer>; bytes: number; pending: Map<string, Promise<Buffer | null>> };

const globalKey = Symbol.for('portal.media-variants');
const holder = globalThis as typeof globalThis & { [globalKey]?: Store };
const store = (holder[globalKey] ??= { entries: new Map(), bytes: 0, pending: new Map() });

function memoryLimit(): number {
  const megabytes = Number(process.env.MEDIA_CACHE_MEMORY_MB ?? 64);
  return (Number.isFinite(megabytes) && megabytes >= 0 ? megabytes : 64) * 1024 * 1024;
}

export function mediaCacheDir(): string {
  return path.resolve(/*turbopackIgnore: true*/ process.env.MEDIA_CACHE_DIR ?? path.join(process.cwd(), '.next', 'cache', 'media'));
}

function remember(key: string, body: Buffer) {
  const limit = memoryLimit();
  if (body.length > limit) return;
  store.entries.delete(key);
  store.entries.set(key, body);
  store.bytes += body.length;
  for (const [oldKey, oldBody] of store.entries) {
    if (store.bytes <= limit) break;
    store.entries.delete(oldKey);
    store.bytes -= oldBody.length;
  }
}

function recall(key: string): Buffer | undefined {
  const body = store.entries.get(key);
  if (body) {
    // Map keeps insertion order: moving the entry to the end makes it the most recently used.
    store.entries.delete(key);
    store.entries.set(key, body);
  }
  return body;
}

async function readDisk(file: string): Promise<Buffer | null> {
  try {
    return await fs.readFile(file);
  } catch {
    return null;
  }
}

/** Written under a temporary name and renamed, so another process never reads half a file. */
async function writeDisk(file: string, body: Buffer): Promise<void> {
  try {
    await fs.mkdir(path.dirname(file), { recursive: true });
    const temporary = `${file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
    await fs.writeFile(temporary, body);
    await fs.rename(temporary, file);
  } catch (error) {
    // A read-only or full disk costs only speed: the variant is still served from memory.
    console.warn('[media] Không ghi được ảnh vào bộ nhớ đệm trên đĩa.', error);
  }
}

/**
 * The WebP variant of an image at `width`, made from the original (read by `loadOriginal` only
 * when no cache has it). Concurrent requests for one variant share one rendering.
 */
export async function getVariant({
  sha256,
  width,
  loadOriginal,
}: {
  sha256: string;
  width: number;
  loadOriginal: () => Promise<Buffer | null>;
}): Promise<Buffer | null> {
  const key = `${sha256}-${width}`;
  const cached = recall(key);
  if (cached) return cached;
  const running = store.pending.get(key);
  if (running) return running;

  const work = (async () => {
    const file = path.join(mediaCacheDir(), sha256.slice(0, 2), `${key}.webp`);
    let body = await readDisk(file);
    if (!body) {
      const original = await loadOriginal();
      if (!original) return null;
      body = await renderVariant(original, width);
      await writeDisk(file, body);
    }
    remember(key, body);
    return body;
  })();
  store.pending.set(key, work);
  try {
    return await work;
  } finally {
    store.pending.delete(key);
  }
}

/** For tests: forget what memory holds. */
export function clearVariantMemory(): void {
  store.entries.clear();
  store.bytes = 0;
}
