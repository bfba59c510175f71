import { type APIActionRowComponent, type APIButtonComponent, ButtonStyle, ComponentType } from 'discord.js';
import { discordTenant } from '../../core/tenant.ts';
import type { Store } from '../../store/index.ts';
import type { PageQuery } from '../../store/page-queries.ts';

const PREFIX = 'nd:page:';

/** The query behind a page button of this server; undefined when expired, unknown or another server's. */
export function recallPageQuery(store: Store, guildId: string | null, key: string): PageQuery | undefined {
  return guildId ? store.pageQueries.recall(discordTenant(guildId).id, key) : undefined;
}

export function parsePageButton(customId: string): { key: string; page: number } | null {
  const match = new RegExp(`^${PREFIX}([\\w-]+):(\\d+)$`).exec(customId);
  return match ? { key: match[1]!, page: Number(match[2]) } : null;
}

/** Previous / "n of m" / Next buttons; each carries the page it leads to. */
export function pageButtons(
  key: string,
  page: number,
  pages: number,
): APIActionRowComponent<APIButtonComponent> {
  const button = (label: string, target: number, disabled: boolean, id = `${PREFIX}${key}:${target}`) => ({
    type: ComponentType.Button as const,
    style: ButtonStyle.Secondary as const,
    label,
    custom_id: id,
    disabled,
  });
  return {
    type: ComponentType.ActionRow,
    components: [
      button('◀ Previous', Math.max(0, page - 1), page <= 0),
      button(`${page + 1} of ${pages}`, page, true, `${PREFIX}${key}:info`),
      button('Next ▶', Math.min(pages - 1, page + 1), page >= pages - 1),
    ],
  };
}
