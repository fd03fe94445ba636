import { WORKLOAD_KINDS, containersOf, parseImageReference } from '../src/kit/rule-api.js';
import type { Rule, Violation } from '../src/kit/rule-api.js';

/** The keys of `meta.messages`: a violation's `messageId` is checked against them. */
type MessageId = 'notAllowed';

type Params = {
  repos: string[];
};

/**
 * Every container image starts with an allowed prefix. Gatekeeper's
 * K8sAllowedRepos: same parameter, same plain prefix test, and the same
 * container lists (containers, initContainers and ephemeralContainers).
 */
const rule: Rule<Params, MessageId> = {
  meta: {
    id: 'allowed-repos',
    title: 'Images come from allowed repositories',
    description: 'Pull every container image from a repository on the allowed list.',
    rationale: [
      'An image is code that will run inside your cluster with whatever access its pod has. Pulling only from',
      'registries your organisation controls means every image went through your build, scanning and signing',
      'steps, and that a typo or a copied example cannot bring in an unknown image from a public registry.',
      'Registries you run are also the ones you can keep available when a public one throttles or goes down.',
    ].join(' '),
    remediation: [
      'Push the image to an allowed registry and reference it there, or, if the source is trusted, add its prefix',
      'to `repos`. Prefixes are compared with the image exactly as written: end a registry prefix with `/` so that',
      '`registry.example.com/` does not also admit `registry.example.com.evil.io/`, and write Docker Hub images',
      'the way your manifests do (`nginx` does not start with `docker.io/`).',
    ].join(' '),
    defaultSeverity: 'error',
    defaultKinds: WORKLOAD_KINDS,
    schema: {
      type: 'object',
      additionalProperties: false,
      properties: {
        repos: {
          type: 'array',
          items: { type: 'string', minLength: 1 },
          minItems: 1,
          default: [],
          description:
            'Allowed image prefixes, such as `registry.example.com/`. Required: list at least one, since no default fits every organisation.',
        },
      },
    },
    messages: {
      notAllowed:
        '{{type}} "{{container}}" uses image "{{image}}", which is not from an allowed repository ({{repos}})',
    },
  },

  *check(resource, params): Iterable<Violation<MessageId>> {
    const repos = params.repos ?? [];
    for (const ref of containersOf(resource)) {
      const image = ref.container.image;
      // A container without an image cannot be created; that is the API
      // server's error to report, not a repository question.
      if (typeof image !== 'string') continue;
      if (repos.some((repo) => image.startsWith(repo))) continue;
      yield {
        messageId: 'notAllowed',
        data: { type: ref.type, container: ref.name, image, repos: repos.map((repo) => `"${repo}"`).join(', ') },
        path: [...ref.path, 'image'],
        // The repository is what is judged: a new tag on the same image is the same finding.
        judged: imageName(image),
      };
    }
  },
};

/** The image without its tag or digest. */
function imageName(image: string): string {
  const reference = parseImageReference(image);
  return reference ? [reference.registry, reference.repository].filter(Boolean).join('/') : image;
}

export default rule;
