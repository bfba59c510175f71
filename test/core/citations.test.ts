import { describe, expect, it } from 'vitest';
import { sourceUrl } from '../../src/core/citations.ts';

describe('sourceUrl', () => {
  it('links to the stored article without its tracking parameters', () => {
    const source = { articleId: 1, title: 'Talks', url: 'https://example.org/talks/?utm_source=rss&page=2' };
    expect(sourceUrl(source)).toBe('https://example.org/talks/?page=2');
  });

  it('gives no link for anything but http(s)', () => {
    expect(sourceUrl({ articleId: 1, title: 'Talks', url: 'javascript:alert(1)' })).toBeUndefined();
    expect(sourceUrl({ articleId: 1, title: 'Talks', path: '/corpus/a.txt' })).toBeUndefined();
  });
});
