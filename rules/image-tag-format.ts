import {
  WORKLOAD_KINDS,
  exemptImagesParam,
  judgedContainers,
  literalImageReference,
  parseImageReference,
} from '../src/kit/rule-api.js';
import type { ContainerRef, Rule, Violation } from '../src/kit/rule-api.js';

/** The keys of `meta.messages`: a violation's `messageId` is checked against them. */
type MessageId = 'noTag' | 'tagMismatch';

type Params = {
  pattern: string;
  allowDigests: boolean;
  exemptImages: string[];
};

/** The default format: a semantic version and the commit it was built from, such as `v1.0.1-bfeda01f`. */
const DEFAULT_PATTERN = '^v?\\d+\\.\\d+\\.\\d+-[0-9a-f]{7,40}$';

/**
 * Longest pattern accepted. Patterns come from the team's own config, but a
 * cap keeps a pasted monster (and the backtracking it may bring) out.
 */
const MAX_PATTERN_LENGTH = 500;

/**
 * Longest tag the image reference grammar allows. Longer tags are reported
 * without running the pattern, which bounds the text a pattern ever sees.
 */
const MAX_TAG_LENGTH = 128;

/**
 * Image tags follow the team's release format, or images are pinned by
 * digest. Opt-in: the format is a team convention, and third-party images
 * rarely follow it. Images that a tool rewrites before apply are not judged,
 * as in `no-latest-tag`: ko import paths, and references with a placeholder
 * in their last path segment (`${IMAGE}`, `app:$(TAG)`, `<IMAGE>`).
 */
const rule: Rule<Params, MessageId> = {
  meta: {
    id: 'image-tag-format',
    title: 'Image tags follow the release format',
    description:
      'Tag every container image in the agreed release format, such as a version plus a commit hash, or pin it by digest.',
    rationale: [
      'A tag is only useful if it tells you what is running and never moves. A format that joins a semantic version',
      'with the commit the image was built from (`v1.0.1-bfeda01f`) says both which release it is and exactly which',
      'source produced it, so a pod can be traced back to a change and a rollback names a real build. Free-form tags',
      'such as `stable`, `main` or `fix-login` tend to be pushed again and again, so two pods with the same manifest',
      'can run different code. A digest pins the bytes themselves and is accepted unless `allowDigests` is false.',
      'This rule is opt-in and left out of the `recommended` preset, because the format is a team convention and',
      'public images follow their own.',
    ].join(' '),
    remediation: [
      'Have CI tag each image with its version and commit hash (`registry.example.com/api:v1.4.2-3f9c2ab1`) and',
      'write that tag into the manifest, or reference the image by digest; set `pattern` to your own format, and',
      'list third-party images you do not build in `exemptImages`. Images that a tool replaces before apply are not',
      'reported: ko import paths (`ko://…`) and references whose last path segment holds a placeholder (`${IMAGE}`,',
      '`$IMAGE`, `app:$(TAG)`, `<IMAGE>`); a placeholder in the registry or path only leaves the tag as written, which',
      'is checked. The whole tag must match `pattern` (anchors are',
      `implied), and patterns longer than ${MAX_PATTERN_LENGTH} characters are refused; prefer simple patterns`,
      'without nested repetition such as `(a+)+`.',
    ].join(' '),
    defaultSeverity: 'error',
    defaultKinds: WORKLOAD_KINDS,
    schema: {
      type: 'object',
      additionalProperties: false,
      properties: {
        pattern: {
          type: 'string',
          minLength: 1,
          maxLength: MAX_PATTERN_LENGTH,
          default: DEFAULT_PATTERN,
          description: [
            'A JavaScript regular expression that the whole tag must match (it is tested as `^(?:pattern)$`).',
            `At most ${MAX_PATTERN_LENGTH} characters; an invalid expression is refused when the config loads.`,
            'The default accepts a semantic version and a 7 to 40 digit commit hash: `v1.0.1-bfeda01f`, `2.3.0-3f9c2ab`.',
          ].join(' '),
        },
        allowDigests: {
          type: 'boolean',
          default: true,
          description:
            'Accept an image pinned by digest (`app@sha256:…`) whatever its tag. When false the tag must match too.',
        },
        exemptImages: exemptImagesParam(),
      },
    },
    messages: {
      noTag:
        '{{type}} "{{container}}" uses image "{{image}}" without a tag, so it does not match the pattern {{pattern}}',
      tagMismatch:
        '{{type}} "{{container}}" uses image "{{image}}" whose tag "{{tag}}" does not match the pattern {{pattern}}',
    },
  },

  validate(params): string[] {
    const compiled = compileTagPattern(params.pattern);
    if (!(compiled instanceof Error)) return [];
    return [`pattern "${params.pattern}" is not a valid regular expression: ${compiled.message}`];
  },

  *check(resource, params): Iterable<Violation<MessageId>> {
    const matcher = compileTagPattern(params.pattern);
    // `validate` refuses bad patterns; this only guards a caller that skipped it.
    if (matcher instanceof Error) return;
    for (const ref of judgedContainers(resource, params)) {
      const violation = checkContainer(ref, params, matcher);
      if (violation) yield violation;
    }
  },
};

function checkContainer(ref: ContainerRef, params: Params, matcher: RegExp): Violation<MessageId> | undefined {
  const image = ref.container.image;
  if (typeof image !== 'string') return undefined;
  const literal = literalImageReference(image);
  // Replaced before apply (a ko import path, a placeholder that may hold the tag): the tag is not in the file.
  if (literal === undefined) return undefined;
  const reference = parseImageReference(literal);
  // An empty or malformed image is the API server's to reject.
  if (!reference) return undefined;
  if (params.allowDigests && reference.digest !== undefined) return undefined;
  const data = { type: ref.type, container: ref.name, image, pattern: `/${params.pattern}/` };
  const path = [...ref.path, 'image'];
  // The tag is what is judged: moving the image to another registry is the same finding.
  if (reference.tag === undefined) return { messageId: 'noTag', data, path, judged: 'no tag' };
  if (reference.tag.length <= MAX_TAG_LENGTH && matcher.test(reference.tag)) return undefined;
  return { messageId: 'tagMismatch', data: { ...data, tag: reference.tag }, path, judged: `tag ${reference.tag}` };
}

/**
 * The pattern as a whole-tag matcher, or the error that compiling it gave.
 * The pattern is compiled on its own first: wrapped in a group, `a)(b` would compile.
 */
function compileTagPattern(pattern: string): RegExp | Error {
  try {
    new RegExp(pattern);
    return new RegExp(anchored(pattern));
  } catch (error) {
    return error instanceof Error ? error : new Error(String(error));
  }
}

/** The whole tag must match: `^(?:…)$`, which leaves the pattern's own anchors harmless. */
function anchored(pattern: string): string {
  return `^(?:${pattern})$`;
}

export default rule;
