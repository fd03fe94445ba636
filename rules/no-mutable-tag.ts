import {
  WORKLOAD_KINDS,
  exemptImagesParam,
  hasPlaceholder,
  isKoReference,
  judgedContainers,
  parseImageReference,
} from '../src/kit/rule-api.js';
import type { ContainerRef, Rule, Violation } from '../src/kit/rule-api.js';

/** The keys of `meta.messages`: a violation's `messageId` is checked against them. */
type MessageId = 'mutableTag';

type Params = {
  mutableTags: string[];
  exemptImages: string[];
};

/** Tags that projects move to each new build of a branch or channel. */
const DEFAULT_MUTABLE_TAGS = [
  'main',
  'master',
  'master-head',
  'head',
  'trunk',
  'dev',
  'develop',
  'development',
  'edge',
  'nightly',
  'snapshot',
  'canary',
  'stable',
  'unstable',
  'mainline',
  'testing',
  'alpha',
  'beta',
  'rc',
  'next',
  'preview',
];

/**
 * Images do not name a branch or channel tag. A tag is reported when it equals
 * one of `mutableTags` (without regard to case), or when it is one of them
 * followed by `-` or `_` and a suffix without digits (`stable-alpine`,
 * `main-latest`, `latest-debian`): a digit in the suffix usually means a
 * version, date or commit (`edge-24.9.2`, `main-3f9c2e1`), which is fixed.
 * `latest` counts only in such compound tags; `latest` itself and untagged
 * images are the `no-latest-tag` rule's. Digests, ko import paths and tags
 * holding a placeholder (`${TAG}`, `$(TAG)`, `{{ … }}`) are not judged.
 */
const rule: Rule<Params, MessageId> = {
  meta: {
    id: 'no-mutable-tag',
    title: 'Images do not follow a branch or channel tag',
    description:
      'Reference container images by a release tag or digest, not by a tag that moves with every build, such as `main` or `nightly`.',
    rationale: [
      'A tag such as `master`, `main`, `dev`, `nightly`, `edge` or `stable` is re-pushed whenever the branch or',
      'channel it follows gets a new build, so it names whatever was built last, exactly like `latest`. The same',
      'manifest then runs different code on different nodes and after every restart, untested changes reach',
      'production without a deployment, and there is no way back to the code that ran yesterday. It also lets',
      'anyone who can push to that branch, or who compromises its build, put code into the cluster without a',
      'review of the manifest.',
    ].join(' '),
    remediation: [
      'Pin the image to a release tag (`1.8.3`), a tag with the commit hash, or a digest (`app@sha256:…`), and let',
      'the pipeline or an image automation tool write the new reference when a build is released. Images that must',
      'follow a channel on purpose, such as a nightly test job, go in `exemptImages`.',
    ].join(' '),
    defaultSeverity: 'error',
    defaultKinds: WORKLOAD_KINDS,
    schema: {
      type: 'object',
      additionalProperties: false,
      properties: {
        mutableTags: {
          type: 'array',
          items: { type: 'string', minLength: 1 },
          default: DEFAULT_MUTABLE_TAGS,
          description:
            'Tags that follow a branch or channel, compared without regard to case. A tag also matches when it is one of these, or `latest`, followed by `-` or `_` and a suffix without digits (`stable-alpine`).',
        },
        exemptImages: exemptImagesParam(),
      },
    },
    messages: {
      mutableTag:
        '{{type}} "{{container}}" uses image "{{image}}" with the tag "{{tag}}", which moves to every new build of {{channel}}',
    },
  },

  *check(resource, params): Iterable<Violation<MessageId>> {
    const words = new Set(params.mutableTags.map((tag) => tag.toLowerCase()));
    for (const ref of judgedContainers(resource, params)) {
      const violation = checkImage(ref, words);
      if (violation) yield violation;
    }
  },
};

function checkImage(ref: ContainerRef, words: ReadonlySet<string>): Violation<MessageId> | undefined {
  const image = ref.container.image;
  if (typeof image !== 'string' || isKoReference(image)) return undefined;
  const reference = parseImageReference(image);
  const tag = reference?.tag;
  if (!reference || reference.digest !== undefined || tag === undefined || hasPlaceholder(tag)) return undefined;
  const channel = movingChannel(tag, words);
  if (channel === undefined) return undefined;
  return {
    messageId: 'mutableTag',
    data: { type: ref.type, container: ref.name, image, tag, channel: `"${channel}"` },
    path: [...ref.path, 'image'],
  };
}

/**
 * The branch or channel a tag follows, or undefined for a fixed tag: the tag
 * itself when listed, else its first part when listed (or `latest`) and the rest
 * has no digit.
 */
function movingChannel(tag: string, words: ReadonlySet<string>): string | undefined {
  const lower = tag.toLowerCase();
  // `latest` on its own is no-latest-tag's, whatever the list says.
  if (lower === 'latest') return undefined;
  if (words.has(lower)) return tag;
  const match = /^([^-_]+)[-_](.+)$/.exec(lower);
  if (!match) return undefined;
  const [, head = '', rest = ''] = match;
  if (/[0-9]/.test(rest) || !(words.has(head) || head === 'latest')) return undefined;
  return tag.slice(0, head.length);
}

export default rule;
