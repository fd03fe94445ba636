import type { PathSegment } from '../model/types.js';
import { type SchemaCompiler, type SchemaMode } from './compile.js';
import type { SchemaNode, SchemaProblem, SchemaProblemClass } from './types.js';
/** Settings shared by a walk and the walks of its branches. */
export interface WalkSettings {
    readonly compiler: SchemaCompiler;
    /** The Kubernetes release as `[major, minor]`, for formats that appeared later. */
    readonly release: readonly [number, number] | undefined;
}
export declare class Walker {
    private readonly settings;
    /** The path stack, shared with branch walks. */
    readonly path: PathSegment[];
    private readonly structural;
    readonly problems: SchemaProblem[];
    readonly mode: SchemaMode;
    readonly compiler: SchemaCompiler;
    constructor(settings: WalkSettings, 
    /** The path stack, shared with branch walks. */
    path: PathSegment[], structural: boolean);
    /** A walk of the same value with no structural checks, for a CRD's `allOf`/`anyOf`/`oneOf`/`not` branch. */
    branch(): Walker;
    report(problemClass: SchemaProblemClass, message: string, warningOnly?: boolean): void;
    /** Checks a value against a node; `resource` marks a whole resource (its apiVersion, kind, metadata). */
    value(value: unknown, node: SchemaNode, resource?: boolean): void;
    private nullValue;
    /** Reports a value problem about the field at the current path; `problem` follows the field's name. */
    private valueProblem;
    private stringValue;
    private numberValue;
    private listValue;
    private listDuplicates;
    /**
     * A CRD compares the key fields after defaulting (already applied). A
     * built-in kind is compared as the API server's warning does, after Go
     * defaulting: a missing key field takes the schema's default, and an entry
     * still missing one is left out (it is reported as missing).
     */
    private mapListDuplicates;
    private mapValue;
    /** Whether a map refuses fields its schema does not name. */
    private isClosed;
    private unknownField;
    private requiredFields;
    /**
     * `apiVersion`, `kind` and `metadata` of a resource: checked by the CRD's
     * schema where it declares them, and `metadata` as an ObjectMeta always.
     */
    private metaField;
    /** A CRD may restrict `metadata.name` and `metadata.generateName` (and nothing else of metadata). */
    private declaredNameFields;
    private embeddedResource;
}
