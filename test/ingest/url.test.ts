import { describe, expect, it } from 'vitest';
import { canonicalUrl, withoutTracking } from '../../src/ingest/url.ts';

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

describe('withoutTracking', () => {
  it('drops tracking parameters and keeps the rest of the address as published', () => {
    expect(withoutTracking('https://Example.com/World/Story/?utm_source=rss&id=7&fbclid=x#top')).toBe(
      'https://example.com/World/Story/?id=7#top',
    );
    expect(withoutTracking('https://example.com/a?utm_source=rss')).toBe('https://example.com/a');
  });

  it('leaves links without tracking, and anything that is not a web address, untouched', () => {
    expect(withoutTracking('https://example.com/a?b=2&a=1')).toBe('https://example.com/a?b=2&a=1');
    expect(withoutTracking('not a url?utm_source=x')).toBe('not a url?utm_source=x');
    expect(withoutTracking('mailto:desk@example.com?utm_source=x')).toBe(
      'mailto:desk@example.com?utm_source=x',
    );
  });
});
