import type { Config } from '../../config.ts';
import { log } from '../../log.ts';
import { decodeFeed } from './decode.ts';
import { fetchGuarded, limitsFromConfig, PAGE_ACCEPT } from './fetch-guarded.ts';
import type { FeedItem } from './types.ts';

/**
 * The linked page's HTML, fetched through the same guarded fetcher as feeds (SSRF guard, deadline,
 * size cap); undefined when it cannot be had, so the item falls back to its summary.
 */
export async function fetchPageHtml(item: FeedItem, config: Config): Promise<string | undefined> {
  try {
    const res = await fetchGuarded(item.link as string, { ...limitsFromConfig(config), accept: PAGE_ACCEPT });
    const type = res.contentType ?? '';
    if (type && !/html|xml/i.test(type)) return undefined;
    return decodeFeed(res.body, res.contentType).text;
  } catch (err) {
    log.debug({ url: item.link, err }, 'full text not fetched');
    return undefined;
  }
}
