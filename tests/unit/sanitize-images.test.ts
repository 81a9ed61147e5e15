import { describe, expect, it } from 'vitest';
import { sanitizeArticleHtml } from '@/lib/sanitize';
import { MEDIA_URL_PATTERN, responsiveImage, variantsFor } from '@/lib/media/urls';

describe('images in article bodies', () => {
  it('keeps only images from our own /media/ addresses', () => {
    expect(sanitizeArticleHtml('<p><img src="/media/12/640.webp" alt="Ảnh"></p>')).toBe('<p><img src="/media/12/640.webp" alt="Ảnh" /></p>');
    for (const src of ['https://evil.example/a.png', 'http://evil.example/a.png', '//evil.example/a.png', '/media//evil.example/a.png', '/media/../api/quan-tri/anh', 'data:image/png;base64,AAAA', '/api/anh/1']) {
      expect(sanitizeArticleHtml(`<p>x<img src="${src}" alt="a"></p>`), src).toBe('<p>x</p>');
    }
  });
});

describe('image variant addresses', () => {
  it('lists every width below the original and the original size once, never wider', () => {
    expect(variantsFor(3, 700).map((v) => `${v.url} ${v.width}`)).toEqual(['/media/3/320.webp 320', '/media/3/640.webp 640', '/media/3/960.webp 700']);
    expect(variantsFor(3, 200).map((v) => v.width)).toEqual([200]);
    expect(variantsFor(3, 4000).map((v) => v.width)).toEqual([320, 640, 960, 1280]);
    expect(responsiveImage({ id: 3, width: 4000, height: 3000 }, '100vw')).toMatchObject({ src: '/media/3/960.webp', width: 4000, height: 3000 });
    for (const variant of variantsFor(3, 4000)) expect(variant.url).toMatch(MEDIA_URL_PATTERN);
  });
});
