/**
 * The engine's public types. Rules import only from here and from the
 * helpers re-exported by `src/engine/api.ts`.
 */

/** One step into a document: a map key or a sequence index. */
export type PathSegment = string | number;
/** Keys and indexes from the document root, e.g. `['spec', 'containers', 0, 'image']`. */
export type ObjectPath = readonly PathSegment[];

/** Where something sits in a file. Lines and columns are 1-based; columns count UTF-16 code units. */
export interface SourceRange {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  /**
   * Set when the range lies in another file than the resource's: an object
   * that Kustomize built is located in the base, patch or kustomization that
   * wrote the value.
   */
  file?: string;
  /** With `file`: the 0-based index of the YAML document there. */
  documentIndex?: number;
}

/**
 * Which end of a map entry a finding points at: its key (the default, for
 * "this field") or its value (for "this value is wrong").
 */
export type LocateAt = 'key' | 'value';

/** Turns an object path into a source range, lazily, only when a finding needs one. */
export interface Locator {
  /**
   * The range of the node at `path`, or of the deepest node on that path that
   * exists. A map entry points at its key, or with `at: 'value'` at its value.
   */
  locate(path: ObjectPath, at?: LocateAt): SourceRange;
  /**
   * The places that brought the value at `path` in from elsewhere in the
   * document (a YAML alias, a merge key), outermost first; empty when the
   * value is written where it sits.
   */
  broughtBy?(path: ObjectPath): readonly ValueSite[];
  /** The text of the plain (unquoted) scalar at `path` as written, or undefined when it is not one. */
  writtenAs?(path: ObjectPath): string | undefined;
}

/** A place in the same file that a finding's value passed through. */
export interface ValueSite {
  line: number;
  column: number;
  message: string;
  /** Set when the place is in another file than the resource's. */
  file?: string;
}

/** A parsed Kubernetes object. Fields are whatever the manifest says: rules must check types. */
export interface KubeObject {
  readonly apiVersion: string;
  readonly kind: string;
  readonly metadata?: unknown;
  readonly [field: string]: unknown;
}

/** A Kubernetes object from the input, with its origin. */
export interface Resource {
  readonly object: KubeObject;
  /** The file as the user named it (relative to the working directory), or `<stdin>`. */
  readonly file: string;
  /** 0-based index of the YAML document in its file. */
  readonly documentIndex: number;
  /** Path of this object inside its document: empty, or `['items', i]` for an item of a List. */
  readonly pathInDocument: ObjectPath;
  readonly locator: Locator;
  /** API group, `""` for the core group. */
  readonly group: string;
  readonly version: string;
  readonly kind: string;
  readonly name: string | undefined;
  /** `metadata.namespace` as written, or undefined when absent. */
  readonly namespace: string | undefined;
  readonly labels: Readonly<Record<string, string>>;
  readonly annotations: Readonly<Record<string, string>>;
  /**
   * The admission request this object was taken from, when the input was a
   * Kubernetes `AdmissionReview` (as in Gatekeeper test suites).
   */
  readonly admission?: AdmissionRequest;
}

/** The parts of an `AdmissionReview` request that policies read besides the object. */
export interface AdmissionRequest {
  readonly operation?: unknown;
  readonly kind?: unknown;
  readonly oldObject?: unknown;
  readonly userInfo?: unknown;
  readonly name?: unknown;
  readonly namespace?: unknown;
}

export type Severity = 'error' | 'warning' | 'note';
export type EnforcementAction = 'deny' | 'warn' | 'dryrun';

/** A group/kind selector as in Gatekeeper's `match.kinds`. */
export interface KindSelector {
  apiGroups?: string[];
  kinds?: string[];
}

export interface LabelSelectorRequirement {
  key: string;
  operator: 'In' | 'NotIn' | 'Exists' | 'DoesNotExist';
  values?: string[];
}

export interface LabelSelector {
  matchLabels?: Record<string, string>;
  matchExpressions?: LabelSelectorRequirement[];
}

