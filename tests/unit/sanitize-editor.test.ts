import { describe, expect, it } from 'vitest';
import { sanitizeArticleHtml } from '@/lib/sanitize';

// One sample of everything the editor writes (its getHTML(), as rich-text-editor.tsx configures it).
const EDITOR_OUTPUT = [
  '<h2>Mục</h2><h3>Mục nhỏ</h3><p>Chữ <strong>đậm</strong>, <em>nghiêng</em>, <u>gạch chân</u><br />dòng mới</p>',
  '<ul><li><p>Một</p><ul><li><p>Một một</p></li></ul></li></ul><ol><li><p>Hai</p></li></ol>',
  '<blockquote><p>Trích dẫn</p></blockquote>',
  '<p><a href="https://sonoivu.angiang.gov.vn/lien-he" rel="noopener noreferrer">Liên hệ</a> <a href="tel:02963981818" rel="noopener noreferrer">0296 3981 818</a> <a href="mailto:vanthu@angiang.gov.vn" rel="noopener noreferrer">thư</a></p>',
  '<table><tbody><tr><th><p>STT</p></th><th colspan="2"><p>Vị trí</p></th></tr><tr><td><p>1</p></td><td><p>Chuyên viên</p></td><td rowspan="2"><p>12</p></td></tr></tbody></table>',
  '<figure><img src="/media/0123456789abcdef0123456789abcdef/960.webp" alt="Hội nghị" /><figcaption>Quang cảnh hội nghị</figcaption></figure>',
  '<figure><img src="/media/0123456789abcdef0123456789abcdef/960.webp" alt="Hội nghị" /></figure>',
];

describe('the sanitiser allows exactly what the editor makes', () => {
  it('keeps every kind of content the editor writes unchanged', () => {
    for (const html of EDITOR_OUTPUT) expect(sanitizeArticleHtml(html)).toBe(html);
  });

  it('drops what the editor cannot make, keeping the text', () => {
    expect(
      sanitizeArticleHtml('<h1>A</h1><h4>B</h4><p style="mso-line-height-alt:12pt" class="MsoNormal"><span lang="VI">C</span><s>D</s></p>'),
    ).toBe('AB<p>CD</p>');
    expect(
      sanitizeArticleHtml(
        '<table style="min-width:75px"><colgroup><col style="min-width:25px"></colgroup><thead><tr><th scope="col" style="text-align:center">A</th></tr></thead><caption>x</caption></table>',
      ),
    ).toBe('<table><tr><th>A</th></tr>x</table>');
    expect(
      sanitizeArticleHtml(
        '<p><b>B</b><i>I</i><img src="/media/0123456789abcdef0123456789abcdef/320.webp" alt="a" width="10" title="t"></p>',
      ),
    ).toBe('<p><strong>B</strong><em>I</em><img src="/media/0123456789abcdef0123456789abcdef/320.webp" alt="a" /></p>');
  });
});
