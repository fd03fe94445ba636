import type { ObjectPath } from '../model/types.js';
export interface ShapeProblem {
    /** Path from the object root to the field. */
    path: ObjectPath;
    message: string;
    /** Set when the field must be a string and holds another scalar: the value it holds. */
    notAString?: number | boolean;
}
/** The type problems of one object, in document order, capped. */
export declare function shapeProblems(object: Record<string, unknown>): ShapeProblem[];
