import { createHash } from 'node:crypto';

/** Hex digest used for raw-file and cleaned-text identity (not for security). */
export const hashText = (data: string | Buffer): string => createHash('sha1').update(data).digest('hex');