/** Which resources a constraint applies to, with Gatekeeper's semantics. */
export interface Match {
  kinds?: KindSelector[];
  namespaces?: string[];
  excludedNamespaces?: string[];
  labelSelector?: LabelSelector;
  namespaceSelector?: LabelSelector;
  name?: string;
  scope?: 'Namespaced' | 'Cluster' | '*';
}

/** Another place that a violation involves, e.g. the other Ingress claiming a host. */
export interface RelatedLocation {
  resource: Resource;
  path: ObjectPath;
  message: string;
}

/** What a rule's `check` returns for each problem it sees. */
export interface Violation<M extends string = string> {
  /** A key of the rule's `meta.messages`. */
  messageId: M;
  /** Values for the message template's `{{placeholders}}`. */
  data?: Readonly<Record<string, string | number>>;
  /** Path from the object root (not the document root) to the offending field. */
  path: ObjectPath;
  related?: readonly RelatedLocation[];
  /**
   * The part of the value at `path` that the rule judged, when not the whole
   * of it: `allowed-repos` judges an image's repository, tag rules its tag. A
   * baseline tells findings apart by it (see Finding.judgedKey).
   */
  judged?: string;
  /** Structured data about the violation (Gatekeeper's result `details`). */
  details?: unknown;
  /** `value` when the finding is about the value at `path` rather than the field: it then points at the value. */
  at?: LocateAt;
}

/** A read-only view of every loaded resource, indexed so that lookups stay cheap. */
export interface Inventory {
  readonly resources: readonly Resource[];
  /** Resources of one group and kind (group `""` is the core group). */
  ofKind(group: string, kind: string): readonly Resource[];
  /** The Namespace object with this name, when the input has one. */
  namespaceObject(name: string): Resource | undefined;
  /**
   * An index a rule builds once per run and shares across all its checks, so
   * that cross-resource rules stay linear in the number of resources.
   */
  memo<T>(key: string, build: (inventory: Inventory) => T): T;
}

export interface RuleContext {
  readonly inventory: Inventory;
  /** The namespace that manifests without one will be applied to (`--namespace`), if known. */
  readonly defaultNamespace: string | undefined;
  /**
   * True when the user says the input holds everything in its namespaces
   * (`--namespaces-complete`), so rules may judge a namespace the input does
   * not create, such as one that lacks a ResourceQuota.
   */
  readonly namespacesComplete: boolean;
  /**
   * The Kubernetes releases the manifests are for (`--kubernetes-version`,
   * the config's `kubernetesVersion`), oldest first, such as `['1.33']`.
   */
  readonly kubernetesReleases: readonly string[];
}

/** JSON Schema for a rule's parameters (kept loose here; ajv checks it). */
export type ParameterSchema = Readonly<Record<string, unknown>>;

/**
 * Manifests that show a rule at work, for its documentation page. Built-in
 * rules keep theirs as fixtures (`fixtures/<id>/fail/example.yaml` and
 * `fixtures/<id>/pass/example.yaml`, with `example.params.yaml` beside them);
 * a custom rule may give one in its `meta`.
 */
export interface RuleExample {
  /** A manifest that breaks the rule. */
  fail: string;
  /** The same manifest fixed. */
  pass: string;
  /** Parameters the examples assume, if any. */
  parameters?: Readonly<Record<string, unknown>>;
}

export interface RuleMeta<M extends string = string> {
  /** kebab-case, equal to the file name. */
  id: string;
  title: string;
  /** One imperative line. */
  description: string;
  /** Why the practice matters. */
  rationale: string;
  /** How to fix a finding; ends with a period. */
  remediation: string;
  defaultSeverity: 'error' | 'warning';
  /** The kinds the rule looks at when a constraint's `match.kinds` says nothing. */
  defaultKinds: readonly KindSelector[];
  schema: ParameterSchema;
  messages: Readonly<Record<M, string>>;
  /** Shown on the rule's page; a rule without one has no Example section. Built-in rules give none here. */
  example?: RuleExample;
  /** True when the rule reads other resources through `ctx.inventory`. */
  crossResource?: boolean;
  /** Set on rules that implement a Gatekeeper library template: constraints of this kind run the rule. */
  gatekeeper?: GatekeeperTemplateInfo;
}

