import type { Rule, Violation } from '../src/kit/rule-api.js';

/** The keys of `meta.messages`: a violation's `messageId` is checked against them. */
type MessageId = 'notNamedDefault';

type Params = {
  name: string;
};

/** The annotations that make a StorageClass the default, stable one first. */
const DEFAULT_ANNOTATIONS = [
  'storageclass.kubernetes.io/is-default-class',
  'storageclass.beta.kubernetes.io/is-default-class',
];

/**
 * The default StorageClass is called `default`. A StorageClass is the default
 * when either annotation is exactly the string `"true"`, as the API server's
 * DefaultStorageClass admission plugin reads it (`True` or `yes` do not
 * count). The finding points at `metadata.name`.
 */
const rule: Rule<Params, MessageId> = {
  meta: {
    id: 'default-storage-class-name',
    title: 'The default StorageClass is named default',
    description: 'Name the StorageClass marked as the cluster default `default`.',
    rationale: [
      'Claims that name no StorageClass get the default one, but many charts and examples ask for a class called',
      '`default` by name instead. When the default class has another name those claims stay pending on one cluster',
      'and work on the next, depending on what the provider happened to call its class. Naming the default class',
      '`default` makes both kinds of claim land on the same storage everywhere.',
    ].join(' '),
    remediation: [
      'Rename the default StorageClass to `default` (StorageClasses cannot be renamed in place: create the new one,',
      'move the default annotation to it, then delete the old one once no claim refers to it), or set `name` if your',
      'clusters agree on another name.',
    ].join(' '),
    defaultSeverity: 'warning',
    defaultKinds: [{ apiGroups: ['storage.k8s.io'], kinds: ['StorageClass'] }],
    schema: {
      type: 'object',
      additionalProperties: false,
      properties: {
        name: {
          type: 'string',
          minLength: 1,
          default: 'default',
          description: 'The name the default StorageClass must have.',
        },
      },
    },
    messages: {
      notNamedDefault:
        'StorageClass "{{name}}" is the default StorageClass ({{annotation}}: "true") but is not named "{{expected}}"',
    },
  },

  *check(resource, params): Iterable<Violation<MessageId>> {
    if (resource.group !== 'storage.k8s.io' || resource.kind !== 'StorageClass') return;
    const annotation = DEFAULT_ANNOTATIONS.find((key) => resource.annotations[key] === 'true');
    if (annotation === undefined || resource.name === params.name) return;
    yield {
      messageId: 'notNamedDefault',
      data: { name: resource.name ?? '(unnamed)', annotation, expected: params.name },
      path: ['metadata', 'name'],
    };
  },
};

export default rule;
