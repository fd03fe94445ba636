import {
  MAX_USER_PATTERN_LENGTH,
  WORKLOAD_KINDS,
  compileUserRegex,
  configReferencesOf,
  describeReferenceSite,
  userRegexProblem,
} from '../src/engine/api.js';
import type { ConfigReference, Rule, Violation } from '../src/engine/api.js';

type Params = {
  pattern: string;
  exemptConfigMaps: string[];
};

const DEFAULT_PATTERN = '-v\\d+$';

/** The longest name the API server accepts (a DNS subdomain); longer names are not tested against the pattern. */
const MAX_NAME_LENGTH = 253;

/**
 * The CA bundle that Kubernetes publishes into every namespace. Projected
 * service account token volumes written out by hand name it; nobody versions it.
 */
const BUILT_IN_CONFIGMAPS = ['kube-root-ca.crt'];

/**
 * ConfigMaps that workloads use carry a version in their name, so that a
 * configuration change is a new ConfigMap and a rollout. Checked at every
 * reference in the workload: volumes, projected sources, `configMapKeyRef`
 * and `envFrom[].configMapRef`, in every container. Each unversioned
 * ConfigMap is reported once per workload, at its first reference (counting
 * the others), since renaming it fixes them all.
 */
const rule: Rule<Params> = {
  meta: {
    id: 'versioned-configmap',
    title: 'ConfigMaps in use are versioned',
    description: 'Reference ConfigMaps from workloads by a versioned name such as `settings-v3`.',
    rationale: [
      'Editing a ConfigMap in place changes configuration behind the back of the rollout machinery: pods that read',
      'it through environment variables keep the old values until they happen to restart, mounted files change at a',
      'moment nobody chose and only in applications that reload them, and a bad change cannot be rolled back because',
      'the previous content is gone. Treating each version as a new ConfigMap (`settings-v2` next to `settings-v1`)',
      'and pointing the workload at it turns every configuration change into an ordinary rollout, visible in the',
      'pod template, applied to all pods the same way, and undone by rolling back to the template that named',
      '`settings-v1`, which still exists.',
    ].join(' '),
    remediation: [
      'Rename the ConfigMap with a version suffix (`settings-v1`), create a new one with the next number for each',
      'change, update the workload to reference it, and delete old versions only once no rollback needs them.',
      'Tools that add a content hash (kustomize `configMapGenerator`) do the same job: widen `pattern` to accept',
      'their suffix, for example `-(v\\d+|[a-z0-9]{10})$`.',
    ].join(' '),
    defaultSeverity: 'warning',
    defaultKinds: WORKLOAD_KINDS,
    schema: {
      type: 'object',
      additionalProperties: false,
      properties: {
        pattern: {
          type: 'string',
          minLength: 1,
          maxLength: MAX_USER_PATTERN_LENGTH,
          default: DEFAULT_PATTERN,
          description: [
            'A regular expression that a versioned name contains. It is searched for anywhere in the name, so anchor',
            'it (`$`, `^`) as the default does. JavaScript syntax; a leading `(?i)` makes it ignore case, as in Go.',
            `Refused when the config loads if it does not compile or is longer than ${MAX_USER_PATTERN_LENGTH}`,
            'characters; avoid nested repetition such as `(a+)+`.',
          ].join(' '),
        },
        exemptConfigMaps: {
          type: 'array',
          items: { type: 'string' },
          default: [],
          description: [
            'ConfigMap names the rule skips, such as ones another tool owns. An entry ending in `*` matches every',
            'name that starts with the rest of it. `kube-root-ca.crt`, which Kubernetes itself publishes, is always',
            'skipped.',
          ].join(' '),
        },
      },
    },
    messages: {
      unversioned:
        '{{site}} uses ConfigMap "{{configMap}}"{{more}}, whose name has no version suffix matching /{{pattern}}/',
    },
    example: {
      fail: [
        'apiVersion: apps/v1',
        'kind: Deployment',
        'metadata:',
        '  name: api',
        'spec:',
        '  selector:',
        '    matchLabels: {app: api}',
        '  template:',
        '    metadata:',
        '      labels: {app: api}',
        '    spec:',
        '      containers:',
        '        - name: api',
        '          image: registry.example.com/api:1.4.2',
        '          envFrom:',
        '            - configMapRef: {name: api-settings}',
        '',
      ].join('\n'),
      pass: [
        'apiVersion: apps/v1',
        'kind: Deployment',
        'metadata:',
        '  name: api',
        'spec:',
        '  selector:',
        '    matchLabels: {app: api}',
        '  template:',
        '    metadata:',
        '      labels: {app: api}',
        '    spec:',
        '      containers:',
        '        - name: api',
        '          image: registry.example.com/api:1.4.2',
        '          envFrom:',
        '            - configMapRef: {name: api-settings-v3}',
        '',
      ].join('\n'),
    },
  },

  validate(params): string[] {
    const problem = userRegexProblem(params.pattern);
    return problem === undefined ? [] : [`pattern "${params.pattern}" ${problem}`];
  },

  *check(resource, params): Iterable<Violation> {
    const matcher = compileUserRegex(params.pattern);
    // validate() refuses patterns that do not compile; this only guards a caller that skipped it.
    if (!(matcher instanceof RegExp)) return;
    const unversioned = new Map<string, ConfigReference[]>();
    for (const reference of configReferencesOf(resource)) {
      if (isVersioned(reference, params, matcher)) continue;
      const name = reference.name ?? '';
      const list = unversioned.get(name);
      if (list) list.push(reference);
      else unversioned.set(name, [reference]);
    }
    // One finding per ConfigMap, at its first reference: renaming it fixes them all.
    for (const [name, [first, ...others]] of unversioned) {
      if (!first) continue;
      const site = describeReferenceSite(first.site);
      const more = others.length === 0 ? '' : ` (and ${others.length} more reference${others.length === 1 ? '' : 's'})`;
      yield {
        messageId: 'unversioned',
        data: { site, configMap: name, pattern: params.pattern, more },
        path: first.namePath,
      };
    }
  },
};

/** True for references the rule accepts, and for the ones it does not judge (Secrets, missing or built-in names). */
function isVersioned(reference: ConfigReference, params: Params, matcher: RegExp): boolean {
  const name = reference.name;
  if (reference.kind !== 'ConfigMap' || name === undefined || name === '') return true;
  if (BUILT_IN_CONFIGMAPS.includes(name) || isExemptName(name, params.exemptConfigMaps)) return true;
  return name.length <= MAX_NAME_LENGTH && matcher.test(name);
}

function isExemptName(name: string, patterns: readonly string[]): boolean {
  return patterns.some((pattern) => (pattern.endsWith('*') ? name.startsWith(pattern.slice(0, -1)) : name === pattern));
}

export default rule;
