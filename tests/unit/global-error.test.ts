import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import GlobalError from '../../app/global-error';

// A page that fails to render with nothing cached gets this instead of Next's English page
// (checked by hand in Chromium: a throwing page showed it with status 500).
describe('the page shown when rendering fails', () => {
  it('is a Vietnamese document with a way to retry and a way home', () => {
    const html = renderToStaticMarkup(createElement(GlobalError, { error: new Error('x'), retry: () => {} }));
    expect(html).toContain('<html lang="vi">');
    expect(html).toContain('<title>Trang chưa hiển thị được</title>');
    expect(html).toContain('<h1 class="text-2xl font-bold">Trang chưa hiển thị được</h1>');
    expect(html).toMatch(/<button type="button"[^>]*>Thử lại<\/button>/);
    expect(html).toMatch(/<a href="\/"[^>]*>Về trang chủ<\/a>/);
    // Nothing of the error itself reaches the visitor.
    expect(html).not.toContain('Error');
  });
});
