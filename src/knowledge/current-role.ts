import type { RoleRow } from '../store/knowledge.ts';

const isBare = (role: string) => role.split(/\s+/).length === 1;

/** The latest role; a bare title ("President") yields to a fuller form of it ("Russian President"). */
export function currentRole(roles: RoleRow[]): RoleRow | null {
  if (!roles.length) return null;
  const latest = roles.reduce((a, r) => ((r.date ?? '') > (a ?? '') ? r.date : a), roles[0]!.date);
  const candidates = roles.filter((r) => r.date === latest);
  let best = candidates.reduce((a, r) => (r.role.length > a.role.length ? r : a));
  if (isBare(best.role)) {
    const fuller = roles
      .filter((r) => !r.past && r.role.toLowerCase().endsWith(` ${best.role.toLowerCase()}`))
      .sort((a, b) => (b.date ?? '').localeCompare(a.date ?? ''))[0];
    if (fuller) best = fuller;
  }
  return best;
}

/** The affiliation of the current role, else the one the roles name most often. */
export function affiliation(roles: RoleRow[], current: RoleRow | null): string | null {
  if (current?.affiliation) return current.affiliation;
  const counts = new Map<string, number>();
  for (const r of roles) if (r.affiliation) counts.set(r.affiliation, (counts.get(r.affiliation) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1])[0]?.[0] ?? null;
}
