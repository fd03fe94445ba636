import {
  ALL_CONTAINER_LISTS,
  containerWord,
  gatekeeperRule,
  podContainers,
  sprintf,
} from '../../src/kit/rego/rego-api.js';

type Params = { allowedImages?: string[] };

/** An entry ending in `*` is a prefix (minus that one `*`); any other entry must equal the image. */
function imageAllowed(image: unknown, allowedImages: unknown): boolean {
  if (typeof image !== 'string' || !Array.isArray(allowedImages)) return false;
  return allowedImages.some(
    (entry) =>
      typeof entry === 'string' && (entry.endsWith('*') ? image.startsWith(entry.slice(0, -1)) : image === entry),
  );
}

/**
 * Gatekeeper library `general/allowedreposv2`: every image is one of
 * `allowedImages`, exactly or by a trailing-`*` prefix.
 */
export default gatekeeperRule<Params>({
  gatekeeper: { kind: 'K8sAllowedReposv2', library: 'general', template: 'allowedreposv2' },
  meta: {
    id: 'k8s-allowed-repos-v2',
    title: 'Images are on the allowed list (Gatekeeper K8sAllowedReposv2)',
    description:
      'Flag containers whose image is neither listed exactly nor covered by a `*`-terminated allowed prefix.',
    rationale: [
      'An explicit list of images, or of registry paths ending in `*`, keeps workloads on software that has been',
      'vetted; unlike a bare prefix match it cannot be fooled by a look-alike registry host name.',
    ].join(' '),
    remediation: [
      'Use an image that appears in `allowedImages`, or add it there: write the full image reference for an exact',
      'match, or a prefix ending in `*` such as `registry.example.com/team/*` to admit a whole path.',
    ].join(' '),
    defaultSeverity: 'error',
    schema: {
      type: 'object',
      additionalProperties: false,
      properties: {
        allowedImages: {
          type: 'array',
          items: { type: 'string' },
          description: [
            'Allowed images: an entry ending in `*` admits every image starting with the rest of it, any other',
            'entry admits exactly that image. Without it nothing is checked; with `[]` every image is refused.',
          ].join(' '),
        },
      },
    },
  },

  *review({ review }, params) {
    for (const { container, list, path } of podContainers(review.object, ALL_CONTAINER_LISTS)) {
      const image = container.image;
      if (imageAllowed(image, params.allowedImages)) continue;
      const word = containerWord(list);
      const msg = sprintf(`${word} <%v> has an invalid image <%v>, allowed images are %v`, [
        container.name,
        image,
        params.allowedImages,
      ]);
      if (msg !== undefined) yield { msg, path: [...path, 'image'] };
    }
  },
});
