import type { ObjectPath } from '../../model/types.js';
import type { SchemaProblem } from '../types.js';
/** Where a node sits, as far as the checks of its keywords depend on it. */
export interface KeywordContext {
    readonly path: ObjectPath;
    readonly isRoot: boolean;
    /** Under the `apiVersion`, `kind` or `metadata` of the resource or of an embedded resource. */
    readonly insideResourceMeta: boolean;
    /** Why a `default` may not be set here, when it may not. */
    readonly defaultsForbidden: string | undefined;
    /** The first ancestor below which old and new values cannot be matched up, so `oldSelf` cannot be used. */
    readonly uncorrelatable: ObjectPath | undefined;
    /** On the structural spine (properties, items, additionalProperties), not inside allOf, anyOf, oneOf or not. */
    readonly onSpine: boolean;
}
/** A node with CEL rules, to compile once the whole schema is known to be structural. */
export interface RuleNode {
    readonly node: Record<string, unknown>;
    readonly path: ObjectPath;
    readonly uncorrelatable: ObjectPath | undefined;
    /** True when a problem was found at this node or below it: the server then leaves its rules uncompiled. */
    readonly troubled: boolean;
    /** True at the root of the resource or of an embedded resource. */
    readonly resourceRoot: boolean;
}
/** What the keyword checks of one schema found. */
export interface KeywordReport {
    readonly problems: SchemaProblem[];
    readonly ruleNodes: RuleNode[];
    /** True when a keyword outside the structural subset (`$ref`, `definitions`, items as a list…) was found. */
    unsupportedFound: boolean;
}
/** Checks every node of the schema at `path`. */
export declare function checkSchemaKeywords(schema: unknown, path: ObjectPath): KeywordReport;
