import type { ObjectPath } from '../model/types.js';
/**
 * Renders a path the way people write it: `spec.containers[1].image`, with
 * keys that are not plain words quoted: `metadata.annotations["kubernetes.io/ingress.allow-http"]`.
 */
export declare function formatPath(path: ObjectPath): string;
/** `/containers/0/image` → `['containers', 0, 'image']`. */
export declare function pointerToPath(pointer: string): ObjectPath;
