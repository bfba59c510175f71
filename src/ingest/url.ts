// Query parameters that only track the click and never change the page.
const TRACKING = new Set([
  'fbclid',
  'gclid',
  'dclid',
  'gbraid',
  'wbraid',
  'msclkid',
  'yclid',
  'twclid',
  'igshid',
  'mc_cid',
  'mc_eid',
  '_ga',
  '_gl',
  'ref_src',
  'ref_url',
  'cmpid',
  'ocid',
  'spm',
  'mkt_tok',
  'oly_anon_id',
  'oly_enc_id',
  'vero_id',
  'rss',
  'at_medium',
  'at_campaign',
]);

const isTracking = (key: string): boolean => {
  const k = key.toLowerCase();
  return k.startsWith('utm_') || k.startsWith('hsa_') || TRACKING.has(k);
};

/**
 * The form of a URL used to recognise the same page: lowercase scheme and host, no default port,
 * no fragment, no tracking parameters, remaining parameters sorted, no trailing slash on paths.
 * Returns null for anything that is not an absolute http(s) URL.
 */
export function canonicalUrl(input: string): string | null {
  let url: URL;
  try {
    url = new URL(input.trim());
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  url.hash = '';
  url.username = '';
  url.password = '';
  // URL already lowercases scheme and host and drops the scheme's default port.
  url.hostname = url.hostname.replace(/\.$/, '');
  const kept = [...url.searchParams.entries()].filter(([k]) => !isTracking(k));
  kept.sort(([a, av], [b, bv]) => (a === b ? (av < bv ? -1 : av > bv ? 1 : 0) : a < b ? -1 : 1));
  url.search = kept.length ? new URLSearchParams(kept).toString() : '';
  if (url.pathname.length > 1 && url.pathname.endsWith('/')) url.pathname = url.pathname.replace(/\/+$/, '');
  const out = url.toString();
  // new URL keeps "/" for an empty path; "https://a.example/" and "https://a.example" are one page.
  return url.pathname === '/' && !url.search ? out.replace(/\/$/, '') : out;
}

/**
 * A link as readers should get it: the address as published, less its tracking parameters (utm_*,
 * fbclid...). Anything that is not an absolute http(s) URL comes back unchanged.
 */
export function withoutTracking(input: string): string {
  let url: URL;
  try {
    url = new URL(input.trim());
  } catch {
    return input;
  }
  if ((url.protocol !== 'http:' && url.protocol !== 'https:') || !url.search) return input;
  const kept = [...url.searchParams.entries()].filter(([k]) => !isTracking(k));
  if (kept.length === [...url.searchParams.keys()].length) return input;
  url.search = kept.length ? new URLSearchParams(kept).toString() : '';
  return url.toString();
}
