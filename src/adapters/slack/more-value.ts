import { z } from 'zod';

/** The action id of the More button under a paginated reply. */
export const MORE_ACTION_ID = 'newsdesk_more';

/** What the More button asks for: the next page of the same command with the same arguments. */
const MoreValue = z.object({
  command: z.string().min(1),
  args: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])),
  page: z.number().int().min(0),
});

export type MoreValue = z.infer<typeof MoreValue>;

export const encodeMoreValue = (value: MoreValue): string => JSON.stringify(value);

/**
 * The button's value read back, or null when it is not one we wrote: Slack hands it back as the
 * client sent it, so a forged or garbled value must be answered, never trusted or thrown on.
 */
export function decodeMoreValue(value: unknown): MoreValue | null {
  if (typeof value !== 'string') return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(value);
  } catch {
    return null;
  }
  const result = MoreValue.safeParse(parsed);
  return result.success ? result.data : null;
}
