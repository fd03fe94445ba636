/** JSON Schemas for `.k8s-bp.yaml`. Match blocks follow Gatekeeper's `spec.match`. */

const stringList = { type: 'array', items: { type: 'string' } } as const;

const labelSelector = {
  type: 'object',
  additionalProperties: false,
  properties: {
    matchLabels: { type: 'object', additionalProperties: { type: 'string' } },
    matchExpressions: {
      type: 'array',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['key', 'operator'],
        properties: {
          key: { type: 'string' },
          operator: { enum: ['In', 'NotIn', 'Exists', 'DoesNotExist'] },
          values: stringList,
        },
      },
    },
  },
} as const;

export const matchSchema = {
  type: 'object',
  additionalProperties: false,
  properties: {
    kinds: {
      type: 'array',
      items: {
        type: 'object',
        additionalProperties: false,
        properties: { apiGroups: stringList, kinds: stringList },
      },
    },
    namespaces: stringList,
    excludedNamespaces: stringList,
    labelSelector,
    namespaceSelector: labelSelector,
    name: { type: 'string' },
    scope: { enum: ['Namespaced', 'Cluster', '*'] },
    source: { enum: ['All', 'Original', 'Generated'] },
  },
} as const;

export const ENFORCEMENT_ACTIONS = ['deny', 'warn', 'dryrun', 'scoped'] as const;

const scopedEnforcementActions = {
  type: 'array',
  items: {
    type: 'object',
    additionalProperties: false,
    required: ['action', 'enforcementPoints'],
    properties: {
      action: { enum: ['deny', 'warn', 'dryrun'] },
      enforcementPoints: {
        type: 'array',
        items: {
          type: 'object',
          additionalProperties: false,
          required: ['name'],
          properties: { name: { type: 'string' } },
        },
      },
    },
  },
} as const;

const constraintFields = {
  enforcementAction: { enum: ENFORCEMENT_ACTIONS },
  scopedEnforcementActions,
  match: matchSchema,
  parameters: { type: 'object' },
} as const;

export const configSchema = {
  type: 'object',
  additionalProperties: false,
  properties: {
    extends: { enum: ['recommended', 'strict', 'none'] },
    namespace: { type: 'string', minLength: 1 },
    namespacesComplete: { type: 'boolean' },
    exclude: stringList,
    requireIgnoreReason: { type: 'boolean' },
    ignore: {
      type: 'array',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['paths', 'rules'],
        properties: {
          paths: { type: 'array', minItems: 1, items: { type: 'string', minLength: 1 } },
          rules: { type: 'array', minItems: 1, items: { type: 'string', minLength: 1 } },
          reason: { type: 'string' },
        },
      },
    },
    // Rule modules to import, relative to the config file: paths or globs of .js/.mjs files.
    plugins: { type: 'array', items: { type: 'string', minLength: 1 } },
    // ValidatingAdmissionPolicies, bindings and parameters to enforce, relative to the config file, as --policies.
    policies: { type: 'array', items: { type: 'string', minLength: 1 } },
    // The Kubernetes release the manifests are for, or a range of them (`1.29-1.35`). A number is accepted here so
    // that an unquoted `1.30` (the number 1.3 to YAML) gets a message that says to quote it.
    kubernetesVersion: { type: ['string', 'number'] },
    // CustomResourceDefinitions to validate custom resources against, besides those among the inputs: files,
    // directories or globs relative to the config file, read like --inventory.
    crds: { type: 'array', items: { type: 'string', minLength: 1 } },
    // How kustomizations are built: the binary (a path relative to the config file, or a name on PATH) and which
    // kustomization folders are entry points (globs relative to the config file; every kustomization when absent).
    kustomize: {
      type: 'object',
      additionalProperties: false,
      properties: {
        binary: { type: 'string', minLength: 1 },
        entryPoints: { type: 'array', items: { type: 'string', minLength: 1 } },
      },
    },
    rules: {
      type: 'object',
      additionalProperties: {
        oneOf: [
          // An unquoted `off` is the boolean false to a YAML 1.1 reader, as Kubernetes tools read YAML.
          { enum: ['off', false, 'deny', 'warn', 'dryrun'] },
          { type: 'object', additionalProperties: false, properties: constraintFields },
        ],
      },
    },
    constraints: {
      type: 'array',
      items: {
        oneOf: [
          // A file, directory or glob of Gatekeeper constraint (and template) manifests.
          { type: 'string', minLength: 1 },
          {
            type: 'object',
            additionalProperties: false,
            required: ['rule'],
            properties: {
              rule: { type: 'string' },
              name: { type: 'string', pattern: '^[a-z0-9]([-a-z0-9.]*[a-z0-9])?$' },
              ...constraintFields,
            },
          },
        ],
      },
    },
  },
} as const;

export type EnforcementSetting = (typeof ENFORCEMENT_ACTIONS)[number];

export interface ScopedAction {
  action: 'deny' | 'warn' | 'dryrun';
  enforcementPoints: { name: string }[];
}

/** What a constraint may say in the config, in `rules:` or `constraints:`. */
export interface ConstraintSettings {
  enforcementAction?: EnforcementSetting;
  scopedEnforcementActions?: ScopedAction[];
  match?: Record<string, unknown>;
  parameters?: Record<string, unknown>;
}

export interface ConstraintEntry extends ConstraintSettings {
  rule: string;
  name?: string;
}

/** An entry of the config's `ignore` list. */
export interface IgnoreSettings {
  paths: string[];
  rules: string[];
  reason?: string;
}

/** `.k8s-bp.yaml` after schema validation. */
export interface ConfigFile {
  extends?: 'recommended' | 'strict' | 'none';
  namespace?: string;
  /** The input holds everything in its namespaces, so namespace-wide rules may judge them all. */
  namespacesComplete?: boolean;
  exclude?: string[];
  /** Every suppression must give a reason (`--require-ignore-reason`). */
  requireIgnoreReason?: boolean;
  /** Rules silenced for files matching globs, relative to the config file's directory. */
  ignore?: IgnoreSettings[];
  plugins?: string[];
  /** Files, directories or globs of admission policies to enforce, as `--policies`. */
  policies?: string[];
  /** The Kubernetes release or range of releases the manifests are for, as `--kubernetes-version`. */
  kubernetesVersion?: string | number;
  /** Files, directories or globs of CustomResourceDefinitions that custom resources are validated against. */
  crds?: string[];
  /** How kustomizations are built, as `--kustomize-binary` and `--kustomize-entry`. */
  kustomize?: { binary?: string; entryPoints?: string[] };
  rules?: Record<string, RuleSetting>;
  /** Constraints written here, or paths of Gatekeeper constraint manifests. */
  constraints?: (ConstraintEntry | string)[];
}

/** What the config may say of a rule in `rules:`. */
export type RuleSetting = 'off' | false | 'deny' | 'warn' | 'dryrun' | ConstraintSettings;

/** Whether a rule's setting turns it off: `off`, or `false`, which an unquoted `off` is to a YAML 1.1 reader. */
export function isOff(setting: RuleSetting | undefined): setting is 'off' | false {
  return setting === 'off' || setting === false;
}
