import { WORKLOAD_KINDS, configReferencesOf, exemptImagesParam, isExemptImage } from '../src/kit/rule-api.js';
import type { ConfigReference, Rule, Violation } from '../src/kit/rule-api.js';

/** The keys of `meta.messages`: a violation's `messageId` is checked against them. */
type MessageId = 'secretKeyRef' | 'secretRef';

type Params = {
  exemptImages: string[];
};

/**
 * Containers read Secrets from files, not from environment variables: no
 * `env[].valueFrom.secretKeyRef` and no `envFrom[].secretRef` in any
 * container, init and ephemeral ones included. Secret volumes (and projected
 * secret sources) are what the rule asks for, so they are never reported.
 */
const rule: Rule<Params, MessageId> = {
  meta: {
    id: 'secrets-as-volumes',
    title: 'Secrets are mounted as files',
    description: 'Mount Secrets into containers as volumes instead of copying them into environment variables.',
    rationale: [
      'An environment variable is the leakiest place for a credential. It is inherited by every child process,',
      'printed by crash handlers, debug pages and `env` in a shell, often ends up in logs or error reports, and can be',
      'read through `/proc` by anything allowed to inspect the process. It is also fixed when the container starts,',
      'so a rotated Secret only reaches the application after a restart. A Secret mounted as a volume is a file with',
      'the permissions you choose, read only when the application opens it; it stays out of the environment, lives',
      'in memory on the node, and the kubelet refreshes it in place when the Secret changes.',
    ].join(' '),
    remediation: [
      'Mount the Secret as a volume (`volumes[].secret.secretName` with a `volumeMounts` entry, optionally `items`',
      'to pick keys) and have the application read the file, for example through a `*_FILE` variable that holds the',
      'path. For third-party images that only read credentials from the environment, list them in `exemptImages`.',
    ].join(' '),
    defaultSeverity: 'warning',
    defaultKinds: WORKLOAD_KINDS,
    schema: {
      type: 'object',
      additionalProperties: false,
      properties: {
        exemptImages: exemptImagesParam({
          note: 'Use it for third-party images that take credentials only from the environment.',
        }),
      },
    },
    messages: {
      secretKeyRef:
        '{{type}} "{{container}}" reads key "{{key}}" of Secret "{{secret}}" into the environment variable "{{variable}}"',
      secretRef: '{{type}} "{{container}}" loads every key of Secret "{{secret}}" into its environment (envFrom)',
    },
  },

  *check(resource, params): Iterable<Violation<MessageId>> {
    for (const reference of configReferencesOf(resource)) {
      const violation = environmentSecret(reference, params);
      if (violation) yield violation;
    }
  },
};

function environmentSecret(reference: ConfigReference, params: Params): Violation<MessageId> | undefined {
  const { site } = reference;
  if (reference.kind !== 'Secret' || site.via === 'volume') return undefined;
  const image = site.container.container.image;
  if (typeof image === 'string' && isExemptImage(image, params.exemptImages)) return undefined;
  const data = { type: site.container.type, container: site.container.name, secret: reference.name ?? '(unnamed)' };
  if (site.via === 'envFrom') return { messageId: 'secretRef', data, path: reference.path };
  return {
    messageId: 'secretKeyRef',
    data: { ...data, key: site.key ?? '(none)', variable: site.variable },
    path: reference.path,
  };
}

export default rule;
