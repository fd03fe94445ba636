import {
  WORKLOAD_KINDS,
  exemptImagesParam,
  judgedContainers,
  literalImageReference,
  parseImageReference,
} from '../src/kit/rule-api.js';
import type { Rule, Violation } from '../src/kit/rule-api.js';

/** The keys of `meta.messages`: a violation's `messageId` is checked against them. */
type MessageId = 'noTag' | 'disallowedTag';

type Params = {
  disallowedTags: string[];
  exemptImages: string[];
};

/**
 * Images name a fixed version. Covers Gatekeeper's K8sDisallowedTags
 * (`disallowedTags` is its `tags`, `exemptImages` is the same) but parses the
 * reference: a registry port is not a tag, and a digest pins the image.
 *
 * Images that a tool rewrites before apply are not judged: a ko import path
 * (`ko://…`, built and replaced by a digest), and a reference with a
 * placeholder in its last path segment, where the tag or digest may come from
 * (`${IMAGE}`, `app:$(TAG)`). A placeholder only in the registry or path
 * (`$REGISTRY/app:latest`) leaves the tag as written, which is judged.
 */
const rule: Rule<Params, MessageId> = {
  meta: {
    id: 'no-latest-tag',
    title: 'Images name a fixed version',
    description: 'Reference every container image by a version tag or a digest, never by `latest` or no tag at all.',
    rationale: [
      '`latest` (which is also what an image without a tag means) is a moving pointer, not a version. Two nodes can',
      'run different code under the same manifest, a restarted pod can pick up a release nobody deployed, and a',
      'rollback cannot return to a known state because the old image is no longer named anywhere. A tag that is',
      'never reused, such as a release number or a commit hash, or a digest, makes every rollout reproducible.',
    ].join(' '),
    remediation: [
      'Reference the image by an immutable tag (`registry.example.com/web:1.4.2` or a commit hash) or by digest',
      '(`registry.example.com/web@sha256:…`), ideally written by your CI pipeline when it pushes the image.',
      'Images that a tool replaces before apply are not reported, since what they become is not written in the',
      'manifest: ko import paths (`ko://github.com/org/app/cmd/app`, which ko builds and pins by digest) and references whose',
      'last path segment holds a placeholder (`${IMAGE}`, `$IMAGE`, `$(IMAGE)`, `app:{{ .Values.tag }}`, or a',
      '`<IMAGE>` that a tutorial asks you to fill in). A',
      'placeholder in the registry or path only (`$REGISTRY/app:latest`) does not change the tag, so that image is',
      'still checked. Make sure the tool that fills them in writes a version. An image that a build tool such as',
      'Skaffold or Tilt replaces by its bare name (`image: app`, built from `skaffold.yaml`) cannot be told apart',
      'from an untagged one in the manifest alone; list such names in `exemptImages`.',
    ].join(' '),
    defaultSeverity: 'error',
    defaultKinds: WORKLOAD_KINDS,
    schema: {
      type: 'object',
      additionalProperties: false,
      properties: {
        disallowedTags: {
          type: 'array',
          items: { type: 'string' },
          default: ['latest'],
          description: 'Tags that do not name a fixed version. Compared exactly, so `Latest` is a different tag.',
        },
        exemptImages: exemptImagesParam(),
      },
    },
    messages: {
      noTag: '{{type}} "{{container}}" uses image "{{image}}" without a tag, which pulls "latest"',
      disallowedTag: '{{type}} "{{container}}" uses image "{{image}}" with the tag "{{tag}}"',
    },
  },

  *check(resource, params): Iterable<Violation<MessageId>> {
    for (const ref of judgedContainers(resource, params)) {
      const image = ref.container.image;
      if (typeof image !== 'string') continue;
      const literal = literalImageReference(image);
      // Replaced before apply: what the image becomes is not in the file.
      if (literal === undefined) continue;
      const reference = parseImageReference(literal);
      // An empty or malformed image is the API server's to reject; a digest pins the image whatever its tag.
      if (!reference || reference.digest !== undefined) continue;
      const data = { type: ref.type, container: ref.name, image };
      const path = [...ref.path, 'image'];
      if (reference.tag === undefined) yield { messageId: 'noTag', data, path };
      else if ((params.disallowedTags ?? []).includes(reference.tag)) {
        yield { messageId: 'disallowedTag', data: { ...data, tag: reference.tag }, path };
      }
    }
  },
};

export default rule;
