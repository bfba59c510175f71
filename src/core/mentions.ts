// A zero-width space after the trigger character keeps the text readable but inert.
const ZWSP = '\u200b';

/**
 * Makes text from articles or an LLM unable to ping anyone on any platform: @everyone, @here,
 * Discord's <@id>, <@!id>, <@&role>, <#channel>, </cmd:id> and Slack's <!channel>, <!here>, <@U…>.
 * Adapters still send with mentions disabled; this is the second lock on the door.
 */
export function neutraliseMentions(text: string): string {
  return text.replace(/@(everyone|here|channel)\b/gi, `@${ZWSP}$1`).replace(/<([@#!/&])/g, `<${ZWSP}$1`);
}
