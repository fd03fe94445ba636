import type { ObjectPath } from '../../model/types.js';
import type { SchemaNode } from '../types.js';
/** The API group of CustomResourceDefinitions. */
export declare const CRD_GROUP = "apiextensions.k8s.io";
/** The kind of a CustomResourceDefinition. */
export declare const CRD_KIND = "CustomResourceDefinition";
/** One version a CRD defines, with the schema that applies to it. */
export interface CrdVersionView {
    readonly name: string;
    /** The index in `spec.versions`, or undefined for a v1beta1 CRD that names its one version in `spec.version`. */
    readonly index: number | undefined;
    readonly served: boolean;
    readonly storage: boolean;
    /**
     * The version's `openAPIV3Schema` as written: a CRD that the API server
     * would refuse may hold anything here (`check-crd` says what is wrong).
     */
    readonly schema: SchemaNode | undefined;
    /** Where `schema` sits in the CRD object. */
    readonly schemaPath: ObjectPath | undefined;
    /** True when the version has the status subresource: then `status` cannot be set on create. */
    readonly statusSubresource: boolean;
}
/** What a CRD defines, read leniently: fields of the wrong type count as absent. */
export interface CrdView {
    readonly apiVersion: 'v1' | 'v1beta1';
    readonly name: string | undefined;
    readonly group: string | undefined;
    readonly kind: string | undefined;
    readonly plural: string | undefined;
    /** As written, or `Namespaced`, the v1beta1 default. */
    readonly scope: string | undefined;
    readonly versions: readonly CrdVersionView[];
}
/** True for an object of kind CustomResourceDefinition in one of the two API versions. */
export declare function isCrdObject(object: unknown): object is Record<string, unknown>;
/** A string field, or undefined when it is absent, empty or not a string. */
export declare function stringAt(value: unknown, path: ObjectPath): string | undefined;
/** Reads a CRD; undefined when the object is not one. */
export declare function readCrd(object: unknown): CrdView | undefined;
