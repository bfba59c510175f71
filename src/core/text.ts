const ELLIPSIS = '…';

/** Shortens text to at most `max` characters, at a word boundary when one is near, marking the cut. */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  if (max <= ELLIPSIS.length) return text.slice(0, max);
  const room = text.slice(0, max - ELLIPSIS.length);
  const space = room.lastIndexOf(' ');
  const cut = space > room.length * 0.6 ? room.slice(0, space) : room;
  return `${cut.trimEnd()}${ELLIPSIS}`;
}

/**
 * Groups whole units (lines, list items with their citations) into chunks of at most `max`
 * characters joined by `separator`; a unit is never split. Units longer than `max` must be fitted first.
 */
export function packUnits(units: string[], max: number, separator = '\n'): string[] {
  const chunks: string[] = [];
  let current = '';
  for (const unit of units) {
    const next = current ? `${current}${separator}${unit}` : unit;
    if (next.length <= max || !current) {
      current = next;
    } else {
      chunks.push(current);
      current = unit;
    }
  }
  if (current) chunks.push(current);
  return chunks;
}

/** Fits "body + suffix" into `max` by shortening the body only, so that a citation suffix stays whole. */
export function fitWithSuffix(body: string, suffix: string, max: number): string {
  if (body.length + suffix.length <= max) return body + suffix;
  if (suffix.length >= max) return truncate(body, max);
  return truncate(body, max - suffix.length) + suffix;
}
