/** What the Kubernetes CEL libraries register in the environment. */
/** An error raised by a library function, with the message Kubernetes gives. */
export declare class CelError extends Error {
    constructor(message: string);
}
/** A handler as the CEL library calls it: the receiver first (for methods), then the arguments. */
export type Handler = (...args: any[]) => unknown;
export interface Library {
    name: string;
    /** Opaque types (`kubernetes.Quantity`, `net.IP`) and namespaces (`strings`, `ip`). */
    types?: {
        name: string;
        ctor: new (...args: never[]) => object;
    }[];
    /** Constants, used for namespaces such as `strings` in `strings.quote()`. */
    constants?: {
        name: string;
        type: string;
        value: unknown;
    }[];
    /** `[signature, handler]`, in the CEL library's signature syntax: `receiver.name(args): result`. */
    functions: [string, Handler][];
    operators?: [string, Handler][];
}
