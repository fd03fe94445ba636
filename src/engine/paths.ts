import type { ObjectPath } from '../model/types.js';

const PLAIN_KEY = /^[A-Za-z_$][\w$-]*$/;

/**
 * Renders a path the way people write it: `spec.containers[1].image`, with
 * keys that are not plain words quoted: `metadata.annotations["kubernetes.io/ingress.allow-http"]`.
 */
export function formatPath(path: ObjectPath): string {
  // Joined once rather than appended to: a finding keeps its path to the end of
  // the run, and a string built by `+=` is held as a chain of its pieces.
  const parts: string[] = [];
  for (const segment of path) {
    if (typeof segment === 'number') parts.push(`[${segment}]`);
    else if (PLAIN_KEY.test(segment)) parts.push(parts.length === 0 ? segment : `.${segment}`);
    else parts.push(`[${JSON.stringify(segment)}]`);
  }
  return parts.join('');
}

/** `/containers/0/image` → `['containers', 0, 'image']`. */
export function pointerToPath(pointer: string): ObjectPath {
  if (pointer === '') return [];
  return pointer
    .slice(1)
    .split('/')
    .map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((part) => (/^\d+$/.test(part) ? Number(part) : part));
}
