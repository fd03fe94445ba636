/**
 * Kubernetes' list library (`library/lists.go`): `isSorted`, `sum`, `min`,
 * `max`, `indexOf`, `lastIndexOf` on lists; and the sets extension that
 * Kubernetes enables (`sets.contains`, `sets.equivalent`, `sets.intersects`).
 */
import { type Library } from '../cel-types.js';
/** The receiver of `sets.contains(...)`: a namespace, not a value. */
export declare class SetsNamespace {
}
export declare const listsLibrary: Library;
