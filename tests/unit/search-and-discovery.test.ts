import { describe, expect, it } from 'vitest';
import { escapeXml, rssXml, sitemapXml } from '@/lib/discovery/xml';
import { jsonLdText, vietnamIsoDateTime } from '@/lib/discovery/structured-data';
import { markTerms, plainTextOf, SEARCH_COUNT_CAP, searchCountText, snippetOf } from '@/lib/search/results';
import { hasPhrase, parseSearchQuery, SEARCH_MAX_CHARS, searchTsQuery, searchWordsText } from '@/lib/search-text';

describe('parseSearchQuery', () => {
  it('folds words, keeps diacritics for ranking, and reads quoted phrases', () => {
    const query = parseSearchQuery('  Đồng   Khởi "thi ĐUA khen" ');
    expect(query.text).toBe('Đồng Khởi "thi ĐUA khen"');
    expect(query.terms).toEqual([
      { exact: 'đồng', folded: 'dong' },
      { exact: 'khởi', folded: 'khoi' },
      { exact: 'thi đua khen', folded: 'thi dua khen' },
    ]);
    expect(query.hasDiacritics).toBe(true);
    expect(parseSearchQuery('dong khoi').hasDiacritics).toBe(false);
    expect(parseSearchQuery('“thi đua”').terms).toEqual([{ exact: 'thi đua', folded: 'thi dua' }]);
    expect(searchTsQuery(parseSearchQuery('a "b c"'))).toBe('(a) & (b <-> c)');
    // In the title only (weighted A), and in any order for the index's vectors without positions.
    expect(searchTsQuery(parseSearchQuery('a "b c"'), { weight: 'A' })).toBe('(a:A) & (b:A <-> c:A)');
    expect(searchTsQuery(parseSearchQuery('a "b c"'), { anyOrder: true })).toBe('(a) & (b & c)');
    expect(hasPhrase(parseSearchQuery('a "b c"'))).toBe(true);
    expect(hasPhrase(parseSearchQuery('42/2022/NĐ-CP'))).toBe(true);
    expect(hasPhrase(parseSearchQuery('dong khoi'))).toBe(false);
  });

  it('treats odd characters as separators and bounds the query', () => {
    expect(parseSearchQuery("% _ ' \\ & | ! :* 😀").terms).toEqual([]);
    // Joined by punctuation, like a number "42/2022/NĐ-CP": the words follow each other.
    expect(parseSearchQuery('a:*|b!c').terms.map((t) => t.folded)).toEqual(['a b c']);
    expect(searchTsQuery(parseSearchQuery("x' & (y) | !z:*"))).toBe('(x) & (y) & (z)');
    expect(parseSearchQuery('w '.repeat(300)).text.length).toBeLessThanOrEqual(SEARCH_MAX_CHARS);
    const many = parseSearchQuery('một hai ba bốn năm sáu bảy tám chín mười mười_một mười_hai');
    expect(many.terms.flatMap((term) => term.exact.split(' '))).toHaveLength(10);
    expect(searchWordsText('42/2022/NĐ-CP')).toBe(' 42 2022 nd cp ');
  });
});

describe('search counts', () => {
  it('says "hơn" once a type reached the cap, and adds the types up', () => {
    expect(searchCountText([])).toBe('0');
    expect(searchCountText([1234])).toBe('1.234');
    expect(searchCountText([SEARCH_COUNT_CAP])).toBe('2.000');
    expect(searchCountText([SEARCH_COUNT_CAP + 1])).toBe('hơn 2.000');
    expect(searchCountText([1500, 1500])).toBe('3.000');
    expect(searchCountText([SEARCH_COUNT_CAP + 1, 625, 3])).toBe('hơn 2.628');
  });
});

describe('marking and snippets', () => {
  const terms = parseSearchQuery('dong khoi').terms;
  it('marks whole words with or without diacritics', () => {
    expect(markTerms('Phong trào Đồng Khởi; cộng đồng', terms)).toEqual([
      { text: 'Phong trào ', mark: false },
      { text: 'Đồng', mark: true },
      { text: ' ', mark: false },
      { text: 'Khởi', mark: true },
      { text: '; cộng ', mark: false },
      { text: 'đồng', mark: true },
    ]);
    expect(markTerms('Đồng Khởi', parseSearchQuery('"dong khoi"').terms)).toEqual([{ text: 'Đồng Khởi', mark: true }]);
  });
  it('cuts around the first match', () => {
    const text = `${'Lorem ipsum '.repeat(40)}phong trào Đồng Khởi mới ${'dolor sit '.repeat(40)}`;
    const pieces = snippetOf(text, terms, 120);
    expect(pieces[0]).toEqual({ text: '…', mark: false });
    expect(pieces.some((piece) => piece.mark && piece.text === 'Đồng')).toBe(true);
    expect(pieces.map((piece) => piece.text).join('').length).toBeLessThan(170);
    expect(plainTextOf('<p>A &amp; B</p><p>C&nbsp;D</p>')).toBe('A & B C D');
  });
});

describe('feeds, site map and structured data', () => {
  it('escapes text and writes RSS 2.0 with RFC 822 dates', () => {
    expect(escapeXml('a < b & "c" \u0001')).toBe('a &lt; b &amp; &quot;c&quot; ');
    const xml = rssXml({
      title: 'Tin <mới>',
      link: 'https://example.gov.vn/',
      self: 'https://example.gov.vn/rss.xml',
      description: 'd',
      items: [{ title: 'T & T', link: 'https://example.gov.vn/tin-tuc/a', description: 's', published: new Date('2018-08-07T00:37:00Z') }],
    });
    expect(xml).toContain('<title>Tin &lt;mới&gt;</title>');
    expect(xml).toContain('<pubDate>Tue, 07 Aug 2018 00:37:00 GMT</pubDate>');
    expect(xml).toContain('<guid isPermaLink="true">https://example.gov.vn/tin-tuc/a</guid>');
    expect(sitemapXml([{ loc: 'https://e/a?b&c', lastmod: new Date('2020-01-01T00:00:00Z') }])).toContain(
      '<url><loc>https://e/a?b&amp;c</loc><lastmod>2020-01-01T00:00:00.000Z</lastmod></url>',
    );
  });
  it('writes dates in Vietnam with +07:00 and never lets text close the script', () => {
    expect(vietnamIsoDateTime(new Date('2018-08-07T00:37:00Z'))).toBe('2018-08-07T07:37:00+07:00');
    expect(jsonLdText({ headline: '</script><script>alert(1)</script>' })).not.toContain('</script>');
  });
});
