/** What the Kubernetes CEL libraries register in the environment. */

/** An error raised by a library function, with the message Kubernetes gives. */
export class CelError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CelError';
  }
}

/** A handler as the CEL library calls it: the receiver first (for methods), then the arguments. */
// The CEL library passes values whose types its signature strings describe; each handler states them.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Handler = (...args: any[]) => unknown;

export interface Library {
  name: string;
  /** Opaque types (`kubernetes.Quantity`, `net.IP`) and namespaces (`strings`, `ip`). */
  types?: { name: string; ctor: new (...args: never[]) => object }[];
  /** Constants, used for namespaces such as `strings` in `strings.quote()`. */
  constants?: { name: string; type: string; value: unknown }[];
  /** `[signature, handler]`, in the CEL library's signature syntax: `receiver.name(args): result`. */
  functions: [string, Handler][];
  operators?: [string, Handler][];
}
