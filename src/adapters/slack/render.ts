import type { types } from '@slack/bolt';
import { sourceLabel, sourceUrl } from '../../core/citations.ts';
import type { Block, ListItem, Reply, SourceRef } from '../../core/reply.ts';
import { fitWithSuffix, packUnits, truncate } from '../../core/text.ts';
import { slackLink, slackText } from './escape.ts';
import { encodeMoreValue, MORE_ACTION_ID } from './more-value.ts';

type KnownBlock = types.KnownBlock;

/** Slack's Block Kit limits. */
export const SLACK_LIMITS = {
  sectionText: 3000,
  blocks: 50,
  headerText: 150,
  fieldsPerSection: 10,
  fieldText: 2000,
  fallbackText: 3000,
  buttonValue: 2000,
};

export interface SlackMessage {
  text: string;
  blocks: KnownBlock[];
}

/** mrkdwn that Slack shows as written: verbatim, it links no address and no #channel by itself. */
const mrkdwn = (text: string) => ({ type: 'mrkdwn' as const, text, verbatim: true });

const section = (text: string): KnownBlock => ({ type: 'section', text: mrkdwn(text) });

function citations(sources: SourceRef[] | undefined): string {
  if (!sources?.length) return '';
  const parts = sources.map((s) => {
    const url = sourceUrl(s);
    return url ? slackLink(url, sourceLabel(s)) : slackText(sourceLabel(s));
  });
  return ` (${parts.join('; ')})`;
}

/** An item and its citations stay together; only the item's own text is shortened if it must be. */
const listUnit = (item: ListItem): string =>
  fitWithSuffix(`• ${slackText(item.text)}`, citations(item.sources), SLACK_LIMITS.sectionText);

/** Long prose goes into several sections, split between lines (or words), never inside an entity. */
function proseSections(text: string, wrap = (s: string) => s): KnownBlock[] {
  const max = SLACK_LIMITS.sectionText - 4;
  const units = slackText(text)
    .split('\n')
    .flatMap((line) => (line.length <= max ? [line] : packUnits(line.split(' '), max, ' ')))
    .map((unit) => (unit.length <= max ? unit : truncate(unit, max)));
  return packUnits(units, max).map((chunk) => section(wrap(chunk)));
}

function renderBlock(block: Block): KnownBlock[] {
  switch (block.type) {
    case 'heading':
      return proseSections(block.text, (s) => `*${s}*`);
    case 'paragraph':
      return proseSections(block.text);
    case 'footnote':
      return [
        {
          type: 'context',
          elements: [mrkdwn(truncate(slackText(block.text), SLACK_LIMITS.sectionText))],
        },
      ];
    case 'list':
      return packUnits(block.items.map(listUnit), SLACK_LIMITS.sectionText).map((chunk) => section(chunk));
    case 'fields': {
      const out: KnownBlock[] = [];
      for (let i = 0; i < block.fields.length; i += SLACK_LIMITS.fieldsPerSection) {
        const fields = block.fields
          .slice(i, i + SLACK_LIMITS.fieldsPerSection)
          .map((f) =>
            mrkdwn(truncate(`*${slackText(f.name)}*\n${slackText(f.value)}`, SLACK_LIMITS.fieldText)),
          );
        out.push({ type: 'section', fields });
      }
      return out;
    }
  }
}

function moreButton(reply: Reply): KnownBlock | undefined {
  const p = reply.pagination;
  if (!p || p.page + 1 >= p.pages) return undefined;
  const value = encodeMoreValue({ command: p.command, args: p.args, page: p.page + 1 });
  if (value.length > SLACK_LIMITS.buttonValue) return undefined;
  return {
    type: 'actions',
    elements: [
      {
        type: 'button',
        action_id: MORE_ACTION_ID,
        text: { type: 'plain_text', text: `More (page ${p.page + 2} of ${p.pages})` },
        value,
      },
    ],
  };
}

/**
 * A Reply as Slack messages: Block Kit within Slack's limits (3000 characters a section, 50 blocks a
 * message; more blocks go into further messages). All text is escaped; links come only from the
 * stored article URLs of the citations.
 */
export function renderSlack(reply: Reply): SlackMessage[] {
  const blocks: KnownBlock[] = [];
  if (reply.title) {
    blocks.push({
      type: 'header',
      text: { type: 'plain_text', text: truncate(slackText(reply.title, 'plain'), SLACK_LIMITS.headerText) },
    });
  }
  for (const block of reply.blocks) blocks.push(...renderBlock(block));
  const more = moreButton(reply);
  const room = SLACK_LIMITS.blocks;
  const messages: SlackMessage[] = [];
  for (let i = 0; i < blocks.length || messages.length === 0; i += room) {
    messages.push({ text: '', blocks: blocks.slice(i, i + room) });
  }
  const last = messages[messages.length - 1]!;
  if (more) {
    if (last.blocks.length < room) last.blocks.push(more);
    else messages.push({ text: '', blocks: [more] });
  }
  const fallback = truncate(slackText(reply.text), SLACK_LIMITS.fallbackText);
  return messages.map((m, i) => ({
    ...m,
    text: i === 0 ? fallback : `${truncate(slackText(reply.title ?? ''), 100)} (continued)`,
  }));
}
