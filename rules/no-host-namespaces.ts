import { WORKLOAD_KINDS, podSpecOf } from '../src/kit/rule-api.js';
import type { Rule, Violation } from '../src/kit/rule-api.js';

/** The keys of `meta.messages`: a violation's `messageId` is checked against them. */
type MessageId = 'hostNamespace';

type HostNamespaceField = 'hostNetwork' | 'hostPID' | 'hostIPC';

type Params = {
  fields: HostNamespaceField[];
};

/** What each field shares with the node, for the message. */
const SHARED: Readonly<Record<HostNamespaceField, string>> = {
  hostNetwork: 'network namespace',
  hostPID: 'process (PID) namespace',
  hostIPC: 'IPC namespace',
};

const FIELDS = Object.keys(SHARED) as HostNamespaceField[];

/**
 * Pods do not share the node’s namespaces. Covers Gatekeeper’s
 * K8sPSPHostNamespace (map with `fields: [hostPID, hostIPC]`) and the
 * `hostNetwork` half of K8sPSPHostNetworkingPorts (map with
 * `fields: [hostNetwork]` unless its `hostNetwork` parameter is true). Each
 * field set to `true` is its own finding; other values (which the API server
 * rejects) are not reported.
 */
const rule: Rule<Params, MessageId> = {
  meta: {
    id: 'no-host-namespaces',
    title: 'Pods do not share the node’s namespaces',
    description: 'Leave `hostNetwork`, `hostPID` and `hostIPC` unset or false in every pod spec.',
    rationale: [
      'Namespaces are what make a container see only its own processes, network and shared memory. A pod that',
      'joins the node’s network namespace can listen on any node port, reach services bound to the node’s',
      'localhost and bypass network policies; one that joins the process namespace can see, signal and trace every',
      'process on the node, and read their environment and secrets; one that joins the IPC namespace can read',
      'shared memory of other workloads. Only node-level agents have a reason for this, and they are better',
      'reviewed one by one than allowed by default.',
    ].join(' '),
    remediation: [
      'Remove `hostNetwork`, `hostPID` and `hostIPC` from the pod spec (or set them to false). Expose network',
      'services through a Service or an Ingress instead of the node’s interfaces; for a node agent that really',
      'needs one, exclude it with the constraint’s `match` or limit `fields`.',
    ].join(' '),
    defaultSeverity: 'error',
    defaultKinds: WORKLOAD_KINDS,
    schema: {
      type: 'object',
      additionalProperties: false,
      properties: {
        fields: {
          type: 'array',
          items: { type: 'string', enum: FIELDS },
          uniqueItems: true,
          default: FIELDS,
          description: 'The pod fields that must not be true: any of `hostNetwork`, `hostPID` and `hostIPC`.',
        },
      },
    },
    messages: {
      hostNamespace: 'the pod sets {{field}}: true, so it shares the {{shared}} of its node',
    },
  },

  *check(resource, params): Iterable<Violation<MessageId>> {
    const podSpec = podSpecOf(resource);
    if (!podSpec) return;
    for (const field of FIELDS) {
      if (!params.fields.includes(field) || podSpec.spec[field] !== true) continue;
      yield { messageId: 'hostNamespace', data: { field, shared: SHARED[field] }, path: [...podSpec.path, field] };
    }
  },
};

export default rule;
