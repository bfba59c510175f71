/** The knowledge tables' door: the indexing writes (knowledge-writes.ts) on top of the queries (knowledge-queries.ts). */
export type {
  ActorKindRow,
  ActorRow,
  EventInput,
  EventRow,
  EventSourceInput,
  RoleRow,
  SourceRow,
  TimelineFilter,
} from './knowledge-rows.ts';
export { KnowledgeRepo } from './knowledge-writes.ts';
