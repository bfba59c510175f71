import { breakLinks, neutraliseMentions } from '../../core/mentions.ts';

/** Slack's three control characters, as the entities mrkdwn shows as the plain characters. */
const escapeControls = (text: string): string =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/**
 * The one door to Slack for text from outside (article text, LLM output, headlines, titles, outlet
 * and feed names): it can form no <!channel>, <!here>, <@U…>, bare @here or link of its own, and its
 * written-out addresses are broken so that Slack links nothing (links come only from stored article
 * URLs, through slackLink). `plain` is for plain_text objects (headers), which take no escapes.
 */
export function slackText(text: string, where: 'mrkdwn' | 'plain' = 'mrkdwn'): string {
  const inert = breakLinks(neutraliseMentions(text));
  return where === 'plain' ? inert : escapeControls(inert);
}

/** A link built only from a stored article URL: `|`, `<` and `>` cannot end it early. */
export const slackLink = (url: string, label: string): string =>
  `<${escapeControls(url).replace(/\|/g, '%7C')}|${slackText(label).replace(/\|/g, '¦')}>`;
