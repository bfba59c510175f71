import { sourceLabel, sourceUrl } from '../../core/citations.ts';
import { breakLinks, neutraliseMentions } from '../../core/mentions.ts';
import type { SourceRef } from '../../core/reply.ts';

/**
 * The one door to Discord for text from outside (article text, LLM output, headlines, titles, outlet
 * and feed names): no mention syntax survives, Markdown formatting and masked links are escaped, and
 * written-out addresses are broken so that Discord links nothing (links come only from stored
 * article URLs, added by citationMarkdown).
 */
export function discordText(text: string, where: 'markdown' | 'plain' = 'markdown'): string {
  const inert = breakLinks(neutraliseMentions(text));
  // Footers show text as it is: there a backslash would be seen, and nothing needs escaping.
  if (where === 'plain') return inert;
  return (
    inert
      // discord.js's escapeMarkdown takes ~60 ms on a 4 KB text; one pass does the same job here.
      .replace(/[\\*_~`|[\]]/g, '\\$&')
      .replace(/^(\s*)([#>-]|\d+\.)/gm, '$1\\$2')
  );
}

/** " — [Outlet](<url>), [Outlet 2](<url>)": masked links to the stored article URLs only. */
export function citationMarkdown(sources: SourceRef[] | undefined): string {
  if (!sources?.length) return '';
  const links = sources.map((s) => {
    const label = discordText(sourceLabel(s, 40));
    const url = sourceUrl(s);
    // Angle brackets keep a link from unfurling; percent-encoding keeps the URL inside them.
    return url ? `[${label}](<${url.replace(/[<>\s]/g, encodeURIComponent)}>)` : label;
  });
  return ` — ${links.join(', ')}`;
}
