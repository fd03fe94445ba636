import type { Finding } from '../engine/types.js';

/** Ids of the findings the loader itself reports; they are not rules a config can change. */
export const LOAD_RULES = {
  parseError: 'parse-error',
  duplicateKey: 'duplicate-key',
  helmTemplate: 'helm-template',
  helmChart: 'helm-chart',
  invalidResource: 'invalid-resource',
  fileTooLarge: 'file-too-large',
  yamlWarning: 'yaml-warning',
  kustomizeBuild: 'kustomize-build',
} as const;

export type LoadRuleId = (typeof LOAD_RULES)[keyof typeof LOAD_RULES];

/** A finding about the file itself rather than about a resource in it. */
export function fileProblem(
  ruleId: LoadRuleId,
  severity: 'error' | 'warning',
  message: string,
  where: { file: string; documentIndex: number; line: number; column: number; endLine?: number; endColumn?: number },
): Finding {
  return {
    ruleId,
    constraintName: ruleId,
    severity,
    message,
    file: where.file,
    line: where.line,
    column: where.column,
    endLine: where.endLine ?? where.line,
    endColumn: where.endColumn ?? where.column,
    path: '',
    documentIndex: where.documentIndex,
  };
}

/** Descriptions of the loader's own finding ids, for reports that list every rule. */
export const LOAD_RULE_DOCS = [
  {
    id: LOAD_RULES.kustomizeBuild,
    title: 'Kustomize build',
    description: 'Keep every kustomization buildable, and have Kustomize at hand to build it.',
    rationale:
      'A kustomization is linted as what it builds, so one that Kustomize cannot build (a missing file, a patch whose target is gone, a remote base out of reach) is not checked at all, and would fail at deploy time too.',
    remediation:
      'Fix what Kustomize reports (run kubectl kustomize on the folder to see it), or install kustomize or kubectl, or name the binary with --kustomize-binary.',
    defaultSeverity: 'error' as const,
  },
  {
    id: LOAD_RULES.invalidResource,
    title: 'Invalid resource',
    description: 'Give every field of a manifest the type Kubernetes expects.',
    rationale:
      'The API server rejects a manifest whose fields have the wrong type (a map where a list belongs, an unquoted number as a label value), so it would fail at apply time; rules can only judge what is there.',
    remediation:
      'Fix the field named in the message: quote values that must be strings, write lists with "-" items, and give apiVersion and kind as strings.',
    defaultSeverity: 'error' as const,
  },
  {
    id: LOAD_RULES.fileTooLarge,
    title: 'File too large',
    description: 'Keep manifest files below the size limit (--max-file-size, 20 MB by default).',
    rationale:
      'A file far larger than any manifest is usually generated output or data committed by mistake; reading it could exhaust memory, so it is reported instead of linted.',
    remediation:
      'Split the file, exclude it with --exclude, or raise the limit with --max-file-size if it really is a manifest.',
    defaultSeverity: 'error' as const,
  },
  {
    id: LOAD_RULES.parseError,
    title: 'Parse error',
    description: 'Fix YAML or JSON that cannot be parsed.',
    rationale: 'A manifest that cannot be parsed cannot be checked, and the API server would reject it as well.',
    remediation: 'Correct the syntax at the reported line and column.',
    defaultSeverity: 'error' as const,
  },
  {
    id: LOAD_RULES.duplicateKey,
    title: 'Duplicate key',
    description: 'Write each key of a mapping once.',
    rationale:
      'When a key appears twice, only the last value takes effect, so the earlier one is silently lost; it is usually a merge or copy-and-paste mistake.',
    remediation: 'Remove or merge the repeated key at the reported line.',
    defaultSeverity: 'error' as const,
  },
  {
    id: LOAD_RULES.yamlWarning,
    title: 'YAML warning',
    description: 'Write YAML that parses without a warning, such as a tag that nothing resolves.',
    rationale:
      'The YAML parser loads the document, but not quite as written: an unknown tag is dropped and the value read as plain data, which other tools may read differently or reject.',
    remediation: 'Remove or correct what the message names at the reported line, such as a custom tag.',
    defaultSeverity: 'warning' as const,
  },
  {
    id: LOAD_RULES.helmChart,
    title: 'Helm chart',
    description: 'Lint what a Helm chart renders, not its templates and values files.',
    rationale:
      'The files of a chart are not manifests: templates become objects only when Helm fills in the values, and values files and Chart.yaml are not objects at all. Linting them file by file would report noise and miss what the chart deploys.',
    remediation:
      'Render the chart and lint the output (helm template <release> <chart> | k8s-bp lint -), or exclude the chart folder with --exclude.',
    defaultSeverity: 'warning' as const,
  },
  {
    id: LOAD_RULES.helmTemplate,
    title: 'Helm template',
    description: 'Render templates before linting them.',
    rationale:
      'A document that template syntax keeps from loading is not a manifest until the template is rendered, and the objects it holds would pass the gate unchecked.',
    remediation: 'Lint the rendered output instead: helm template <release> <chart> | k8s-bp lint -.',
    defaultSeverity: 'error' as const,
  },
];
