/**
 * What rules may use: the engine's types and helpers. Built-in rules import
 * only from here, and so will custom rule modules.
 */
export type * from '../model/types.js';
export { getIn, isRecord } from '../model/records.js';
export { WORKLOAD_KINDS, containersOf, isWorkload, podSpecOf } from './pod-spec.js';
export type { ContainerRef, ContainerType, PodSpecRef } from './pod-spec.js';
export { compareQuantities, isNegativeQuantity, parseQuantity } from './quantity.js';
export type { Quantity } from './quantity.js';
export { imageMatchesPattern, isExemptImage, parseImageReference } from './image.js';
export type { ImageReference } from './image.js';
export { hasPlaceholder, isKoReference, literalImageReference } from './placeholders.js';
export { isClusterScoped, labelSelectorMatches } from '../engine/match.js';
export { formatPath } from '../engine/paths.js';
export { RBAC_GROUP, describeObject, isExemptName, isRbacRole, itemsGranting, listValues, nameMatchesPattern, policyRulesOf, stringItems, } from './rbac.js';
export type { ListItem, PolicyRuleRef } from './rbac.js';
export { DEPRECATED_APIS, findDeprecatedApi, isDeprecatedAt, isRemovedAt, parseKubernetesVersion, replacementAt, } from './deprecated-apis.js';
export type { ApiReplacement, DeprecatedApi, KubernetesVersion } from './deprecated-apis.js';
export { parseMoment, parseTtl, ttlEnd } from './namespace-ttl.js';
export type { Ttl } from './namespace-ttl.js';
export { isEmptySelector, podTemplateLabels, readLabelSelector, replicaCount } from './scheduling.js';
export type { ReplicaCount } from './scheduling.js';
export { findNamespaceGaps, targetNamespace } from './namespace-coverage.js';
export type { GuardKind, NamespaceCoverage, NamespaceGap } from './namespace-coverage.js';
export { capabilityEntries, effectiveSecurityContext, isWindowsPod, normalizeCapability, privilegeEscalation, usesUserNamespace, } from './security-context.js';
export type { CapabilityEntry, EffectiveSecurityContext, EffectiveSetting, EffectiveWindowsOptions, PrivilegeEscalation, SettingSource, } from './security-context.js';
export { configReferencesOf, describeReferenceSite } from './config-references.js';
export type { ConfigKind, ConfigReference, ReferenceSite } from './config-references.js';
export { MAX_USER_PATTERN_LENGTH, compileUserRegex, userRegexProblem } from './user-regex.js';
export { CONTROLLER_POD_LABELS, buildPodLabelIndex, formatLabelSelector } from './pod-label-index.js';
export type { PodLabelIndex } from './pod-label-index.js';
export { labelKeyProblem } from '../engine/label-selector.js';
export { describeValue, isUnset } from './describe-value.js';
export { EXEMPT_IMAGES_DESCRIPTION, exemptImagesParam, judgedContainers } from './params.js';
export { schemaProblemsOf, schemaViolations } from './schema.js';
export type { SchemaFindingClass } from './schema.js';
