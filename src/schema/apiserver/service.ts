/**
 * A Service: its type and the fields that depend on it, and its ports, whose
 * names and port/protocol pairs the API server wants unique.
 */
import type { ObjectPath } from '../../model/types.js';
import { checkEnum, checkFormat, checkLabelKey, checkPortNumber, checkRange, reportFormat } from './checks.js';
import type { Findings } from './findings.js';
import { checkLabels } from './labels.js';
import { entriesAt, integerOf, isEmptyList, isSet, listOf, nonEmptyString, quote, recordOf, stringOf } from './read.js';
import { dnsLabelProblems, dnsSubdomainProblems, portNameProblems } from './syntax.js';

type Json = Record<string, unknown>;
const SPEC: ObjectPath = ['spec'];
const SERVICE_TYPES = ['ClusterIP', 'NodePort', 'LoadBalancer', 'ExternalName'];
const PROTOCOLS = ['TCP', 'UDP', 'SCTP'];
/** The longest client IP affinity the API server accepts: one day. */
const MAX_AFFINITY_SECONDS = 86400;

/** Checks a Service's spec. */
export function checkService(out: Findings, object: Json): void {
  const spec = recordOf(object.spec);
  if (!spec) return;
  checkEnum(out, spec.type, [...SPEC, 'type'], SERVICE_TYPES);
  const type = nonEmptyString(spec.type) ?? 'ClusterIP';
  const headless = listOf(spec.clusterIPs)[0] === 'None' || spec.clusterIP === 'None';
  if (isEmptyList(spec.ports) && !headless && type !== 'ExternalName') {
    out.required(
      SPEC,
      '"ports" must hold at least one port (unless the Service is headless or of type "ExternalName")',
    );
  }
  if (headless && (type === 'NodePort' || type === 'LoadBalancer')) {
    out.value([...SPEC, 'clusterIP'], `"clusterIP" may not be "None" for a Service of type ${quote(type)}`);
  }
  if (type === 'ExternalName') checkExternalName(out, spec);
  checkServicePorts(out, spec, type);
  checkLabels(out, spec.selector, [...SPEC, 'selector']);
  checkSessionAffinity(out, spec);
  checkTrafficPolicies(out, spec, type);
  checkLoadBalancerFields(out, spec, type);
  const families = listOf(spec.ipFamilies);
  families.forEach((family, index) => {
    const at = [...SPEC, 'ipFamilies', index];
    checkEnum(out, family, at, ['IPv4', 'IPv6']);
    if (families.indexOf(family) < index) out.duplicate(at, `IP family ${quote(family)} is listed twice`);
  });
  checkEnum(
    out,
    spec.ipFamilyPolicy,
    [...SPEC, 'ipFamilyPolicy'],
    ['SingleStack', 'PreferDualStack', 'RequireDualStack'],
  );
}

function checkExternalName(out: Findings, spec: Json): void {
  const name = stringOf(spec.externalName);
  // A trailing dot marks a fully qualified name.
  const cname = name?.endsWith('.') ? name.slice(0, -1) : name;
  if (cname === undefined || cname === '')
    out.required(SPEC, '"externalName" is required for a Service of type "ExternalName"');
  else reportFormat(out, cname, [...SPEC, 'externalName'], 'DNS-1123 subdomain', dnsSubdomainProblems(cname));
}

/**
 * Ports: named (DNS labels, unique) when there are several, numbers in range,
 * known protocols, target ports by number or IANA name, node ports only off
 * ClusterIP, and no port/protocol or node port/protocol pair twice.
 */
function checkServicePorts(out: Findings, spec: Json, type: string): void {
  const ports = entriesAt(spec, 'ports', SPEC);
  const names = new Set<string>();
  const pairs = new Set<string>();
  const nodePorts = new Set<string>();
  for (const { entry, path } of ports) {
    checkPortName(out, entry, path, ports.length > 1, names);
    checkPortNumber(out, entry.port, [...path, 'port']);
    checkEnum(out, entry.protocol, [...path, 'protocol'], PROTOCOLS);
    checkTargetPort(out, entry.targetPort, [...path, 'targetPort']);
    if (isSet(entry.appProtocol)) checkLabelKey(out, entry.appProtocol, [...path, 'appProtocol']);
    const protocol = nonEmptyString(entry.protocol) ?? 'TCP';
    const port = integerOf(entry.port);
    if (port !== undefined) {
      const pair = `${port}/${protocol}`;
      if (pairs.has(pair)) out.duplicate(path, `port ${pair} is listed twice`);
      pairs.add(pair);
    }
    checkNodePort(out, entry, path, type, protocol, nodePorts);
  }
}

