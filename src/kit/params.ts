/** Parameters that many rules share, so each is declared and documented once. */
import { isExemptImage } from './image.js';
import { containersOf } from './pod-spec.js';
import type { ContainerRef } from './pod-spec.js';
import type { Resource } from '../model/types.js';

/** What an `exemptImages` entry matches; the same for every rule that takes the parameter. */
export const EXEMPT_IMAGES_DESCRIPTION =
  'Images whose containers the rule skips, compared with the image as written: an exact image ' +
  '(`registry.example.com/tools:2.1`), or an entry ending in `*` that matches every image starting with the rest ' +
  'of it (`registry.example.com/system/*`).';

/**
 * The `exemptImages` parameter. `note` adds what is particular to one rule. Gatekeeper ports pass
 * `withDefault: false`, since a template tells an absent parameter from an empty list.
 */
export function exemptImagesParam(options: { note?: string; withDefault?: boolean } = {}) {
  const { note, withDefault = true } = options;
  return {
    type: 'array',
    items: { type: 'string' },
    ...(withDefault ? { default: [] as string[] } : {}),
    description: note === undefined ? EXEMPT_IMAGES_DESCRIPTION : `${EXEMPT_IMAGES_DESCRIPTION} ${note}`,
  };
}

/** The resource's containers, in `containersOf` order, without those whose image `exemptImages` lists. */
export function judgedContainers(
  resource: Resource,
  params: { readonly exemptImages?: readonly string[] | undefined },
): ContainerRef[] {
  return containersOf(resource).filter((ref) => !isExemptImage(ref.container.image, params.exemptImages));
}
