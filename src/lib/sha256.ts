// Hex sha256 of bytes or text: content hashes for the build scripts and for
// the loaders and components that run inside the site build.
import { createHash } from 'node:crypto';

/** Hex sha256 of `data` (text is hashed as UTF-8). */
export function sha256(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}
