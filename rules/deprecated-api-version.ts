import {
  findDeprecatedApi,
  isDeprecatedAt,
  isRemovedAt,
  parseKubernetesVersion,
  replacementAt,
} from '../src/kit/rule-api.js';
import type { DeprecatedApi, KubernetesVersion, Rule, Violation } from '../src/kit/rule-api.js';

/** The keys of `meta.messages`: a violation's `messageId` is checked against them. */
type MessageId = 'removed' | 'deprecated';

type Params = {
  /** `target`: the newest release the run targets (`--kubernetes-version`, the config's `kubernetesVersion`). */
  kubernetesVersion: string;
  reportDeprecated: boolean;
};

/**
 * Manifests use API versions the target Kubernetes release serves. The table
 * of deprecated versions lives in `src/engine/deprecated-apis.ts`, with its
 * sources. A version the target no longer serves is `removed`; one it still
 * serves but warns about is `deprecated`, reported unless `reportDeprecated`
 * is false. Each message names the API version to move to at that release.
 * The finding points at `apiVersion`; every kind is checked, since the table
 * is keyed by API version and kind.
 */
const rule: Rule<Params, MessageId> = {
  meta: {
    id: 'deprecated-api-version',
    title: 'API versions are served by the target release',
    description: 'Use API versions that the target Kubernetes release serves and has not deprecated.',
    rationale: [
      'Kubernetes retires beta API versions a few releases after their stable successor ships. A manifest that',
      'still names a removed version is refused outright after an upgrade, which tends to surface during an incident',
      'or a cluster migration rather than in review; a deprecated one still works but already makes the API server',
      'warn. Moving to the replacement ahead of time, with a known target release, turns a failed deploy into a',
      'routine edit. The replacement often changes defaults or field names, so it is worth reading its notes.',
    ].join(' '),
    remediation: [
      'Change `apiVersion` to the replacement named in the message and adjust the fields that moved (the Kubernetes',
      'deprecated API migration guide lists them, and `kubectl convert` can rewrite a file). Set `kubernetesVersion`',
      'to the release your clusters run or are about to run.',
    ].join(' '),
    defaultSeverity: 'error',
    // Every kind: the table decides which ones matter.
    defaultKinds: [],
    schema: {
      type: 'object',
      additionalProperties: false,
      properties: {
        kubernetesVersion: {
          type: 'string',
          pattern: '^(target|v?\\d+\\.\\d+(\\.\\d+)?)$',
          default: 'target',
          description:
            'The Kubernetes release the manifests are for, such as `1.33` or `v1.33.2`. Quote it in YAML: `1.30` unquoted is the number 1.3. `target`, the default, is the newest release the run targets: `--kubernetes-version`, else the config’s `kubernetesVersion`, else 1.35.',
        },
        reportDeprecated: {
          type: 'boolean',
          default: true,
          description:
            'Also report API versions the target release still serves but has deprecated; false reports only removed ones.',
        },
      },
    },
    messages: {
      removed:
        '{{kind}} "{{name}}" uses apiVersion "{{apiVersion}}", which Kubernetes {{target}} no longer serves (removed in {{removedIn}}); {{instead}}',
      deprecated:
        '{{kind}} "{{name}}" uses apiVersion "{{apiVersion}}", deprecated since Kubernetes {{deprecatedIn}}{{removal}}; {{instead}}',
    },
  },

  *check(resource, params, ctx): Iterable<Violation<MessageId>> {
    const release = params.kubernetesVersion === 'target' ? ctx.kubernetesReleases.at(-1) : params.kubernetesVersion;
    const target = parseKubernetesVersion(release ?? '');
    const entry = findDeprecatedApi(resource.object.apiVersion, resource.kind);
    if (!target || !entry || !isDeprecatedAt(entry, target)) return;
    const data = {
      kind: resource.kind,
      name: resource.name ?? '(unnamed)',
      apiVersion: entry.apiVersion,
      instead: instead(entry, target),
    };
    if (isRemovedAt(entry, target)) {
      yield {
        messageId: 'removed',
        data: { ...data, target: format(target), removedIn: entry.removedIn ?? '' },
        path: ['apiVersion'],
      };
    } else if (params.reportDeprecated) {
      yield {
        messageId: 'deprecated',
        data: { ...data, deprecatedIn: entry.deprecatedIn, removal: removal(entry) },
        path: ['apiVersion'],
      };
    }
  },
};

/** What to write instead, at the target release. */
function instead(entry: DeprecatedApi, target: KubernetesVersion): string {
  const replacement = replacementAt(entry, target);
  if (replacement) return `use "${replacement.apiVersion}" instead`;
  return entry.alternative ?? `${entry.kind} has no successor API`;
}

function removal(entry: DeprecatedApi): string {
  return entry.removedIn === undefined ? '' : ` and no longer served from ${entry.removedIn}`;
}

function format(version: KubernetesVersion): string {
  return `${version.major}.${version.minor}`;
}

export default rule;
