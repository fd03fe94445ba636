import { type ObjectPath, exemptImagesParam, isRecord } from '../../src/kit/rule-api.js';
import {
  CONTAINERS_AND_INIT,
  RegoSet,
  checkedContainers,
  gatekeeperRule,
  isSet,
  sprintf,
  type GatekeeperResult,
} from '../../src/kit/rego/rego-api.js';

type Resource = 'cpu' | 'memory';
type Params = { limits?: Resource[]; requests?: Resource[]; exemptImages?: string[] };

/**
 * Gatekeeper library `general/containerresources`: containers and init
 * containers declare the listed limits and requests. Only presence counts,
 * not the values.
 */
export default gatekeeperRule<Params>({
  gatekeeper: { kind: 'K8sRequiredResources', library: 'general', template: 'containerresources' },
  meta: {
    id: 'k8s-required-resources',
    title: 'Containers declare the required limits and requests (Gatekeeper K8sRequiredResources)',
    description: 'Flag containers that lack any of the CPU or memory limits and requests listed as required.',
    rationale: [
      'Requests let the scheduler place pods where they fit and limits keep one container from starving the',
      'rest of its node; a container that declares neither is scheduled blind and runs unbounded.',
    ].join(' '),
    remediation: [
      'Add the missing entries under `resources.limits` and `resources.requests` of each container and init',
      'container.',
    ].join(' '),
    defaultSeverity: 'error',
    schema: {
      type: 'object',
      additionalProperties: false,
      properties: {
        limits: {
          type: 'array',
          items: { type: 'string', enum: ['cpu', 'memory'] },
          description: 'Resources every container must set under `resources.limits`. Without it none are required.',
        },
        requests: {
          type: 'array',
          items: { type: 'string', enum: ['cpu', 'memory'] },
          description: 'Resources every container must set under `resources.requests`. Without it none are required.',
        },
        exemptImages: exemptImagesParam({ withDefault: false }),
      },
    },
  },

  *review({ review }, params) {
    for (const { container, path } of checkedContainers(review.object, CONTAINERS_AND_INIT, params.exemptImages)) {
      yield missingEntries(container, path, 'limits', params.limits);
      yield missingEntries(container, path, 'requests', params.requests);
    }
  },
});

/** The required resources that `resources.<section>` does not set, as one result. */
function missingEntries(
  container: Record<string, unknown>,
  containerPath: ObjectPath,
  section: 'limits' | 'requests',
  required: unknown,
): GatekeeperResult | undefined {
  if (!Array.isArray(required)) return undefined;
  const resources = container.resources;
  const entries = isRecord(resources) ? resources[section] : undefined;
  const missing = new RegoSet(required.filter((resource) => typeof resource !== 'string' || !isSet(entries, resource)));
  if (missing.size === 0) return undefined;
  const msg = sprintf(`container <%v> does not have <%v> ${section} defined`, [container.name, missing]);
  return msg === undefined ? undefined : { msg, path: [...containerPath, 'resources', section] };
}
