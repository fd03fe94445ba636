import type { ObjectPath } from './types.js';

const PLAIN_KEY = /^[A-Za-z_$][\w$-]*$/;

/**
 * Renders a path the way people write it: `spec.containers[1].image`, with
 * keys that are not plain words quoted: `metadata.annotations["kubernetes.io/ingress.allow-http"]`.
 */
export function formatPath(path: ObjectPath): string {
  let text = '';
  for (const segment of path) {
    if (typeof segment === 'number') text += `[${segment}]`;
    else if (PLAIN_KEY.test(segment)) text += text === '' ? segment : `.${segment}`;
    else text += `[${JSON.stringify(segment)}]`;
  }
  return text;
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
