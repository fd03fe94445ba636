/**
 * Ingresses (networking.k8s.io/v1) and NetworkPolicies: paths and their
 * types, backends, hosts, policy types, ports and peers.
 */
import type { ObjectPath } from '../../model/types.js';
import {
  checkEnum,
  checkFormat,
  checkPortNumber,
  checkPortNumberOrName,
  reportFormat,
  reportUnlessOneOf,
} from './checks.js';
import type { Findings } from './findings.js';
import { checkLabelSelector } from './labels.js';
import { entriesAt, integerOf, isEmptyList, isSet, listOf, nonEmptyString, quote, recordOf, stringOf } from './read.js';
import { dns1035LabelProblems, dnsSubdomainProblems, portNameProblems } from './syntax.js';

type Json = Record<string, unknown>;
const PATH_TYPES = ['Exact', 'Prefix', 'ImplementationSpecific'];
const INVALID_PATH_SEQUENCES = ['//', '/./', '/../', '%2f', '%2F'];
const INVALID_PATH_ENDINGS = ['/..', '/.'];
const OCTET = '(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])';
const IPV4 = new RegExp(`^${OCTET}(\\.${OCTET}){3}$`);
const INGRESS_CLASS_ANNOTATION = 'kubernetes.io/ingress.class';

/** An Ingress: rules or a default backend, each path typed and absolute, backends well formed. */
export function checkIngress(out: Findings, object: Json): void {
  const spec = recordOf(object.spec);
  if (!spec) return;
  const path = ['spec'];
  if (isEmptyList(spec.rules) && !isSet(spec.defaultBackend)) {
    out.required(path, 'an Ingress needs "rules" or a "defaultBackend"');
  }
  const defaultBackend = recordOf(spec.defaultBackend);
  if (defaultBackend) checkBackend(out, defaultBackend, [...path, 'defaultBackend']);
  for (const { entry, path: at } of entriesAt(spec, 'rules', path)) checkRule(out, entry, at);
  for (const { entry, path: at } of entriesAt(spec, 'tls', path)) {
    listOf(entry.hosts).forEach((host, index) => checkHost(out, host, [...at, 'hosts', index]));
    if (nonEmptyString(entry.secretName) !== undefined) {
      checkFormat(out, entry.secretName, [...at, 'secretName'], 'DNS-1123 subdomain', dnsSubdomainProblems);
    }
  }
  if (isSet(spec.ingressClassName)) {
    checkFormat(out, spec.ingressClassName, [...path, 'ingressClassName'], 'DNS-1123 subdomain', dnsSubdomainProblems);
    const annotations = recordOf(recordOf(object.metadata)?.annotations);
    if (annotations && INGRESS_CLASS_ANNOTATION in annotations) {
      out.value(
        ['metadata', 'annotations', INGRESS_CLASS_ANNOTATION],
        `the ${quote(INGRESS_CLASS_ANNOTATION)} annotation may not be set together with "ingressClassName"`,
      );
    }
  }
}

/** A host is a DNS name (optionally a `*.` wildcard), not an IP address (an IPv6 one fails the name rule). */
function checkHost(out: Findings, value: unknown, path: ObjectPath): void {
  const host = nonEmptyString(value);
  if (host === undefined) return;
  if (IPV4.test(host)) {
    out.value(path, `host ${quote(host)} must be a DNS name, not an IP address`);
    return;
  }
  const wildcard = host.startsWith('*.');
  const problems =
    host.includes('*') && !wildcard
      ? ["may hold '*' only as its first label, as in '*.example.com'"]
      : dnsSubdomainProblems(wildcard ? host.slice(2) : host);
  reportFormat(out, host, path, wildcard ? 'wildcard DNS-1123 subdomain' : 'DNS-1123 subdomain', problems);
}

function checkRule(out: Findings, rule: Json, path: ObjectPath): void {
  checkHost(out, rule.host, [...path, 'host']);
  const http = recordOf(rule.http);
  if (!http) return;
  if (isEmptyList(http.paths)) out.required([...path, 'http'], '"paths" must hold at least one path');
  for (const { entry, path: at } of entriesAt(http, 'paths', [...path, 'http'])) {
    checkHttpPath(out, entry, at);
    const backend = recordOf(entry.backend);
    if (backend) checkBackend(out, backend, [...at, 'backend']);
  }
}

