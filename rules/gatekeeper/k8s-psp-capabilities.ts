import { type ObjectPath, exemptImagesParam, isRecord } from '../../src/kit/rule-api.js';
import { ALL_CONTAINER_LISTS, checkedContainers, gatekeeperRule, sprintf } from '../../src/kit/rego/rego-api.js';

type Params = { allowedCapabilities?: string[]; requiredDropCapabilities?: string[]; exemptImages?: string[] };

const PREFIX = {
  containers: 'container',
  initContainers: 'init container',
  ephemeralContainers: 'ephemeral container',
} as const;

/** What Rego's `value[_]` walks: a list's items or a mapping's values, with their keys. */
function entries(value: unknown): [string | number, unknown][] {
  if (Array.isArray(value)) return value.map((item, index) => [index, item]);
  return isRecord(value) ? Object.entries(value) : [];
}

/** The lower-cased strings among a list's entries (`lower` of anything else is undefined in Rego). */
function lowerSet(value: unknown): Set<string> {
  return new Set(
    entries(value)
      .map(([, item]) => item)
      .filter((item): item is string => typeof item === 'string')
      .map((item) => item.toLowerCase()),
  );
}

/**
 * Gatekeeper library `pod-security-policy/capabilities`: containers add only
 * allowed capabilities and drop every required one (or `ALL`), compared
 * without regard to case.
 */
export default gatekeeperRule<Params>({
  gatekeeper: { kind: 'K8sPSPCapabilities', library: 'pod-security-policy', template: 'capabilities' },
  meta: {
    id: 'k8s-psp-capabilities',
    title: 'Containers add only allowed capabilities and drop required ones (Gatekeeper K8sPSPCapabilities)',
    description: 'Flag containers that add a capability not allowed or do not drop every required capability.',
    rationale: [
      'Linux capabilities split root power into pieces; each one a container keeps, such as SYS_ADMIN or',
      'NET_RAW, widens what an attacker inside it can do to the node and its neighbours.',
    ].join(' '),
    remediation: [
      'Remove capabilities that are not in `allowedCapabilities` from `securityContext.capabilities.add`, and',
      'list every capability of `requiredDropCapabilities` (or simply `ALL`) in `securityContext.capabilities.drop`.',
      'Without `allowedCapabilities` no capability may be added; `"*"` allows any.',
    ].join(' '),
    defaultSeverity: 'error',
    schema: {
      type: 'object',
      additionalProperties: false,
      properties: {
        allowedCapabilities: {
          type: 'array',
          items: { type: 'string' },
          description:
            'Capabilities a container may add, in any case; `"*"` allows every capability. Absent means none may be added.',
        },
        requiredDropCapabilities: {
          type: 'array',
          items: { type: 'string' },
          description: 'Capabilities every container must drop, in any case; dropping `ALL` covers them all.',
        },
        exemptImages: exemptImagesParam({ withDefault: false }),
      },
    },
  },

  *review({ review }, params) {
    if (review.operation === 'UPDATE') return;
    const allowed = lowerSet(params.allowedCapabilities);
    const mustDrop = lowerSet(params.requiredDropCapabilities);
    for (const { container, list, path } of checkedContainers(
      review.object,
      ALL_CONTAINER_LISTS,
      params.exemptImages,
    )) {
      const securityContext = isRecord(container.securityContext) ? container.securityContext : undefined;
      const capabilities = isRecord(securityContext?.capabilities) ? securityContext.capabilities : undefined;
      const capabilitiesPath: ObjectPath = capabilities
        ? [...path, 'securityContext', 'capabilities']
        : securityContext
          ? [...path, 'securityContext']
          : path;

      if (!allowed.has('*')) {
        const disallowed = entries(capabilities?.add).find(
          ([, item]) => typeof item === 'string' && !allowed.has(item.toLowerCase()),
        );
        if (disallowed) {
          const msg = sprintf(`${PREFIX[list]} <%v> has a disallowed capability. Allowed capabilities are %v`, [
            container.name,
            params.allowedCapabilities ?? 'NONE',
          ]);
          yield msg === undefined ? undefined : { msg, path: [...capabilitiesPath, 'add', disallowed[0]] };
        }
      }

      const dropped = lowerSet(capabilities?.drop);
      if (!dropped.has('all') && [...mustDrop].some((capability) => !dropped.has(capability))) {
        const msg = sprintf(
          `${PREFIX[list]} <%v> is not dropping all required capabilities. Container must drop all of %v or "ALL"`,
          [container.name, params.requiredDropCapabilities],
        );
        const dropPath =
          capabilities && Object.hasOwn(capabilities, 'drop') ? [...capabilitiesPath, 'drop'] : capabilitiesPath;
        yield msg === undefined ? undefined : { msg, path: dropPath };
      }
    }
  },
});
