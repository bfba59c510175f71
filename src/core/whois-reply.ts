import type { WhoisActor, WhoisResult } from '../knowledge/types.ts';
import { toSourceRef } from './citations.ts';
import type { Block } from './reply.ts';
import { makeReply, type Reply } from './reply.ts';

const MAX_ROLES = 6;
const MAX_EVENTS = 5;
const MAX_SOURCES = 8;

function factFields(actor: WhoisActor): Block {
  const fields = [
    { name: 'Role', value: actor.role ?? '' },
    { name: 'Affiliation', value: actor.affiliation ?? '' },
    { name: 'Kind', value: actor.kind },
    { name: 'Also known as', value: actor.aliases.join(', ') },
    { name: 'Seen', value: [actor.firstSeen, actor.lastSeen].filter(Boolean).join(' – ') },
    { name: 'Mentions', value: String(actor.mentions) },
    { name: 'Often with', value: actor.related.map((r) => r.name).join(', ') },
  ];
  return { type: 'fields', fields: fields.filter((f) => f.value).map((f) => ({ ...f, inline: true })) };
}

/** An actor's profile card: facts, dated roles with their sources, recent events, cited articles. */
export function actorReply(actor: WhoisActor, options: { profile?: string; mode?: string } = {}): Reply {
  const blocks: Block[] = [{ type: 'paragraph', text: options.profile ?? actor.profile }, factFields(actor)];
  if (actor.roles.length) {
    blocks.push({ type: 'heading', text: 'Roles' });
    blocks.push({
      type: 'list',
      items: actor.roles.slice(0, MAX_ROLES).map((r) => ({
        text: r.date ? `${r.role} (${r.date})` : r.role,
        sources: r.sources.map(toSourceRef),
      })),
    });
  }
  if (actor.events.length) {
    blocks.push({ type: 'heading', text: 'Recent events' });
    blocks.push({
      type: 'list',
      items: actor.events.slice(-MAX_EVENTS).map((e) => ({ text: `${e.date}: ${e.title}` })),
    });
  }
  if (actor.sources.length) {
    blocks.push({ type: 'heading', text: 'Sources' });
    blocks.push({
      type: 'list',
      items: actor.sources.slice(0, MAX_SOURCES).map((s) => ({ text: s.title, sources: [toSourceRef(s)] })),
    });
  }
  const mode = options.mode ?? 'extractive';
  blocks.push({ type: 'footnote', text: `Profile: ${mode} · ${actor.sources.length} source article(s)` });
  return makeReply({ title: actor.name, blocks, mode });
}

/** No single actor: the candidates when the name is ambiguous, else close names, else a hint. */
export function notFoundReply(result: WhoisResult): Reply {
  if (result.candidates.length) {
    return makeReply({
      title: `“${result.query}” matches several actors`,
      blocks: [
        {
          type: 'list',
          items: result.candidates.map((c) => ({
            text: `${c.name} (${[c.kind, c.role].filter(Boolean).join(', ')})`,
          })),
        },
        { type: 'footnote', text: 'Ask again with the full name.' },
      ],
    });
  }
  const hint = result.suggestions.length
    ? `Did you mean: ${result.suggestions.join(', ')}?`
    : 'Try /timeline with a query, or ingest more articles.';
  return makeReply({
    title: `No actor matches “${result.query}”`,
    blocks: [{ type: 'paragraph', text: hint }],
  });
}
