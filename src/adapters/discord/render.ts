import type { APIActionRowComponent, APIButtonComponent, APIEmbed, APIEmbedField } from 'discord.js';
import type { Block, Reply } from '../../core/reply.ts';
import { fitWithSuffix, truncate } from '../../core/text.ts';
import { EMBED_LIMITS as L } from './limits.ts';
import { citationMarkdown, discordText } from './markdown.ts';

export interface DiscordMessage {
  embeds: APIEmbed[];
  components: APIActionRowComponent<APIButtonComponent>[];
  allowedMentions: { parse: [] };
}

export interface RenderOptions {
  /** Buttons under the first message (pagination). */
  components?: APIActionRowComponent<APIButtonComponent>[];
  /** Appended to every footer: lets the digest find its own message again. */
  ref?: string;
}

const COLOUR = 0x2b6cb0;
const ITEM_MAX = 1000;
// A paginated page must fit one message, so that its buttons edit all of it.
const PAGE_BUDGET = 5200;
export const NO_MENTIONS = { parse: [] } as { parse: [] };

/** Splits over-long prose at sentence or word boundaries into pieces of at most `max`. */
function splitProse(text: string, max: number): string[] {
  const pieces: string[] = [];
  let rest = text;
  while (rest.length > max) {
    const window = rest.slice(0, max);
    const stop = Math.max(window.lastIndexOf('. '), window.lastIndexOf('\n'));
    const space = window.lastIndexOf(' ');
    const cut = stop > max / 2 ? stop + 1 : space > max / 2 ? space : max;
    pieces.push(rest.slice(0, cut).trimEnd());
    rest = rest.slice(cut).trimStart();
  }
  if (rest) pieces.push(rest);
  return pieces;
}

function itemBudget(reply: Reply): number {
  if (!reply.pagination) return ITEM_MAX;
  const items = reply.blocks.reduce((n, b) => n + (b.type === 'list' ? b.items.length : 1), 0);
  return Math.min(ITEM_MAX, Math.floor(PAGE_BUDGET / Math.max(1, items)));
}

/** Blocks as description units (never split further) plus embed fields. */
function toUnits(blocks: Block[], itemMax: number): { units: string[]; fields: APIEmbedField[] } {
  const units: string[] = [];
  const fields: APIEmbedField[] = [];
  for (const block of blocks) {
    if (block.type === 'heading') units.push(`**${truncate(discordText(block.text), 250)}**`);
    else if (block.type === 'paragraph') units.push(...splitProse(discordText(block.text), L.description));
    else if (block.type === 'list') {
      for (const item of block.items) {
        units.push(fitWithSuffix(`• ${discordText(item.text)}`, citationMarkdown(item.sources), itemMax));
      }
    } else if (block.type === 'fields') {
      for (const f of block.fields) {
        const field = {
          name: truncate(discordText(f.name), L.fieldName),
          value: truncate(discordText(f.value), L.fieldValue),
          inline: f.inline ?? false,
        };
        if (fields.length < L.fields) fields.push(field);
        else units.push(`**${field.name}**: ${field.value}`);
      }
    }
  }
  return { units, fields };
}

const footnoteOf = (blocks: Block[]): string =>
  blocks
    .filter((b) => b.type === 'footnote')
    .map((b) => discordText(b.text, 'plain'))
    .join(' · ');

const embedSize = (e: APIEmbed): number =>
  (e.title?.length ?? 0) +
  (e.description?.length ?? 0) +
  (e.footer?.text.length ?? 0) +
  (e.fields ?? []).reduce((n, f) => n + f.name.length + f.value.length, 0);

/**
 * Renders a reply as one or more Discord messages within every embed limit: units (a list item with
 * its citations, a heading, a piece of prose) are packed whole, never cut mid-citation.
 */
export function renderReply(reply: Reply, options: RenderOptions = {}): DiscordMessage[] {
  const { units: rawUnits, fields } = toUnits(reply.blocks, itemBudget(reply));
  const footer = footnoteOf(reply.blocks);
  // Room kept in every message for its footer and a "part n/m" marker.
  const footerRoom = Math.min(L.footer, footer.length + (options.ref?.length ?? 0) + 20);
  // A unit must fit a message beside its title and footer; only long prose comes near that.
  const room = L.total - footerRoom - L.title;
  const units = rawUnits.flatMap((u) => (u.length > room ? splitProse(u, room) : [u]));
  const messages: APIEmbed[][] = [];
  let embeds: APIEmbed[] = [];
  let used = 0;
  const newMessage = () => {
    if (embeds.length) messages.push(embeds);
    embeds = [{ color: COLOUR }];
    used = footerRoom;
  };
  newMessage();
  const first = embeds[0]!;
  if (reply.title) first.title = truncate(discordText(reply.title), L.title);
  used += embedSize(first);
  // Fields go on the first embed while they fit beside the rest; any others become lines.
  for (const field of fields) {
    const size = field.name.length + field.value.length;
    if (used + size <= L.total / 2) {
      first.fields = [...(first.fields ?? []), field];
      used += size;
    } else units.unshift(`**${field.name}**: ${field.value}`);
  }
  for (const unit of units) {
    let embed = embeds[embeds.length - 1]!;
    const description = embed.description ? `${embed.description}\n${unit}` : unit;
    const grows = description.length - (embed.description?.length ?? 0);
    if (description.length <= L.description && used + grows <= L.total) {
      embed.description = description;
      used += grows;
      continue;
    }
    if (used + unit.length > L.total || embeds.length >= L.embedsPerMessage) newMessage();
    else embeds.push({ color: COLOUR });
    embed = embeds[embeds.length - 1]!;
    embed.description = unit;
    used += unit.length;
  }
  messages.push(embeds);
  return messages.map((list, i) => {
    const extras = [
      messages.length > 1 ? `part ${i + 1}/${messages.length}` : '',
      options.ref ? `ref:${options.ref}` : '',
    ].filter(Boolean);
    const tail = extras.length ? `${footer ? ' · ' : ''}${extras.join(' · ')}` : '';
    const text = truncate(footer, footerRoom - tail.length) + tail;
    if (text) list[list.length - 1]!.footer = { text };
    return {
      embeds: list,
      components: i === 0 ? (options.components ?? []) : [],
      allowedMentions: NO_MENTIONS,
    };
  });
}
