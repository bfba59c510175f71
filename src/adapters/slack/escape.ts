/**
 * Slack's three control characters. Escaped, text from articles or an LLM cannot form <!channel>,
 * <!here>, <@U…> or a link of its own; mrkdwn shows the entities as the plain characters.
 */
export const escapeSlack = (text: string): string =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** A link built only from a stored article URL: `|`, `<` and `>` cannot end it early. */
export const slackLink = (url: string, label: string): string =>
  `<${escapeSlack(url).replace(/\|/g, '%7C')}|${escapeSlack(label).replace(/\|/g, '¦')}>`;
