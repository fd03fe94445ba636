import type { ContainerRef } from './pod-spec.js';
import type { Resource } from '../model/types.js';
/** What an `exemptImages` entry matches; the same for every rule that takes the parameter. */
export declare const EXEMPT_IMAGES_DESCRIPTION: string;
/**
 * The `exemptImages` parameter. `note` adds what is particular to one rule. Gatekeeper ports pass
 * `withDefault: false`, since a template tells an absent parameter from an empty list.
 */
export declare function exemptImagesParam(options?: {
    note?: string;
    withDefault?: boolean;
}): {
    description: string;
    default?: string[] | undefined;
    type: string;
    items: {
        type: string;
    };
};
/** The resource's containers, in `containersOf` order, without those whose image `exemptImages` lists. */
export declare function judgedContainers(resource: Resource, params: {
    readonly exemptImages?: readonly string[] | undefined;
}): ContainerRef[];
