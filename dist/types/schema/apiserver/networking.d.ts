import type { Findings } from './findings.js';
type Json = Record<string, unknown>;
/** An Ingress: rules or a default backend, each path typed and absolute, backends well formed. */
export declare function checkIngress(out: Findings, object: Json): void;
/** A NetworkPolicy: its pod selector, ports, peers, and at most the two policy types. */
export declare function checkNetworkPolicy(out: Findings, object: Json): void;
export {};
