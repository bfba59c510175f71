import { randomBytes } from 'node:crypto';
import { type APIActionRowComponent, type APIButtonComponent, ButtonStyle, ComponentType } from 'discord.js';
import type { Pagination } from '../../core/reply.ts';

const PREFIX = 'nd:page:';
type Query = Pick<Pagination, 'command' | 'args'>;

/**
 * What each paginated message was asked, keyed by a short id: a custom_id holds at most 100
 * characters, too few for a command's arguments. Bounded; after a restart old buttons just expire.
 */
export class PageQueries {
  private readonly queries = new Map<string, Query>();

  constructor(private readonly max = 1000) {}

  remember(query: Query): string {
    const key = randomBytes(6).toString('base64url');
    this.queries.set(key, { command: query.command, args: query.args });
    if (this.queries.size > this.max) this.queries.delete(this.queries.keys().next().value as string);
    return key;
  }

  recall(key: string): Query | undefined {
    return this.queries.get(key);
  }
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
