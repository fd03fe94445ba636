import { UsageError } from '../model/errors.js';
import { didYouMean } from '../util/suggest.js';

/** Every input that action.yml declares; a test checks the two lists agree. */
export const ACTION_INPUTS = [
  'paths',
  'config',
  'exclude',
  'format',
  'sarif-file',
  'fail-on',
  'annotations',
  'working-directory',
  'only-changed',
  'baseline',
  'constraints',
  'policies',
  'inventory',
  'kubernetes-version',
  'kustomize-binary',
] as const;

/** Every output that action.yml declares. */
export const ACTION_OUTPUTS = ['errors', 'warnings', 'sarif-file'] as const;

/** The formats the report can take in the job log: the CLI's. */
export const LOG_FORMATS = ['stylish', 'json', 'sarif'] as const;
/** The least severity that fails the step, or `never`. */
export const FAIL_ON = ['error', 'warning', 'never'] as const;

export type LogFormat = (typeof LOG_FORMATS)[number];
export type FailOn = (typeof FAIL_ON)[number];

/** The inputs, parsed and checked. */
export interface ActionInputs {
  paths: string[];
  config: string | undefined;
  exclude: string[];
  format: LogFormat;
  /** Empty when no SARIF file is wanted. */
  sarifFile: string;
  failOn: FailOn;
  annotations: boolean;
  workingDirectory: string;
  /** Fail only on findings in what the pull request changed. */
  onlyChanged: boolean;
  /** A baseline file, relative to the working directory. */
  baseline: string | undefined;
  /** Gatekeeper constraints and templates (`--constraints`). */
  constraints: string[];
  /** ValidatingAdmissionPolicies, bindings and parameters (`--policies`). */
  policies: string[];
  /** Objects looked up but not linted (`--inventory`). */
  inventory: string[];
  /** The Kubernetes release or range of releases (`--kubernetes-version`); the config's when undefined. */
  kubernetesVersion: string | undefined;
  /** The Kustomize or kubectl that builds kustomizations (`--kustomize-binary`). */
  kustomizeBinary: string | undefined;
}

/** Reads an input as the runner passes it (already defaulted from action.yml), trimmed. */
export type GetInput = (name: (typeof ACTION_INPUTS)[number]) => string;

/**
 * The inputs, checked. Defaults repeat action.yml's so that the entry also
 * works when run by hand with only some `INPUT_*` variables set.
 */
export function readInputs(get: GetInput): ActionInputs {
  const lists = {
    paths: splitList(get('paths')),
    constraints: splitList(get('constraints')),
    policies: splitList(get('policies')),
    inventory: splitList(get('inventory')),
  };
  // A job's standard input is empty; `-` can only be a mistake here.
  for (const [name, list] of Object.entries(lists)) {
    if (list.includes('-')) throw new UsageError(`input ${name} cannot include - (standard input)`, 'BAD_INPUT');
  }
  const { paths } = lists;
  return {
    paths: paths.length > 0 ? paths : ['.'],
    config: get('config') || undefined,
    exclude: splitList(get('exclude')),
    format: oneOf('format', get('format') || 'stylish', LOG_FORMATS),
    sarifFile: get('sarif-file'),
    failOn: oneOf('fail-on', get('fail-on') || 'error', FAIL_ON),
    annotations: parseBoolean('annotations', get('annotations') || 'true'),
    workingDirectory: get('working-directory') || '.',
    onlyChanged: parseBoolean('only-changed', get('only-changed') || 'false'),
    baseline: get('baseline') || undefined,
    constraints: lists.constraints,
    policies: lists.policies,
    inventory: lists.inventory,
    kubernetesVersion: get('kubernetes-version') || undefined,
    kustomizeBinary: get('kustomize-binary') || undefined,
  };
}

/** Newline- or space-separated, as YAML block scalars and one-liners both read naturally. */
export function splitList(value: string): string[] {
  return value.split(/\s+/).filter((item) => item !== '');
}

function oneOf<T extends string>(name: string, value: string, allowed: readonly T[]): T {
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw new UsageError(
    `input ${name} must be one of ${allowed.join(', ')}, not "${value}"${didYouMean(value, allowed)}`,
    'BAD_INPUT',
  );
}

/** YAML 1.2 core booleans, as @actions/core's getBooleanInput accepts them. */
function parseBoolean(name: string, value: string): boolean {
  if (['true', 'True', 'TRUE'].includes(value)) return true;
  if (['false', 'False', 'FALSE'].includes(value)) return false;
  throw new UsageError(`input ${name} must be true or false, not "${value}"`, 'BAD_INPUT');
}
