/**
 * The package's public API (`import { containersOf } from 'k8s-bp'`): the
 * types and helpers that built-in rules use, for rule modules of your own.
 * A test keeps this list stable.
 */
export * from './kit/rule-api.js';