/** Each path has a `pathType`; `Exact` and `Prefix` paths are clean absolute paths. */
function checkHttpPath(out: Findings, entry: Json, path: ObjectPath): void {
  const pathType = stringOf(entry.pathType);
  if (!isSet(entry.pathType)) {
    out.required(path, '"pathType" is required: "Exact", "Prefix" or "ImplementationSpecific"');
    return;
  }
  if (pathType === undefined) return;
  reportUnlessOneOf(out, pathType, [...path, 'pathType'], PATH_TYPES);
  const text = stringOf(entry.path) ?? '';
  const at = [...path, 'path'];
  if (
    (pathType === 'Exact' || pathType === 'Prefix' || text !== '') &&
    PATH_TYPES.includes(pathType) &&
    !text.startsWith('/')
  ) {
    out.value(at, `"path" ${quote(text)} must be an absolute path (starting with '/')`);
  }
  if (pathType !== 'Exact' && pathType !== 'Prefix') return;
  for (const sequence of INVALID_PATH_SEQUENCES) {
    if (text.includes(sequence)) out.value(at, `"path" ${quote(text)} must not contain '${sequence}'`);
  }
  for (const ending of INVALID_PATH_ENDINGS) {
    if (text.endsWith(ending)) out.value(at, `"path" ${quote(text)} must not end with '${ending}'`);
  }
}

/** A backend is a service (named by a DNS-1035 label, with a port name or number) or a resource, not both. */
function checkBackend(out: Findings, backend: Json, path: ObjectPath): void {
  const service = recordOf(backend.service);
  if (service && isSet(backend.resource)) {
    out.value(path, 'a backend may name a "service" or a "resource", not both');
    return;
  }
  if (!service) {
    if (!isSet(backend.resource)) out.required(path, 'a backend needs a "service" or a "resource"');
    return;
  }
  const at = [...path, 'service'];
  const name = stringOf(service.name);
  if (name === '') out.required(at, '"name" is required');
  else if (name !== undefined)
    reportFormat(out, name, [...at, 'name'], 'Service name (DNS-1035 label)', dns1035LabelProblems(name));
  const port = recordOf(service.port);
  const portName = nonEmptyString(port?.name);
  const number = integerOf(port?.number);
  if (portName !== undefined && number !== undefined && number !== 0) {
    out.value([...at, 'port'], 'a backend port may have a "name" or a "number", not both');
  } else if (portName !== undefined) {
    checkFormat(out, portName, [...at, 'port', 'name'], 'port name', portNameProblems);
  } else if (number !== undefined && number !== 0) {
    checkPortNumber(out, number, [...at, 'port', 'number']);
  } else {
    out.required(port ? [...at, 'port'] : at, 'a backend port needs a "name" or a "number"');
  }
}

/** A NetworkPolicy: its pod selector, ports, peers, and at most the two policy types. */
export function checkNetworkPolicy(out: Findings, object: Json): void {
  const spec = recordOf(object.spec);
  if (!spec) return;
  const path = ['spec'];
  checkLabelSelector(out, spec.podSelector, [...path, 'podSelector']);
  for (const [direction, peers] of [
    ['ingress', 'from'],
    ['egress', 'to'],
  ] as const) {
    for (const { entry, path: at } of entriesAt(spec, direction, path)) {
      for (const { entry: port, path: portPath } of entriesAt(entry, 'ports', at)) {
        checkEnum(out, port.protocol, [...portPath, 'protocol'], ['TCP', 'UDP', 'SCTP']);
        if (isSet(port.port)) checkPortNumberOrName(out, port.port, [...portPath, 'port']);
      }
      for (const peer of entriesAt(entry, peers, at)) checkPeer(out, peer.entry, peer.path);
    }
  }
  const types = listOf(spec.policyTypes);
  if (types.length > 2)
    out.value([...path, 'policyTypes'], `"policyTypes" may hold at most two types, not ${types.length}`);
  else
    types.forEach((type, index) => {
      if (typeof type === 'string')
        reportUnlessOneOf(out, type, [...path, 'policyTypes', index], ['Ingress', 'Egress']);
    });
}

/** A peer names a pod selector, a namespace selector, or an IP block, which stands alone. */
function checkPeer(out: Findings, peer: Json, path: ObjectPath): void {
  const present = ['podSelector', 'namespaceSelector', 'ipBlock'].filter((key) => isSet(peer[key]));
  if (present.length === 0) out.required(path, 'a peer needs a "podSelector", a "namespaceSelector" or an "ipBlock"');
  else if (present.length > 1 && present.includes('ipBlock')) {
    out.value([...path, 'ipBlock'], '"ipBlock" may not be combined with another peer selector');
  }
  checkLabelSelector(out, peer.podSelector, [...path, 'podSelector']);
  checkLabelSelector(out, peer.namespaceSelector, [...path, 'namespaceSelector']);
  const block = recordOf(peer.ipBlock);
  if (block && nonEmptyString(block.cidr) === undefined) out.required([...path, 'ipBlock'], '"cidr" is required');
}
