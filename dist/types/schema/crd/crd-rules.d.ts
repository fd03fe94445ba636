import type { CompiledExpression } from '../../cel/env.js';
import type { ObjectPath } from '../../model/types.js';
/** One entry of `x-kubernetes-validations`, compiled. */
export interface CompiledRule {
    /** The index of the entry in the node's `x-kubernetes-validations`. */
    readonly index: number;
    /** The rule as written. */
    readonly rule: string;
    readonly message: string | undefined;
    readonly reason: string | undefined;
    /** The program; undefined when the rule is empty or does not compile. */
    readonly program: CompiledExpression | undefined;
    /** Why the rule does not compile (or gives no bool), when it does not. */
    readonly error: string | undefined;
    readonly messageProgram: CompiledExpression | undefined;
    readonly messageError: string | undefined;
    /** True when the rule names `oldSelf`: a transition rule, not run when an object is created. */
    readonly usesOldSelf: boolean;
    /** `optionalOldSelf` as written. */
    readonly optionalOldSelf: boolean | undefined;
    /** Where a failure is reported, from the node: the entry's `fieldPath` resolved, or undefined. */
    readonly fieldPath: ObjectPath | undefined;
}
/**
 * The node's rules, compiled (once). `resourceRoot` is true at the root of the
 * resource (and of an embedded one), where `self` has apiVersion, kind and
 * metadata. Entries that are not maps are passed over.
 */
export declare function compileNodeRules(node: Record<string, unknown>, resourceRoot: boolean): readonly CompiledRule[];
