import { type Dirent, readdirSync, realpathSync, statSync } from 'node:fs';
import { join, sep } from 'node:path';
import { errorMessage } from '../core/errors.ts';

/** What walking a corpus folder found. */
export interface CorpusWalk {
  /** The folder's real path (links resolved): what every file read must lie inside. */
  real: string;
  /** Files to read, in a stable order; a link is listed under its own name. */
  files: string[];
  /** Entries refused or unreadable: links out of the folder, link loops, folders that cannot be read. */
  failed: { path: string; error: string }[];
  /**
   * Paths that are there but could not be read (a folder, a link): what the store holds under them is
   * kept, since they may well come back, rather than marked removed as if deleted.
   */
  unreadable: string[];
}

const errnoOf = (err: unknown): string | undefined => (err as NodeJS.ErrnoException).code;

/** Why a symbolic link cannot be followed, in words. */
function linkProblem(err: unknown): string {
  switch (errnoOf(err)) {
    case 'ELOOP':
      return 'symbolic link loop';
    case 'ENOENT':
      return 'symbolic link to a missing file';
    default:
      return `symbolic link cannot be followed: ${errorMessage(err)}`;
  }
}

export const OUTSIDE = 'symbolic link out of the corpus folder (not followed)';

const skipFolder = (name: string) => name.startsWith('.') || name === 'node_modules';

/**
 * Every file under `root` (recursively, skipping dot-folders such as .git), in a stable order. A
 * symbolic link is followed only when its real path lies inside the root's real path: a link out of
 * the folder (to /etc/passwd, say) is refused, a loop or a dangling link is reported, and a linked
 * folder inside the root is left to be walked where it really is. Nothing here throws: what cannot be
 * read is reported in `failed` and the walk goes on.
 */
export function walkCorpus(root: string): CorpusWalk {
  const walk: CorpusWalk = { real: root, files: [], failed: [], unreadable: [] };
  const unreadable = (path: string, error: string) => {
    walk.failed.push({ path, error });
    walk.unreadable.push(path);
  };
  try {
    walk.real = realpathSync.native(root);
  } catch (err) {
    unreadable(root, `cannot read folder: ${errorMessage(err)}`);
    return walk;
  }

  const followLink = (path: string) => {
    let isFile: boolean;
    try {
      const real = realpathSync.native(path);
      if (!isUnderAny(real, [walk.real])) {
        walk.failed.push({ path, error: OUTSIDE });
        return;
      }
      isFile = statSync(real).isFile();
    } catch (err) {
      return unreadable(path, linkProblem(err));
    }
    if (isFile) walk.files.push(path);
  };

  const visit = (dir: string) => {
    let entries: Dirent[];
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch (err) {
      return unreadable(dir, `cannot read folder: ${errorMessage(err)}`);
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const e of entries) {
      const path = join(dir, e.name);
      if (e.isDirectory()) {
        if (!skipFolder(e.name)) visit(path);
      } else if (e.isFile()) walk.files.push(path);
      else if (e.isSymbolicLink()) followLink(path);
    }
  };
  visit(root);
  return walk;
}

/** `path` is one of `paths` or lies under one of them. */
export const isUnderAny = (path: string, paths: string[]): boolean =>
  paths.some((p) => path === p || path.startsWith(p + sep));