function checkPortName(out: Findings, port: Json, path: ObjectPath, required: boolean, names: Set<string>): void {
  const name = nonEmptyString(port.name);
  if (name === undefined) {
    if (required) out.required(path, '"name" is required when a Service has more than one port');
    return;
  }
  reportFormat(out, name, [...path, 'name'], 'port name (DNS-1123 label)', dnsLabelProblems(name));
  if (names.has(name)) out.duplicate([...path, 'name'], `port name ${quote(name)} is used by another port`);
  names.add(name);
}

/** 0 and "" take the port's own number; anything else is a port number or an IANA name. */
function checkTargetPort(out: Findings, value: unknown, path: ObjectPath): void {
  if (value === 0 || value === '') return;
  if (typeof value === 'string') checkFormat(out, value, path, 'port name', portNameProblems);
  else checkPortNumber(out, value, path);
}

function checkNodePort(
  out: Findings,
  entry: Json,
  path: ObjectPath,
  type: string,
  protocol: string,
  seen: Set<string>,
): void {
  const nodePort = integerOf(entry.nodePort);
  if (nodePort === undefined || nodePort === 0) return;
  if (type === 'ClusterIP')
    out.value([...path, 'nodePort'], '"nodePort" may not be set when the Service "type" is "ClusterIP"');
  const key = `${nodePort}/${protocol}`;
  if (seen.has(key)) out.duplicate([...path, 'nodePort'], `node port ${key} is used by another port`);
  seen.add(key);
}

/**
 * `ClientIP` affinity lasts 1 to 86400 seconds. With `None`, the API server
 * drops any affinity config before it validates.
 */
function checkSessionAffinity(out: Findings, spec: Json): void {
  checkEnum(out, spec.sessionAffinity, [...SPEC, 'sessionAffinity'], ['None', 'ClientIP']);
  if (spec.sessionAffinity !== 'ClientIP') return;
  const timeout = recordOf(recordOf(spec.sessionAffinityConfig)?.clientIP)?.timeoutSeconds;
  checkRange(out, timeout, [...SPEC, 'sessionAffinityConfig', 'clientIP', 'timeoutSeconds'], 1, MAX_AFFINITY_SECONDS);
}

/**
 * `externalTrafficPolicy` belongs to Services reachable from outside
 * (NodePort, LoadBalancer, or ClusterIP with external IPs, accepted since
 * 1.28 or 1.29; a ClusterIP Service with external IPs is left alone).
 */
function checkTrafficPolicies(out: Findings, spec: Json, type: string): void {
  const policyPath = [...SPEC, 'externalTrafficPolicy'];
  const external = nonEmptyString(spec.externalTrafficPolicy);
  const reachable =
    type === 'NodePort' || type === 'LoadBalancer' || (type === 'ClusterIP' && listOf(spec.externalIPs).length > 0);
  if (external !== undefined && !reachable) {
    out.value(
      policyPath,
      `"externalTrafficPolicy" may be set only on a Service reachable from outside the cluster, not on type ${quote(type)}`,
    );
  } else checkEnum(out, external, policyPath, ['Cluster', 'Local']);
  checkEnum(out, spec.internalTrafficPolicy, [...SPEC, 'internalTrafficPolicy'], ['Cluster', 'Local']);
}

/** Fields only a LoadBalancer Service may set. */
function checkLoadBalancerFields(out: Findings, spec: Json, type: string): void {
  if (type === 'LoadBalancer') {
    if (isSet(spec.loadBalancerClass)) checkLabelKey(out, spec.loadBalancerClass, [...SPEC, 'loadBalancerClass']);
    return;
  }
  const fields: Array<[string, boolean]> = [
    ['loadBalancerSourceRanges', listOf(spec.loadBalancerSourceRanges).length > 0],
    ['allocateLoadBalancerNodePorts', isSet(spec.allocateLoadBalancerNodePorts)],
    ['loadBalancerClass', isSet(spec.loadBalancerClass)],
  ];
  for (const [key, present] of fields) {
    if (present) out.value([...SPEC, key], `${quote(key)} may be set only when the Service "type" is "LoadBalancer"`);
  }
}
