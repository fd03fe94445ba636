import { exemptImagesParam } from '../../src/kit/rule-api.js';
import { ALL_CONTAINER_LISTS, checkedContainers, gatekeeperRule, isSet, sprintf } from '../../src/kit/rego/rego-api.js';

type Params = { exemptImages?: string[] };

/**
 * Gatekeeper library `general/disallowinteractive`: no container asks for
 * `stdin` or a `tty`.
 */
export default gatekeeperRule<Params>({
  gatekeeper: { kind: 'K8sDisallowInteractiveTTY', library: 'general', template: 'disallowinteractive' },
  meta: {
    id: 'k8s-disallow-interactive-tty',
    title: 'Containers are not interactive (Gatekeeper K8sDisallowInteractiveTTY)',
    description: 'Flag containers that set `stdin` or `tty` to anything but `false`.',
    rationale: [
      'Interactive containers are for debugging sessions, not workloads: a kept-open stdin or terminal invites',
      'people to change running containers by hand, outside review and without a trace in the manifests.',
    ].join(' '),
    remediation: [
      'Remove `stdin` and `tty` from the container (or set them to `false`); use `kubectl debug` for interactive',
      'work, or list a tooling image in `exemptImages`.',
    ].join(' '),
    defaultSeverity: 'error',
    schema: {
      type: 'object',
      additionalProperties: false,
      properties: {
        exemptImages: exemptImagesParam({ withDefault: false }),
      },
    },
  },

  *review({ review }, params) {
    for (const { container, path } of checkedContainers(review.object, ALL_CONTAINER_LISTS, params.exemptImages)) {
      const field = isSet(container, 'stdin') ? 'stdin' : isSet(container, 'tty') ? 'tty' : undefined;
      if (field === undefined) continue;
      const msg = sprintf('Containers using tty or stdin (%v) are not allowed running image: %v', [
        container.name,
        container.image,
      ]);
      if (msg !== undefined) yield { msg, path: [...path, field] };
    }
  },
});
