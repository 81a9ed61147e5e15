import { describe, expect, it } from 'vitest';
import { sanitizeArticleHtml } from '@/lib/sanitize';
import { MEDIA_URL_PATTERN, responsiveImage, variantsFor } from '@/lib/media/urls';

const KEY = '3f2a9c0d4b5e6f708192a3b4c5d6e7f8';

describe('images in article bodies', () => {
  it('keeps only images from our own /media/ addresses', () => {
    expect(sanitizeArticleHtml('<p><img src="/media/3f2a9c0d4b5e6f708192a3b4c5d6e7f8/640.webp" alt="Ảnh"></p>')).toBe(
      '<p><img src="/media/3f2a9c0d4b5e6f708192a3b4c5d6e7f8/640.webp" alt="Ảnh" /></p>',
    );
    for (const src of [
      'https://evil.example/a.png',
      'http://evil.example/a.png',
      '//evil.example/a.png',
      '/media//evil.example/a.png',
      '/media/../api/quan-tri/anh',
      'data:image/png;base64,AAAA',
      '/api/anh/1',
    ]) {
      expect(sanitizeArticleHtml(`<p>x<img src="${src}" alt="a"></p>`), src).toBe('<p>x</p>');
    }
  });
});

describe('image variant addresses', () => {
  it('lists every width below the original and the original size once, never wider', () => {
    expect(variantsFor(KEY, 700).map((v) => `${v.url} ${v.width}`)).toEqual([
      `/media/${KEY}/320.webp 320`,
      `/media/${KEY}/640.webp 640`,
      `/media/${KEY}/960.webp 700`,
    ]);
    expect(variantsFor(KEY, 200).map((v) => v.width)).toEqual([200]);
    expect(variantsFor(KEY, 4000).map((v) => v.width)).toEqual([320, 640, 960, 1280]);
    expect(responsiveImage({ key: KEY, width: 4000, height: 3000 }, '100vw')).toMatchObject({
      src: `/media/${KEY}/960.webp`,
      width: 4000,
      height: 3000,
    });
    for (const variant of variantsFor(KEY, 4000)) expect(variant.url).toMatch(MEDIA_URL_PATTERN);
  });
});
