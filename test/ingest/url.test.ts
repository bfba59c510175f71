import { describe, expect, it } from 'vitest';
import { canonicalUrl } from '../../src/ingest/url.ts';

describe('canonicalUrl', () => {
  it('lowercases scheme and host and drops default ports and fragments', () => {
    expect(canonicalUrl('HTTPS://News.Example.COM:443/World/Story#comments')).toBe(
      'https://news.example.com/World/Story',
    );
    expect(canonicalUrl('http://example.com:80/a')).toBe('http://example.com/a');
    expect(canonicalUrl('http://example.com:8080/a')).toBe('http://example.com:8080/a');
  });

  it('drops utm_* and other tracking parameters and sorts the rest', () => {
    expect(
      canonicalUrl('https://example.com/a?utm_source=rss&b=2&fbclid=x&a=1&gclid=y&mc_cid=z&UTM_Medium=m'),
    ).toBe('https://example.com/a?a=1&b=2');
  });

  it('treats a trailing slash and an empty path as the same page', () => {
    expect(canonicalUrl('https://example.com/world/story/')).toBe('https://example.com/world/story');
    expect(canonicalUrl('https://example.com/')).toBe('https://example.com');
    expect(canonicalUrl('https://example.com')).toBe('https://example.com');
  });

  it('refuses what is not an absolute http(s) URL', () => {
    expect(canonicalUrl('not a url')).toBeNull();
    expect(canonicalUrl('ftp://example.com/file')).toBeNull();
    expect(canonicalUrl('javascript:alert(1)')).toBeNull();
  });
});
