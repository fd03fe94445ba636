import type { Inventory, ObjectPath, Resource, RuleContext } from '../../src/kit/rule-api.js';
import { isRecord } from '../../src/kit/rule-api.js';
import { gatekeeperRule, isSet, sprintf, type GatekeeperResult } from '../../src/kit/rego/rego-api.js';

type Params = { includeStorageClassesInMessage?: boolean; allowedStorageClasses?: string[] };

const CLASS_INDEX = 'gatekeeper/k8s-storage-class/cluster-storage-classes';

/**
 * Gatekeeper library `general/storageclass`: PersistentVolumeClaims and the
 * claim templates of StatefulSets name a StorageClass that exists (among the
 * cluster-scoped `storage.k8s.io/v1` StorageClasses of the inventory) and,
 * optionally, is on an allow-list.
 */
export default gatekeeperRule<Params>({
  gatekeeper: { kind: 'K8sStorageClass', library: 'general', template: 'storageclass' },
  meta: {
    id: 'k8s-storage-class',
    title: 'Volume claims name an existing, allowed StorageClass (Gatekeeper K8sStorageClass)',
    description:
      'Flag PersistentVolumeClaims and StatefulSet volume claim templates without a storage class name, or naming one that does not exist or is not allowed.',
    rationale: [
      'A claim for a StorageClass that does not exist stays Pending forever and its Pod never starts; a claim',
      'without a class silently gets whatever the cluster default is, which may be slow, unreplicated, or billed',
      'differently from what the workload needs.',
    ].join(' '),
    remediation: [
      'Set `storageClassName` (on the claim, or in each `volumeClaimTemplates[].spec` of a StatefulSet) to one of the',
      "cluster's StorageClasses that the constraint allows. The check needs the StorageClasses in its input: lint",
      'them together with the claims, or sync them to Gatekeeper.',
    ].join(' '),
    defaultSeverity: 'error',
    crossResource: true,
    schema: {
      type: 'object',
      additionalProperties: false,
      properties: {
        includeStorageClassesInMessage: {
          type: 'boolean',
          default: true,
          description: 'List the StorageClasses a claim may use in the message.',
        },
        allowedStorageClasses: {
          type: 'array',
          items: { type: 'string' },
          description:
            'StorageClasses that may be used, among those that exist; `"*"` allows every existing class. Without it every existing class is allowed.',
        },
      },
    },
  },

  *review({ review, resource, ctx }, params) {
    const object = review.object;
    const known = knownClasses(ctx, resource);
    if (known.length === 0) {
      yield {
        msg: 'StorageClasses not synced. Gatekeeper may be misconfigured. Please have a cluster-admin consult the documentation.',
      };
    }

    const claims: { spec: unknown; path: ObjectPath }[] = [];
    let subject: string;
    if (object.apiVersion === 'v1' && object.kind === 'PersistentVolumeClaim') {
      subject = 'pvc';
      claims.push({ spec: object.spec, path: ['spec'] });
    } else if (object.apiVersion === 'apps/v1' && object.kind === 'StatefulSet') {
      subject = 'statefulset';
      const templates = isRecord(object.spec) ? object.spec.volumeClaimTemplates : undefined;
      if (Array.isArray(templates)) {
        templates.forEach((template: unknown, index) => {
          claims.push({
            spec: isRecord(template) ? template.spec : undefined,
            path: ['spec', 'volumeClaimTemplates', index, 'spec'],
          });
        });
      }
    } else {
      return;
    }

    for (const claim of claims) yield checkClaim(subject, claim.spec, claim.path, known, params);
  },
});

function checkClaim(
  subject: string,
  spec: unknown,
  path: ObjectPath,
  known: readonly string[],
  params: Params,
): GatekeeperResult | undefined {
  const include = params.includeStorageClassesInMessage !== false;
  const allowList = params.allowedStorageClasses;
  if (!isSet(spec, 'storageClassName')) {
    const msg = include
      ? `${subject} did not specify a storage class name. Must be one of [${known.join(', ')}]`
      : `${subject} did not specify a storage class name.`;
    return { msg, path };
  }
  const name = (spec as Record<string, unknown>).storageClassName;
  const allowed = allowList ?? ['*'];
  const valid =
    typeof name === 'string' &&
    known.includes(name) &&
    Array.isArray(allowed) &&
    (allowed.includes('*') || allowed.includes(name));
  if (valid) return undefined;
  let msg: string | undefined;
  if (!include) {
    msg = sprintf(`${subject} did not specify a valid storage class name <%v>.`, [name]);
  } else if (allowList === undefined) {
    msg = sprintf(`${subject} did not specify a valid storage class name <%v>. Must be one of [%v]`, [
      name,
      known.join(', '),
    ]);
  } else {
    const choices = Array.isArray(allowList) ? known.filter((known) => allowList.includes(known)) : [];
    msg = sprintf(`${subject} did not specify an allowed and valid storage class name <%v>. Must be one of [%v]`, [
      name,
      choices.join(', '),
    ]);
  }
  return msg === undefined ? undefined : { msg, path: [...path, 'storageClassName'] };
}

/**
 * Names of `inventory.cluster["storage.k8s.io/v1"].StorageClass`: StorageClasses
 * written without a namespace, other than the reviewed object, sorted.
 */
function knownClasses(ctx: RuleContext, resource: Resource): readonly string[] {
  const index = ctx.inventory.memo(CLASS_INDEX, buildClassIndex);
  // Only a reviewed StorageClass needs the list without itself; everything else shares the memoized one.
  if (resource.name === undefined || !index.byName.get(resource.name)?.includes(resource)) return index.names;
  return index.names.filter((name) => index.byName.get(name)?.some((other) => other !== resource));
}

interface ClassIndex {
  names: string[];
  byName: Map<string, Resource[]>;
}

function buildClassIndex(inventory: Inventory): ClassIndex {
  const byName = new Map<string, Resource[]>();
  for (const storageClass of inventory.ofKind('storage.k8s.io', 'StorageClass')) {
    const name = storageClass.name;
    if (storageClass.object.apiVersion !== 'storage.k8s.io/v1' || storageClass.namespace !== undefined) continue;
    if (name === undefined) continue;
    const list = byName.get(name);
    if (list) list.push(storageClass);
    else byName.set(name, [storageClass]);
  }
  const names = [...byName.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return { names, byName };
}
