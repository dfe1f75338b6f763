import { describe, expect, it } from 'vitest';
import { readPageDate } from './page-date';

const parse = (html: string) => new DOMParser().parseFromString(html, 'text/html');

describe('readPageDate', () => {
  it('reads Open Graph article metadata, in content or value', () => {
    expect(
      readPageDate(
        parse('<meta property="article:published_time" content="2010-08-18T01:57:27+00:00">'),
      ),
    ).toBe('2010-08-18');
    expect(
      readPageDate(parse('<meta name="article:published_time" value="2016-09-19T11:46:01.000Z">')),
    ).toBe('2016-09-19');
  });

  it('prefers the publication date to the modification date', () => {
    const doc = parse(
      '<meta property="article:modified_time" content="2023-11-02T15:58:23Z">' +
        '<meta property="article:published_time" content="2023-11-01T23:01:00Z">',
    );
    expect(readPageDate(doc)).toBe('2023-11-01');
  });

  it('reads JSON-LD, nested in a graph, and skips a broken block', () => {
    const doc = parse(
      '<script type="application/ld+json">{ broken</script>' +
        '<script type="application/ld+json">{"@graph":[{"@type":"WebPage"},' +
        '{"@type":"NewsArticle","datePublished":"2024-04-30 16:00:34 +02:00"}]}</script>',
    );
    expect(readPageDate(doc)).toBe('2024-04-30');
  });

  it('reads the byline: schema.org microdata, then the article’s first dated time', () => {
    expect(
      readPageDate(
        parse(
          '<p>By A. Writer, <span itemprop="datePublished" content="2016-04-23">April</span></p>',
        ),
      ),
    ).toBe('2016-04-23');
    expect(
      readPageDate(
        parse(
          '<aside><time datetime="2022-10-20">x</time></aside><article><time datetime="2014-07-08T10:00">8 July</time></article>',
        ),
      ),
    ).toBe('2014-07-08');
  });

  it('states no date rather than guess one', () => {
    expect(readPageDate(parse('<p>Posted on Monday</p><time datetime="2020-01-01">x</time>'))).toBe(
      undefined,
    );
    expect(readPageDate(parse('<meta name="date" content="yesterday">'))).toBe(undefined);
    expect(readPageDate(parse('<meta name="date" content="2020-13-45">'))).toBe(undefined);
  });
});
