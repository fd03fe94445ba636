/**
 * What rules may use: the engine's types and helpers. Built-in rules import
 * only from here, and so will custom rule modules.
 */
export type * from './types.js';
export { WORKLOAD_KINDS, containersOf, getIn, isRecord, isWorkload, podSpecOf } from './pod-spec.js';
export type { ContainerRef, ContainerType, PodSpecRef } from './pod-spec.js';
export { compareQuantities, isNegativeQuantity, parseQuantity } from './quantity.js';
export type { Quantity } from './quantity.js';
export { imageMatchesPattern, isExemptImage, parseImageReference } from './image.js';
export type { ImageReference } from './image.js';
export { isClusterScoped, labelSelectorMatches } from './match.js';
export { formatPath } from './paths.js';
