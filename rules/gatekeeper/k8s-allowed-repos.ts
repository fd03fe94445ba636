import {
  ALL_CONTAINER_LISTS,
  containerWord,
  gatekeeperRule,
  podContainers,
  sprintf,
} from '../../src/kit/rego/rego-api.js';

type Params = { repos?: string[] };

/**
 * Gatekeeper library `general/allowedrepos`: every image starts with one of
 * `repos`, compared as plain text prefixes.
 */
export default gatekeeperRule<Params>({
  gatekeeper: { kind: 'K8sAllowedRepos', library: 'general', template: 'allowedrepos' },
  meta: {
    id: 'k8s-allowed-repos',
    title: 'Images come from allowed repositories (Gatekeeper K8sAllowedRepos)',
    description: 'Flag containers whose image does not start with one of the allowed repository prefixes.',
    rationale: [
      'Only images from registries your organisation controls have been through its build, scanning and signing',
      'steps; a copied example or a typo must not pull unknown code from a public registry.',
    ].join(' '),
    remediation: [
      'Reference the image from an allowed registry, or add its prefix to `repos`. Prefixes are compared with the',
      'image as written: end a registry prefix with `/` so that `myregistry.io` does not also admit',
      '`myregistry.io.evil.com/app`.',
    ].join(' '),
    defaultSeverity: 'error',
    schema: {
      type: 'object',
      additionalProperties: false,
      properties: {
        repos: {
          type: 'array',
          items: { type: 'string' },
          description: 'Allowed image prefixes. Without it nothing is checked; with `[]` every image is refused.',
        },
      },
    },
  },

  *review({ review }, params) {
    for (const { container, list, path } of podContainers(review.object, ALL_CONTAINER_LISTS)) {
      const image = container.image;
      const repos = params.repos;
      if (typeof image === 'string' && repos?.some((repo) => image.startsWith(repo))) continue;
      const word = containerWord(list);
      const msg = sprintf(`${word} <%v> has an invalid image repo <%v>, allowed repos are %v`, [
        container.name,
        image,
        repos,
      ]);
      if (msg !== undefined) yield { msg, path: [...path, 'image'] };
    }
  },
});
