import { type Library } from '../cel-types.js';
/** A `kubernetes.Quantity` value: `nanos` × 10^-9. */
export declare class Quantity {
    readonly nanos: bigint;
    constructor(nanos: bigint);
    compare(other: Quantity): -1 | 0 | 1;
    toString(): string;
}
/** Parses like `resource.ParseQuantity`; undefined when the API server would refuse the text. */
export declare function parseKubernetesQuantity(text: string): Quantity | undefined;
export declare const QUANTITY_TYPE = "kubernetes.Quantity";
export declare const quantityLibrary: Library;
