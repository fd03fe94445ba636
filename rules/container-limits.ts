import {
  WORKLOAD_KINDS,
  compareQuantities,
  describeValue,
  exemptImagesParam,
  getIn,
  isNegativeQuantity,
  isRecord,
  isUnset,
  judgedContainers,
  parseQuantity,
} from '../src/kit/rule-api.js';
import type { ContainerRef, Quantity, Rule, Violation } from '../src/kit/rule-api.js';

/** The keys of `meta.messages`: a violation's `messageId` is checked against them. */
type MessageId = 'noLimits' | 'noLimit' | 'invalidLimit' | 'aboveMaximum';

type Params = {
  cpu: string | number;
  memory: string | number;
  exemptImages: string[];
};

const RESOURCES = ['cpu', 'memory'] as const;
type ResourceName = (typeof RESOURCES)[number];
type Maximums = Readonly<Record<ResourceName, Quantity | undefined>>;

/**
 * Every container sets cpu and memory limits, optionally no higher than a
 * maximum. Follows Gatekeeper's K8sContainerLimits in which containers it
 * checks (containers and initContainers; ephemeral containers cannot set
 * resources) and in `exemptImages`, but always requires both limits and parses
 * quantities the way the API server does.
 */
const rule: Rule<Params, MessageId> = {
  meta: {
    id: 'container-limits',
    title: 'Containers set CPU and memory limits',
    description: 'Set a CPU and a memory limit on every container, within the allowed maximums.',
    rationale: [
      'Without limits a single container can take all the memory or CPU of its node: a leak or a busy loop then',
      'starves its neighbours, and the kernel may kill unrelated pods when memory runs out. Limits bound the damage',
      'to the container that misbehaves, make capacity planning possible, and are what namespace quotas count.',
      'Init containers are checked too, because the scheduler reserves room for them and sidecar init containers',
      'run for the life of the pod. Ephemeral debug containers are not: Kubernetes does not let them set resources.',
    ].join(' '),
    remediation: [
      'Add `resources.limits.cpu` and `resources.limits.memory` to the container, sized from what it uses under',
      'load, with values such as `500m` and `256Mi` that stay within the maximums of the constraint.',
    ].join(' '),
    defaultSeverity: 'error',
    defaultKinds: WORKLOAD_KINDS,
    schema: {
      type: 'object',
      additionalProperties: false,
      properties: {
        cpu: {
          type: ['string', 'number'],
          default: '',
          description: 'The highest CPU limit allowed, as a quantity such as `2` or `1500m`. Empty: no maximum.',
        },
        memory: {
          type: ['string', 'number'],
          default: '',
          description: 'The highest memory limit allowed, as a quantity such as `4Gi` or `512Mi`. Empty: no maximum.',
        },
        exemptImages: exemptImagesParam(),
      },
    },
    messages: {
      noLimits: '{{type}} "{{container}}" sets no resource limits (resources.limits.cpu and resources.limits.memory)',
      noLimit: '{{type}} "{{container}}" has no {{resource}} limit',
      invalidLimit: '{{type}} "{{container}}" has a {{resource}} limit "{{value}}" that is not a valid quantity',
      aboveMaximum:
        '{{type}} "{{container}}" has a {{resource}} limit of {{value}}, above the allowed maximum of {{maximum}}',
    },
  },

  validate(params): string[] {
    return RESOURCES.filter((name) => params[name] !== '' && !isValidMaximum(params[name])).map(
      (name) => `${name} "${String(params[name])}" is not a quantity such as 500m, 2, 512Mi or 1Gi`,
    );
  },

  *check(resource, params): Iterable<Violation<MessageId>> {
    const maximums: Maximums = { cpu: maximumOf(params.cpu), memory: maximumOf(params.memory) };
    for (const ref of judgedContainers(resource, params)) {
      if (ref.type === 'ephemeralContainer') continue;
      yield* checkContainer(ref, maximums);
    }
  },
};

/** The findings for one container: missing, unreadable and too-high limits. */
function* checkContainer(ref: ContainerRef, maximums: Maximums): Generator<Violation<MessageId>> {
  const limitsPath = [...ref.path, 'resources', 'limits'];
  const data = { type: ref.type, container: ref.name };
  const limits = getIn(ref.container, ['resources', 'limits']);
  if (!isRecord(limits)) {
    yield { messageId: 'noLimits', data, path: limitsPath };
    return;
  }
  for (const resource of RESOURCES) {
    const path = [...limitsPath, resource];
    const written = limits[resource];
    if (isUnset(written)) {
      yield { messageId: 'noLimit', data: { ...data, resource }, path };
      continue;
    }
    const value = describeValue(written);
    const quantity = parseQuantity(written);
    if (!quantity || isNegativeQuantity(quantity)) {
      yield { messageId: 'invalidLimit', data: { ...data, resource, value }, path };
      continue;
    }
    const maximum = maximums[resource];
    if (maximum && compareQuantities(quantity, maximum) > 0) {
      yield { messageId: 'aboveMaximum', data: { ...data, resource, value, maximum: maximum.text }, path };
    }
  }
}

/** The parsed maximum, or undefined when the parameter is empty (no maximum). `validate` rejected bad ones. */
function maximumOf(parameter: string | number | undefined): Quantity | undefined {
  return parameter === undefined || parameter === '' ? undefined : parseQuantity(parameter);
}

function isValidMaximum(parameter: string | number): boolean {
  const quantity = parseQuantity(parameter);
  return quantity !== undefined && !isNegativeQuantity(quantity);
}

export default rule;
