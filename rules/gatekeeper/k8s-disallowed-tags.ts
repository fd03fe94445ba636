import { exemptImagesParam } from '../../src/kit/rule-api.js';
import { ALL_CONTAINER_LISTS, checkedContainers, gatekeeperRule, sprintf } from '../../src/kit/rego/rego-api.js';

type Params = { tags?: string[]; exemptImages?: string[] };

/** True when the last `/`-separated part of the image has a `:`, i.e. a tag (or a digest); a registry port does not count. */
function hasTag(image: string): boolean {
  return image.slice(image.lastIndexOf('/') + 1).includes(':');
}

/**
 * Gatekeeper library `general/disallowedtags`: every image names a tag, and
 * not one of the forbidden `tags`.
 */
export default gatekeeperRule<Params>({
  gatekeeper: { kind: 'K8sDisallowedTags', library: 'general', template: 'disallowedtags' },
  meta: {
    id: 'k8s-disallowed-tags',
    title: 'Images name an allowed tag (Gatekeeper K8sDisallowedTags)',
    description: 'Flag containers whose image has no tag, or a tag from the disallowed list such as `latest`.',
    rationale: [
      'A missing tag means `latest`, and tags like `latest` move: the same manifest can start different code on',
      'each node and each restart, which breaks rollbacks and hides what is actually running.',
    ].join(' '),
    remediation: [
      'Pin the image to a specific version tag (or a digest) that is not in `tags`, or list deliberate exceptions in',
      '`exemptImages`.',
    ].join(' '),
    defaultSeverity: 'error',
    schema: {
      type: 'object',
      additionalProperties: false,
      properties: {
        tags: {
          type: 'array',
          items: { type: 'string' },
          description: 'Forbidden tags, without the colon (for example `latest`).',
        },
        exemptImages: exemptImagesParam({ withDefault: false }),
      },
    },
  },

  *review({ review }, params) {
    const tags = params.tags;
    for (const { container, path } of checkedContainers(review.object, ALL_CONTAINER_LISTS, params.exemptImages)) {
      const image = container.image;
      if (typeof image !== 'string') continue;
      const imagePath = [...path, 'image'];
      if (Array.isArray(tags) && tags.some((tag) => typeof tag === 'string' && image.endsWith(`:${tag}`))) {
        const msg = sprintf('container <%v> uses a disallowed tag <%v>; disallowed tags are %v', [
          container.name,
          image,
          tags,
        ]);
        if (msg !== undefined) yield { msg, path: imagePath };
      }
      if (!hasTag(image)) {
        const msg = sprintf("container <%v> didn't specify an image tag <%v>", [container.name, image]);
        if (msg !== undefined) yield { msg, path: imagePath };
      }
    }
  },
});
