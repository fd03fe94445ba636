/** Helpers for rules that implement Gatekeeper library templates. */
export { gatekeeperRule, type GatekeeperResult, type GatekeeperRuleSpec, type TemplateInput } from './define.js';
export { blockServiceTypeRule } from './service-type.js';
export {
  ALL_CONTAINER_LISTS,
  containerWord,
  CONTAINERS_AND_INIT,
  checkedContainers,
  containersByName,
  has,
  isExempt,
  isSet,
  objectName,
  podContainers,
} from './fields.js';
export type { ContainerList, GatekeeperContainer, NamedContainer } from './fields.js';
export {
  compareExact,
  multiplyExact,
  parseCpuMillis,
  parseExact,
  parseMemoryMillis,
  parseNumberParameter,
} from './rego-quantity.js';
export type { Exact } from './rego-quantity.js';
export { RegoSet, regoCompare, regoGreaterThan, regoTerm, regoValue, sprintf } from './rego-format.js';
export { reviewOf } from './review.js';
export type { GatekeeperReview, GroupVersionKind, UserInfo } from './review.js';
export { otherResources } from './rego-inventory.js';
export { LIMITS, REQUESTS, aboveMaximum, missing, noSection, readQuantity, unparsable } from './container-resources.js';
export type { QuantityField, Section } from './container-resources.js';
