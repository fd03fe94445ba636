import { exemptImagesParam } from '../../src/kit/rule-api.js';
import {
  ALL_CONTAINER_LISTS,
  checkedContainers,
  containerWord,
  gatekeeperRule,
  sprintf,
} from '../../src/kit/rego/rego-api.js';

type Params = { exemptImages?: string[] };

/** `@algorithm:encoded` anywhere in the image, as the template tests it (unanchored). */
const DIGEST = /@[a-z0-9]+([+._-][a-z0-9]+)*:[a-zA-Z0-9=_-]+/;

/**
 * Gatekeeper library `general/imagedigests`: every image is pinned by
 * digest.
 */
export default gatekeeperRule<Params>({
  gatekeeper: { kind: 'K8sImageDigests', library: 'general', template: 'imagedigests' },
  meta: {
    id: 'k8s-image-digests',
    title: 'Images are pinned by digest (Gatekeeper K8sImageDigests)',
    description: 'Flag containers whose image does not carry a digest such as `@sha256:…`.',
    rationale: [
      'A tag can be moved to different content at any time; only a digest guarantees that every node runs exactly',
      'the image that was built, scanned and approved.',
    ].join(' '),
    remediation: [
      'Reference the image by digest, for example `registry.example.com/web@sha256:<digest>` (a tag may precede the',
      '`@`), or list the image in `exemptImages`.',
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
    for (const { container, list, path } of checkedContainers(
      review.object,
      ALL_CONTAINER_LISTS,
      params.exemptImages,
    )) {
      const image = container.image;
      if (typeof image === 'string' && DIGEST.test(image)) continue;
      const word = containerWord(list);
      const msg = sprintf(`${word} <%v> uses an image without a digest <%v>`, [container.name, image]);
      if (msg !== undefined) yield { msg, path: [...path, 'image'] };
    }
  },
});
