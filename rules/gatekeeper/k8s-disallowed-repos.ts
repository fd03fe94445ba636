import {
  ALL_CONTAINER_LISTS,
  containerWord,
  gatekeeperRule,
  podContainers,
  sprintf,
} from '../../src/kit/rego/rego-api.js';

type Params = { repos?: string[] };

/**
 * Gatekeeper library `general/disallowedrepos`: no image starts with one of
 * the forbidden `repos`, compared as plain text prefixes.
 */
export default gatekeeperRule<Params>({
  gatekeeper: { kind: 'K8sDisallowedRepos', library: 'general', template: 'disallowedrepos' },
  meta: {
    id: 'k8s-disallowed-repos',
    title: 'Images do not come from forbidden repositories (Gatekeeper K8sDisallowedRepos)',
    description: 'Flag containers whose image starts with one of the disallowed repository prefixes.',
    rationale: [
      'Some registries are known to be untrusted, deprecated or unreachable from the cluster (such as the frozen',
      '`k8s.gcr.io`); blocking them stops workloads from pulling stale or unvetted images.',
    ].join(' '),
    remediation: [
      'Pull the image from a registry that is not listed in `repos`, for example its maintained mirror. Prefixes',
      'are compared with the image as written, so list every spelling you want to block.',
    ].join(' '),
    defaultSeverity: 'error',
    schema: {
      type: 'object',
      additionalProperties: false,
      properties: {
        repos: {
          type: 'array',
          items: { type: 'string' },
          description: 'Forbidden image prefixes; an empty string forbids every image.',
        },
      },
    },
  },

  *review({ review }, params) {
    const repos = params.repos;
    for (const { container, list, path } of podContainers(review.object, ALL_CONTAINER_LISTS)) {
      const image = container.image;
      if (typeof image !== 'string' || !Array.isArray(repos)) continue;
      if (!repos.some((repo) => typeof repo === 'string' && image.startsWith(repo))) continue;
      const word = containerWord(list);
      const msg = sprintf(`${word} <%v> has an invalid image repo <%v>, disallowed repos are %v`, [
        container.name,
        image,
        repos,
      ]);
      if (msg !== undefined) yield { msg, path: [...path, 'image'] };
    }
  },
});
