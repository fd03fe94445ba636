/**
 * A pod spec, wherever it appears: in a Pod, or in the pod template of a
 * workload. Paths stay those of the object root.
 */
import type { ObjectPath } from '../../model/types.js';
import { checkEnum, checkFormat, checkLabelKey, checkRange } from './checks.js';
import { checkContainers } from './containers.js';
import type { Findings } from './findings.js';
import { checkAnnotations, checkLabels } from './labels.js';
import { entriesAt, isEmptyList, isSet, listOf, nonEmptyString, recordOf } from './read.js';
import { checkAffinity, checkTolerations, checkTopologySpread } from './scheduling.js';
import { checkPodSecurityContext } from './security-context.js';
import { dnsLabelProblems, dnsSubdomainProblems } from './syntax.js';
import { checkVolumes } from './volumes.js';

const DNS_POLICIES = ['ClusterFirstWithHostNet', 'ClusterFirst', 'Default', 'None'];
const MAX_NAMESERVERS = 3;
const MAX_SEARCH_PATHS = 32;
const MAX_INT32 = 2 ** 31 - 1;

/** Checks a Pod's spec (`isPod`) or a template's; `path` leads from the object root to the spec. */
export function checkPodSpec(out: Findings, spec: Record<string, unknown>, path: ObjectPath, isPod: boolean): void {
  const volumes = checkVolumes(out, spec, path);
  checkContainers(out, spec, path, { volumes, isPod });
  if (listOf(spec.ephemeralContainers).length > 0) {
    const reason = isPod ? 'may not be set when a Pod is created' : 'are not allowed in a pod template';
    out.value([...path, 'ephemeralContainers'], `"ephemeralContainers" ${reason}`);
  }
  checkHostNetworkPorts(out, spec, path);
  checkEnum(out, spec.restartPolicy, [...path, 'restartPolicy'], ['Always', 'OnFailure', 'Never']);
  checkEnum(out, spec.dnsPolicy, [...path, 'dnsPolicy'], DNS_POLICIES);
  checkDnsConfig(out, spec, path);
  checkLabels(out, spec.nodeSelector, [...path, 'nodeSelector']);
  checkPodSecurityContext(out, spec, path);
  checkAffinity(out, spec.affinity, [...path, 'affinity']);
  checkTolerations(out, spec, path);
  checkTopologySpread(out, spec, path);
  checkNames(out, spec, path);
  checkRange(out, spec.activeDeadlineSeconds, [...path, 'activeDeadlineSeconds'], 1, MAX_INT32);
  checkEnum(out, spec.preemptionPolicy, [...path, 'preemptionPolicy'], ['PreemptLowerPriority', 'Never']);
  checkEnum(out, recordOf(spec.os)?.name, [...path, 'os', 'name'], ['linux', 'windows']);
  for (const { entry, path: at } of entriesAt(spec, 'readinessGates', path)) {
    checkLabelKey(out, entry.conditionType, [...at, 'conditionType']);
  }
  if (isPod && nonEmptyString(spec.nodeName) !== undefined && listOf(spec.schedulingGates).length > 0) {
    out.value([...path, 'nodeName'], '"nodeName" may not be set while "schedulingGates" remain');
  }
}

/** The names a pod spec refers to: host and subdomain are DNS labels, the others DNS subdomains. */
function checkNames(out: Findings, spec: Record<string, unknown>, path: ObjectPath): void {
  for (const key of ['hostname', 'subdomain']) {
    if (nonEmptyString(spec[key]) !== undefined)
      checkFormat(out, spec[key], [...path, key], 'DNS-1123 label', dnsLabelProblems);
  }
  for (const key of ['serviceAccountName', 'nodeName', 'priorityClassName']) {
    if (nonEmptyString(spec[key]) !== undefined)
      checkFormat(out, spec[key], [...path, key], 'DNS-1123 subdomain', dnsSubdomainProblems);
  }
  if (isSet(spec.runtimeClassName))
    checkFormat(out, spec.runtimeClassName, [...path, 'runtimeClassName'], 'DNS-1123 subdomain', dnsSubdomainProblems);
}

/** With `hostNetwork`, a container's host port, when set, must equal its container port. */
function checkHostNetworkPorts(out: Findings, spec: Record<string, unknown>, path: ObjectPath): void {
  if (spec.hostNetwork !== true) return;
  for (const { entry, path: at } of entriesAt(spec, 'containers', path)) {
    for (const { entry: port, path: portPath } of entriesAt(entry, 'ports', at)) {
      const hostPort = port.hostPort;
      if (typeof hostPort === 'number' && hostPort !== 0 && hostPort !== port.containerPort) {
        out.value([...portPath, 'hostPort'], '"hostPort" must equal "containerPort" when "hostNetwork" is true');
      }
    }
  }
}

/** `dnsPolicy: None` needs a `dnsConfig` with a name server; name servers and search paths are bounded. */
function checkDnsConfig(out: Findings, spec: Record<string, unknown>, path: ObjectPath): void {
  const config = recordOf(spec.dnsConfig);
  const nameservers = listOf(config?.nameservers);
  if (spec.dnsPolicy === 'None' && !config) out.required(path, '"dnsConfig" is required when "dnsPolicy" is "None"');
  else if (spec.dnsPolicy === 'None' && isEmptyList(config?.nameservers)) {
    out.required([...path, 'dnsConfig'], '"nameservers" must hold at least one server when "dnsPolicy" is "None"');
  }
  if (!config) return;
  if (nameservers.length > MAX_NAMESERVERS) {
    out.value(
      [...path, 'dnsConfig', 'nameservers'],
      `"nameservers" may hold at most ${MAX_NAMESERVERS} servers, not ${nameservers.length}`,
    );
  }
  const searches = listOf(config.searches);
  if (searches.length > MAX_SEARCH_PATHS) {
    out.value(
      [...path, 'dnsConfig', 'searches'],
      `"searches" may hold at most ${MAX_SEARCH_PATHS} domains, not ${searches.length}`,
    );
  }
}

/**
 * A pod template's metadata (labels and annotations) and spec. `path` leads
 * to the template, whose `spec` is checked as a pod spec.
 */
export function checkPodTemplate(out: Findings, template: Record<string, unknown>, path: ObjectPath): void {
  const metadata = recordOf(template.metadata);
  if (metadata) {
    checkLabels(out, metadata.labels, [...path, 'metadata', 'labels']);
    checkAnnotations(out, metadata.annotations, [...path, 'metadata', 'annotations']);
  }
  const spec = recordOf(template.spec);
  if (spec) checkPodSpec(out, spec, [...path, 'spec'], false);
}