/** Which Gatekeeper library template a rule implements. */
export interface GatekeeperTemplateInfo {
  /** The constraint kind, e.g. `K8sAllowedRepos`. */
  kind: string;
  /** The library set, e.g. `general` or `pod-security-policy`. */
  library: string;
  /** The template's directory in the library, e.g. `allowedrepos`. */
  template: string;
}

/** A built-in or custom rule: metadata and a pure check. */
/** `M`, the message ids, lets the compiler check each violation against `meta.messages`. */
export interface Rule<P = Record<string, unknown>, M extends string = string> {
  meta: RuleMeta<M>;
  /** Checks that a schema cannot express; returns problems as sentences. */
  validate?(params: P): string[];
  check(resource: Resource, params: P, ctx: RuleContext): Iterable<Violation<M>>;
  /** The module a custom rule came from, as the config names it; absent for built-in rules. */
  source?: string;
}

/** An instance of a rule with parameters, a match and an enforcement action. */
export interface Constraint {
  /** The constraint's name; defaults to the rule id. */
  name: string;
  ruleId: string;
  /** The Gatekeeper constraint kind, when the constraint came from a Gatekeeper manifest. */
  constraintKind?: string;
  match: Match;
  parameters: Record<string, unknown>;
  enforcementAction: EnforcementAction;
}

/** The object a finding is about. */
export interface ObjectRef {
  apiVersion: string;
  kind: string;
  namespace?: string;
  name?: string;
}

export interface RelatedFinding {
  file: string;
  line: number;
  column: number;
  message: string;
}

/**
 * Why a finding that was found does not fail the run: a comment or annotation
 * in the manifest, an `ignore` entry of the config, or a baseline.
 */
export interface Suppression {
  /** SARIF's kind: `inSource` when the manifest says so, `external` when the config or a baseline does. */
  kind: 'inSource' | 'external';
  source: 'comment' | 'annotation' | 'config' | 'baseline';
  /** The reason given, if any. */
  justification?: string;
  /** Where the suppression is written; absent for a baseline. */
  location?: { file: string; line: number; column: number };
}

/** One reported problem, with everything a report needs. */
export interface Finding {
  ruleId: string;
  constraintName: string;
  constraintKind?: string;
  severity: Severity;
  message: string;
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  /** Dotted path from the document root, e.g. `spec.template.spec.containers[1].image`. */
  path: string;
  documentIndex: number;
  object?: ObjectRef;
  /** The name of the container the finding is about, when it is about one: the terminal report groups by it. */
  container?: string;
  related?: RelatedFinding[];
  /**
   * The offending value (or its absence) in short (see value-key.ts), so that
   * a baseline can tell a changed value from the same one on another line.
   */
  valueKey?: string;
  /**
   * The part of the value the rule judged, when it judged only a part (an
   * image's repository or tag): a baseline knows the finding by it, so that
   * fixing another finding on the same value does not make this one new.
   */
  judgedKey?: string;
  /** Set when the finding is suppressed; it is reported but never fails the run. */
  suppression?: Suppression;
  /** With a baseline: whether the baseline holds this finding. */
  baselineState?: 'new' | 'unchanged';
  /** With a baseline: the identity the baseline records the finding by. */
  fingerprint?: string;
  /** With `--changed-since`: the finding lies outside what changed, so it is reported but does not fail the run. */
  outsideChanges?: boolean;
}

/** The documentation of a finding id, rule or not, as reports list it. */
export interface ReportRule {
  id: string;
  title: string;
  description: string;
  rationale: string;
  remediation: string;
  defaultSeverity: 'error' | 'warning' | 'note';
  tags?: string[];
}
