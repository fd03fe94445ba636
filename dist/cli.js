import { createRequire as __k8sBpCreateRequire } from 'node:module';
const require = __k8sBpCreateRequire(import.meta.url);

// src/load/errors.ts
var UsageError = class extends Error {
  constructor(message, code) {
    super(message);
    this.code = code;
    this.name = "UsageError";
  }
  code;
};

// src/util/suggest.ts
function suggest(input, candidates) {
  const list = [...candidates];
  const extensions = list.filter((candidate) => input.length >= 3 && candidate.startsWith(input));
  if (extensions.length === 1) return extensions[0];
  let best;
  let bestDistance = Infinity;
  for (const candidate of list) {
    const distance = editDistance(input.toLowerCase(), candidate.toLowerCase());
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  const tolerance = Math.max(2, Math.floor(input.length / 3));
  return bestDistance <= tolerance ? best : void 0;
}
function didYouMean(input, candidates) {
  const match = suggest(input, candidates);
  return match === void 0 ? "" : ` (did you mean "${match}"?)`;
}
function editDistance(a, b) {
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const substitution = (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1);
      current.push(Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, substitution));
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}

// src/cli/help.ts
var MAIN_HELP = `Usage: k8s-bp <command> [options]

Check Kubernetes manifests against best practices and policy before they reach a cluster.

Commands:
  lint [paths...]    Check manifests: files, directories, globs, or - for standard input
  rules [rule]       List the rules, or show one rule's documentation
  init               Write a commented .k8s-bp.yaml that starts from the recommended rules

Options:
  -h, --help         Show this help; k8s-bp help <command> shows a command's
  -v, --version      Print the version

Examples:
  k8s-bp lint k8s/
  k8s-bp lint --format sarif --output k8s-bp.sarif .
  k8s-bp rules container-limits
  k8s-bp init

Run 'k8s-bp help <command>' (or 'k8s-bp <command> --help') for a command's options.
`;
var LINT_HELP = `Usage: k8s-bp lint [options] <path|glob|-> [...]

Check Kubernetes manifests (YAML or JSON, several documents per file, Lists)
against the rules and constraints of the nearest .k8s-bp.yaml, or against the
recommended rules when there is none.

Arguments:
  path               A file, or a directory searched for .yaml, .yml and .json files
  glob               A quoted pattern such as 'deploy/**/*.yaml'
  -                  Read manifests from standard input

Options:
  -f, --format <name>       Report format: stylish, json or sarif (default: stylish)
  -o, --output <file>       Write the report to a file instead of standard output
  -c, --config <file>       Use this config file (default: nearest .k8s-bp.yaml
                            from the working directory upward)
      --rule <id>           Also run this rule with its default parameters (repeatable)
      --disable <id>        Do not run this rule (repeatable)
      --exclude <glob>      Skip files matching this pattern (repeatable);
                            node_modules and .git are never searched
  -n, --namespace <name>    Namespace that manifests without one will be applied to,
                            as with kubectl -n (default: none; namespace filters then
                            do not exclude such manifests)
      --namespaces-complete The input holds everything in the namespaces it touches, so
                            namespace-wide rules (quotas, default-deny policies) also
                            judge namespaces the input does not create
      --max-warnings <n>    Also fail when there are more than n warnings (default: no limit)
      --verbose             Say which documents and constraints were skipped, and why
  -h, --help                Show this help

Exit status:
  0  no error-level findings
  1  at least one error-level finding, or more warnings than --max-warnings
  2  a usage or configuration error

Examples:
  k8s-bp lint k8s/
  k8s-bp lint 'deploy/**/*.yaml' --exclude 'deploy/legacy/**'
  helm template my-release ./chart | k8s-bp lint -
  k8s-bp lint --format sarif --output k8s-bp.sarif .
`;
var RULES_HELP = `Usage: k8s-bp rules [rule]

Without an argument, list every rule: its id, default severity, the presets
that run it, and what it checks. With a rule id, print that rule's
documentation: what it checks, why, how to fix a finding, its parameters and
an example.

Options:
  -h, --help         Show this help

Examples:
  k8s-bp rules
  k8s-bp rules container-limits
`;
var INIT_HELP = `Usage: k8s-bp init

Write a .k8s-bp.yaml in the working directory that starts from the
recommended rules, with every other setting shown in comments. An existing
.k8s-bp.yaml (or .k8s-bp.yml) is never replaced: init then stops with exit
status 2.

Options:
  -h, --help         Show this help

Examples:
  k8s-bp init && k8s-bp lint .
`;

// src/cli/init-command.ts
import { existsSync as existsSync2 } from "node:fs";
import { writeFile } from "node:fs/promises";
import path2 from "node:path";

// src/engine/pod-spec.ts
var POD_SPEC_PATHS = {
  Pod: ["spec"],
  PodTemplate: ["template", "spec"],
  Deployment: ["spec", "template", "spec"],
  ReplicaSet: ["spec", "template", "spec"],
  StatefulSet: ["spec", "template", "spec"],
  DaemonSet: ["spec", "template", "spec"],
  Job: ["spec", "template", "spec"],
  ReplicationController: ["spec", "template", "spec"],
  CronJob: ["spec", "jobTemplate", "spec", "template", "spec"]
};
var WORKLOAD_GROUPS = {
  "": ["Pod", "PodTemplate", "ReplicationController"],
  apps: ["Deployment", "ReplicaSet", "StatefulSet", "DaemonSet"],
  batch: ["Job", "CronJob"]
};
var WORKLOAD_KINDS = Object.entries(WORKLOAD_GROUPS).map(([group, kinds]) => ({
  apiGroups: [group],
  kinds: [...kinds]
}));
var CONTAINER_FIELDS = [
  ["containers", "container"],
  ["initContainers", "initContainer"],
  ["ephemeralContainers", "ephemeralContainer"]
];
function isWorkload(resource) {
  return WORKLOAD_GROUPS[resource.group]?.includes(resource.kind) ?? false;
}
function podSpecOf(resource) {
  if (!isWorkload(resource)) return void 0;
  const path6 = POD_SPEC_PATHS[resource.kind];
  if (!path6) return void 0;
  const spec = getIn(resource.object, path6);
  return isRecord(spec) ? { spec, path: path6 } : void 0;
}
function containersOf(resource) {
  const podSpec = podSpecOf(resource);
  if (!podSpec) return [];
  const result = [];
  for (const [field, type] of CONTAINER_FIELDS) {
    const list = podSpec.spec[field];
    if (!Array.isArray(list)) continue;
    list.forEach((container, index) => {
      if (!isRecord(container)) return;
      const name = typeof container.name === "string" ? container.name : `#${index}`;
      result.push({ container, name, type, path: [...podSpec.path, field, index], podSpec });
    });
  }
  return result;
}
function getIn(value, path6) {
  let current = value;
  for (const segment of path6) {
    if (typeof segment === "number") {
      if (!Array.isArray(current)) return void 0;
      current = current[segment];
    } else {
      if (!isRecord(current)) return void 0;
      current = current[segment];
    }
  }
  return current;
}
function isRecord(value) {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

// src/engine/quantity.ts
var QUANTITY = /^([+-]?)(\d+(?:\.\d*)?|\.\d+)(?:[eE]([+-]?\d+)|(Ki|Mi|Gi|Ti|Pi|Ei|[numkMGTPE]))?$/;
var DECIMAL_SUFFIXES = {
  n: -9,
  u: -6,
  m: -3,
  k: 3,
  M: 6,
  G: 9,
  T: 12,
  P: 15,
  E: 18
};
var BINARY_SUFFIXES = { Ki: 10, Mi: 20, Gi: 30, Ti: 40, Pi: 50, Ei: 60 };
var MAX_EXPONENT = 100;
function parseQuantity(input) {
  const text = quantityText(input);
  if (text === void 0) return void 0;
  const match = QUANTITY.exec(text);
  if (!match) return void 0;
  const [, sign = "", mantissa = "", exponent, suffix] = match;
  const [whole = "", fraction = ""] = mantissa.split(".");
  let power10 = exponent !== void 0 ? Number(exponent) : DECIMAL_SUFFIXES[suffix ?? ""] ?? 0;
  const power2 = BINARY_SUFFIXES[suffix ?? ""] ?? 0;
  power10 -= fraction.length;
  if (!Number.isSafeInteger(power10) || Math.abs(power10) > MAX_EXPONENT) return void 0;
  const digits = BigInt(`${whole}${fraction}` || "0") * (sign === "-" ? -1n : 1n);
  const scaled = digits * 2n ** BigInt(power2);
  const numerator = power10 >= 0 ? scaled * 10n ** BigInt(power10) : scaled;
  const denominator = power10 >= 0 ? 1n : 10n ** BigInt(-power10);
  return { text, numerator, denominator, value: Number(numerator) / Number(denominator) };
}
function compareQuantities(a, b) {
  const difference = a.numerator * b.denominator - b.numerator * a.denominator;
  return difference < 0n ? -1 : difference > 0n ? 1 : 0;
}
function isNegativeQuantity(quantity) {
  return quantity.numerator < 0n;
}
function quantityText(input) {
  if (typeof input === "string") return input;
  if (typeof input === "number" && Number.isFinite(input)) return String(input);
  return void 0;
}

// src/engine/image.ts
var DIGEST = /^[a-z0-9]+(?:[+._-][a-z0-9]+)*:[a-zA-Z0-9=_-]+$/;
function parseImageReference(image) {
  if (image === "" || /\s/.test(image)) return void 0;
  const at = image.indexOf("@");
  const digestText = at === -1 ? void 0 : image.slice(at + 1);
  const named = at === -1 ? image : image.slice(0, at);
  const colon = named.lastIndexOf(":");
  const hasTag = colon > named.lastIndexOf("/");
  const name = hasTag ? named.slice(0, colon) : named;
  const tag = hasTag ? named.slice(colon + 1) : "";
  const slash = name.indexOf("/");
  const first = slash === -1 ? "" : name.slice(0, slash);
  const isRegistry = first.includes(".") || first.includes(":") || first === "localhost";
  return {
    registry: isRegistry ? first : void 0,
    repository: isRegistry ? name.slice(slash + 1) : name,
    tag: tag === "" ? void 0 : tag,
    digest: digestText !== void 0 && DIGEST.test(digestText) ? digestText : void 0
  };
}
function imageMatchesPattern(image, pattern) {
  return pattern.endsWith("*") ? image.startsWith(pattern.slice(0, -1)) : image === pattern;
}
function isExemptImage(image, patterns) {
  if (typeof image !== "string" || !patterns) return false;
  return patterns.some((pattern) => imageMatchesPattern(image, pattern));
}

// src/engine/label-selector.ts
function labelSelectorMatches(selector, labels) {
  const matchLabels = Object.entries(selector.matchLabels ?? {});
  if (!matchLabels.every(([key, value]) => Object.hasOwn(labels, key) && labels[key] === value)) return false;
  return (selector.matchExpressions ?? []).every((requirement) => requirementMatches(requirement, labels));
}
function requirementMatches(requirement, labels) {
  const present = Object.hasOwn(labels, requirement.key);
  const listed = present && (requirement.values ?? []).includes(labels[requirement.key] ?? "");
  switch (requirement.operator) {
    case "In":
      return listed;
    case "NotIn":
      return !listed;
    case "Exists":
      return present;
    case "DoesNotExist":
      return !present;
  }
  return false;
}
function selectorKeys(selector) {
  return [
    ...Object.keys(selector.matchLabels ?? {}),
    ...(selector.matchExpressions ?? []).map((requirement) => requirement.key)
  ];
}
var NAME_PART = /^[A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?$/;
var DNS_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
function labelKeyProblem(key) {
  const slash = key.indexOf("/");
  const prefix = slash === -1 ? void 0 : key.slice(0, slash);
  const name = slash === -1 ? key : key.slice(slash + 1);
  if (prefix !== void 0 && (prefix.length > 253 || !DNS_SUBDOMAIN.test(prefix))) {
    return `is not a valid label key ("${key}"): the part before "/" must be a lowercase DNS subdomain such as "app.kubernetes.io"`;
  }
  if (name.length > 63 || !NAME_PART.test(name)) {
    return `is not a valid label key ("${key}"): the name must be 1-63 letters, digits, "-", "_" or ".", starting and ending with a letter or digit`;
  }
  return void 0;
}
function labelValueProblem(value) {
  if (value === "" || value.length <= 63 && NAME_PART.test(value)) return void 0;
  return `is not a valid label value ("${value}"): it must be empty or 1-63 letters, digits, "-", "_" or ".", starting and ending with a letter or digit`;
}

// src/engine/scope.ts
var CLUSTER_SCOPED = {
  "": ["Namespace", "Node", "PersistentVolume", "ComponentStatus"],
  "admissionregistration.k8s.io": [
    "MutatingWebhookConfiguration",
    "ValidatingWebhookConfiguration",
    "ValidatingAdmissionPolicy",
    "ValidatingAdmissionPolicyBinding",
    "MutatingAdmissionPolicy",
    "MutatingAdmissionPolicyBinding"
  ],
  "apiextensions.k8s.io": ["CustomResourceDefinition"],
  "apiregistration.k8s.io": ["APIService"],
  "authentication.k8s.io": ["TokenReview", "SelfSubjectReview"],
  "authorization.k8s.io": ["SubjectAccessReview", "SelfSubjectAccessReview", "SelfSubjectRulesReview"],
  "certificates.k8s.io": ["CertificateSigningRequest", "ClusterTrustBundle"],
  "flowcontrol.apiserver.k8s.io": ["FlowSchema", "PriorityLevelConfiguration"],
  "internal.apiserver.k8s.io": ["StorageVersion"],
  "networking.k8s.io": ["IngressClass", "IPAddress", "ServiceCIDR"],
  "node.k8s.io": ["RuntimeClass"],
  policy: ["PodSecurityPolicy"],
  "rbac.authorization.k8s.io": ["ClusterRole", "ClusterRoleBinding"],
  "resource.k8s.io": ["DeviceClass", "ResourceSlice"],
  "scheduling.k8s.io": ["PriorityClass"],
  "storage.k8s.io": ["StorageClass", "CSIDriver", "CSINode", "VolumeAttachment", "VolumeAttributesClass"],
  "storagemigration.k8s.io": ["StorageVersionMigration"],
  // Gatekeeper's own kinds, which constraint files often sit next to.
  "constraints.gatekeeper.sh": ["*"],
  "templates.gatekeeper.sh": ["ConstraintTemplate"],
  "mutations.gatekeeper.sh": ["Assign", "AssignMetadata", "AssignImage", "ModifySet"],
  "expansion.gatekeeper.sh": ["ExpansionTemplate"],
  "externaldata.gatekeeper.sh": ["Provider"],
  // Popular add-ons.
  "cert-manager.io": ["ClusterIssuer"],
  "gateway.networking.k8s.io": ["GatewayClass"],
  "snapshot.storage.k8s.io": ["VolumeSnapshotClass", "VolumeSnapshotContent"],
  "kyverno.io": ["ClusterPolicy", "ClusterCleanupPolicy"],
  "wgpolicyk8s.io": ["ClusterPolicyReport"],
  "argoproj.io": ["ClusterWorkflowTemplate"],
  "cilium.io": ["CiliumClusterwideNetworkPolicy", "CiliumNode", "CiliumIdentity"],
  "crd.projectcalico.org": ["GlobalNetworkPolicy", "GlobalNetworkSet"],
  "projectcalico.org": ["GlobalNetworkPolicy", "GlobalNetworkSet"],
  "external-secrets.io": ["ClusterSecretStore", "ClusterExternalSecret"]
};
function isClusterScoped(group, kind) {
  const kinds = CLUSTER_SCOPED[group];
  return kinds !== void 0 && (kinds.includes(kind) || kinds.includes("*"));
}
function isNamespaceKind(group, kind) {
  return group === "" && kind === "Namespace";
}
var CRD_SCOPES_MEMO = "engine:crd-scopes";
function resourceIsClusterScoped(resource, inventory) {
  const fromCrd = inventory.memo(CRD_SCOPES_MEMO, readCrdScopes).get(`${resource.group}/${resource.kind}`);
  return fromCrd ?? isClusterScoped(resource.group, resource.kind);
}
function readCrdScopes(inventory) {
  const scopes = /* @__PURE__ */ new Map();
  for (const crd of inventory.ofKind("apiextensions.k8s.io", "CustomResourceDefinition")) {
    const spec = crd.object["spec"];
    if (!isRecord(spec)) continue;
    const group = spec["group"];
    const kind = getIn(spec, ["names", "kind"]);
    const scope = spec["scope"];
    if (typeof group !== "string" || typeof kind !== "string") continue;
    if (scope === "Cluster" || scope === "Namespaced") scopes.set(`${group}/${kind}`, scope === "Cluster");
  }
  return scopes;
}

// src/engine/wildcard.ts
var WILDCARD_SYNTAX = /^\*?[-:a-z0-9]*\*?$/;
function wildcardMatches(pattern, candidate) {
  const leading = pattern.startsWith("*");
  const trailing = pattern.endsWith("*");
  if (leading && trailing) return candidate.includes(pattern.slice(1, -1));
  if (leading) return candidate.endsWith(pattern.slice(1));
  if (trailing) return candidate.startsWith(pattern.slice(0, -1));
  return pattern === candidate;
}
function wildcardMatchesGenerateName(pattern, generateName) {
  const leading = pattern.startsWith("*");
  const trailing = pattern.endsWith("*");
  if (leading && trailing) return generateName.includes(pattern.slice(1, -1));
  if (trailing) return generateName.startsWith(pattern.slice(0, -1));
  return false;
}
function wildcardProblem(pattern) {
  if (WILDCARD_SYNTAX.test(pattern)) return void 0;
  const inner = pattern.replace(/^\*/, "").replace(/\*$/, "");
  if (inner.includes("*")) {
    return `has "*" in the middle ("${pattern}"); Gatekeeper accepts "*" only at the start or end, as in "kube-*", "*-system" or "*system*"`;
  }
  return `("${pattern}") is not a pattern Gatekeeper accepts: only lowercase letters, digits, "-" and ":", with an optional "*" at the start or end`;
}

// src/engine/paths.ts
var PLAIN_KEY = /^[A-Za-z_$][\w$-]*$/;
function formatPath(path6) {
  let text = "";
  for (const segment of path6) {
    if (typeof segment === "number") text += `[${segment}]`;
    else if (PLAIN_KEY.test(segment)) text += text === "" ? segment : `.${segment}`;
    else text += `[${JSON.stringify(segment)}]`;
  }
  return text;
}
function pointerToPath(pointer) {
  if (pointer === "") return [];
  return pointer.slice(1).split("/").map((part) => part.replace(/~1/g, "/").replace(/~0/g, "~")).map((part) => /^\d+$/.test(part) ? Number(part) : part);
}

// src/engine/match-validate.ts
var MATCH_FIELDS = [
  "kinds",
  "namespaces",
  "excludedNamespaces",
  "labelSelector",
  "namespaceSelector",
  "name",
  "scope",
  "source"
];
var SCOPES = ["Namespaced", "Cluster", "*"];
var OPERATORS = ["In", "NotIn", "Exists", "DoesNotExist"];
var CORE_GROUP_ALIASES = /^(core|v\d+((alpha|beta)\d+)?)$/;
function validateMatch(match) {
  if (match == null) return [];
  if (!isRecord(match)) return [{ path: "", message: "must be a mapping of match fields" }];
  const problems = [
    ...unknownFields(match, MATCH_FIELDS, [], "a match field"),
    ...kindsProblems(match["kinds"]),
    ...wildcardListProblems(match["namespaces"], "namespaces"),
    ...wildcardListProblems(match["excludedNamespaces"], "excludedNamespaces"),
    ...selectorProblems(match["labelSelector"], ["labelSelector"]),
    ...selectorProblems(match["namespaceSelector"], ["namespaceSelector"]),
    ...nameProblems(match["name"]),
    ...scopeProblems(match["scope"]),
    ...sourceProblems(match["source"])
  ];
  return problems.map(({ at, message }) => ({ path: formatPath(at), message }));
}
function unknownFields(record, known, at, what) {
  return Object.keys(record).filter((key) => !known.includes(key)).map((key) => {
    const hint = didYouMean(key, known);
    return { at: [...at, key], message: `is not ${what}${hint || `; expected one of ${known.join(", ")}`}` };
  });
}
function kindsProblems(kinds) {
  if (kinds == null) return [];
  if (!Array.isArray(kinds)) return [{ at: ["kinds"], message: "must be a list of {apiGroups, kinds} entries" }];
  return kinds.flatMap((entry, index) => kindEntryProblems(entry, ["kinds", index]));
}
function kindEntryProblems(entry, at) {
  if (!isRecord(entry)) return [{ at, message: "must be a mapping with apiGroups and kinds" }];
  return [
    ...unknownFields(entry, ["apiGroups", "kinds"], at, "a field of a kinds entry"),
    ...stringListProblems(entry["apiGroups"], [...at, "apiGroups"], apiGroupProblem),
    ...loneStarProblems(entry["apiGroups"], [...at, "apiGroups"]),
    ...stringListProblems(entry["kinds"], [...at, "kinds"], kindProblem)
  ];
}
function apiGroupProblem(group) {
  if (group !== "*" && group.includes("*")) {
    return `("${group}") is not supported: apiGroups take exact group names or a lone "*"`;
  }
  if (group.includes("/")) {
    return `("${group}") includes a version; apiGroups take the group alone, e.g. "apps", and "" for the core group`;
  }
  if (CORE_GROUP_ALIASES.test(group)) return `("${group}") is not a group name; the core group is written ""`;
  return void 0;
}
function loneStarProblems(groups, at) {
  if (!Array.isArray(groups) || groups.length < 2 || !groups.includes("*")) return [];
  return [{ at, message: 'lists "*" with other groups; Gatekeeper requires "*" to be the only entry' }];
}
function kindProblem(kind) {
  if (kind !== "*" && kind.includes("*")) {
    return `("${kind}") is not supported: kinds take exact kind names or a lone "*"`;
  }
  if (/^[a-z]/.test(kind)) {
    return `("${kind}") looks like a resource name; kinds take the kind as manifests write it, e.g. "Deployment"`;
  }
  return void 0;
}
function wildcardListProblems(value, field) {
  return stringListProblems(value, [field], wildcardProblem);
}
function nameProblems(name) {
  if (name == null) return [];
  if (typeof name !== "string") return [{ at: ["name"], message: "must be a string" }];
  const problem = wildcardProblem(name);
  return problem ? [{ at: ["name"], message: problem }] : [];
}
function stringListProblems(value, at, check) {
  if (value == null) return [];
  if (!Array.isArray(value)) return [{ at, message: "must be a list of strings" }];
  return value.flatMap((item, index) => {
    if (typeof item !== "string") return [{ at: [...at, index], message: "must be a string" }];
    const problem = check?.(item);
    return problem ? [{ at: [...at, index], message: problem }] : [];
  });
}
function scopeProblems(scope) {
  if (scope == null || typeof scope === "string" && SCOPES.includes(scope)) return [];
  const hint = typeof scope === "string" ? didYouMean(scope, SCOPES) : "";
  return [{ at: ["scope"], message: `must be "Namespaced", "Cluster" or "*", not ${JSON.stringify(scope)}${hint}` }];
}
function sourceProblems(source) {
  if (source == null || source === "All" || source === "Original") return [];
  if (source === "Generated") {
    return [
      {
        at: ["source"],
        message: 'is "Generated", which selects only resources that Gatekeeper expands from generators; k8s-bp checks manifests as written, so use "All" or "Original"'
      }
    ];
  }
  return [{ at: ["source"], message: `must be "All", "Generated" or "Original", not ${JSON.stringify(source)}` }];
}
function selectorProblems(selector, at) {
  if (selector == null) return [];
  if (!isRecord(selector)) {
    return [{ at, message: "must be a label selector: a mapping with matchLabels and/or matchExpressions" }];
  }
  return [
    ...unknownFields(selector, ["matchLabels", "matchExpressions"], at, "a field of a label selector"),
    ...matchLabelsProblems(selector["matchLabels"], [...at, "matchLabels"]),
    ...matchExpressionsProblems(selector["matchExpressions"], [...at, "matchExpressions"])
  ];
}
function matchLabelsProblems(labels, at) {
  if (labels == null) return [];
  if (!isRecord(labels)) return [{ at, message: "must be a mapping of label keys to values" }];
  return Object.entries(labels).flatMap(([key, value]) => {
    const keyProblem = labelKeyProblem(key);
    if (keyProblem) return [{ at: [...at, key], message: keyProblem }];
    if (typeof value !== "string")
      return [{ at: [...at, key], message: 'must be a string; quote values such as "true" or "1"' }];
    const valueProblem = labelValueProblem(value);
    return valueProblem ? [{ at: [...at, key], message: valueProblem }] : [];
  });
}
function matchExpressionsProblems(expressions, at) {
  if (expressions == null) return [];
  if (!Array.isArray(expressions)) return [{ at, message: "must be a list of {key, operator, values} requirements" }];
  return expressions.flatMap((requirement, index) => requirementProblems(requirement, [...at, index]));
}
function requirementProblems(requirement, at) {
  if (!isRecord(requirement)) return [{ at, message: "must be a mapping with key, operator and values" }];
  return [
    ...unknownFields(requirement, ["key", "operator", "values"], at, "a field of a selector requirement"),
    ...requirementKeyProblems(requirement["key"], [...at, "key"]),
    ...operatorProblems(requirement["operator"], [...at, "operator"]),
    ...stringListProblems(requirement["values"], [...at, "values"], labelValueProblem),
    ...operatorValuesProblems(requirement["operator"], requirement["values"], [...at, "values"])
  ];
}
function requirementKeyProblems(key, at) {
  if (key === void 0) return [{ at, message: "is required" }];
  if (typeof key !== "string") return [{ at, message: "must be a string" }];
  const problem = labelKeyProblem(key);
  return problem ? [{ at, message: problem }] : [];
}
function operatorProblems(operator, at) {
  if (operator === void 0) return [{ at, message: "is required: In, NotIn, Exists or DoesNotExist" }];
  if (typeof operator === "string" && OPERATORS.includes(operator)) return [];
  const hint = typeof operator === "string" ? didYouMean(operator, OPERATORS) : "";
  return [{ at, message: `must be In, NotIn, Exists or DoesNotExist, not ${JSON.stringify(operator)}${hint}` }];
}
function operatorValuesProblems(operator, values, at) {
  if (values != null && !Array.isArray(values)) return [];
  const count = Array.isArray(values) ? values.length : 0;
  if ((operator === "In" || operator === "NotIn") && count === 0) {
    return [{ at, message: `must list at least one value when the operator is ${operator}` }];
  }
  if ((operator === "Exists" || operator === "DoesNotExist") && count > 0) {
    return [{ at, message: `must be empty when the operator is ${operator}` }];
  }
  return [];
}

// src/engine/match.ts
var NAMESPACE_NAME_LABEL = "kubernetes.io/metadata.name";
function matchesResource(match, resource, ctx, defaultKinds) {
  const kinds = match.kinds != null && match.kinds.length > 0 ? match.kinds : defaultKinds;
  const namespace = namespaceForMatching(resource, ctx);
  return kindsMatch(kinds, resource) && scopeMatches(match.scope, resource, ctx) && namespacesMatch(match.namespaces, namespace) && excludedNamespacesMatch(match.excludedNamespaces, namespace) && (match.labelSelector == null || labelSelectorMatches(match.labelSelector, labelsForMatching(resource))) && namespaceSelectorMatches(match.namespaceSelector, resource, namespace, ctx) && nameMatches(match.name, resource);
}
function namespaceForMatching(resource, ctx) {
  if (isNamespaceKind(resource.group, resource.kind)) return resource.name ?? "";
  if (resourceIsClusterScoped(resource, ctx.inventory)) return void 0;
  return resource.namespace || ctx.defaultNamespace || void 0;
}
function kindsMatch(selectors, resource) {
  if (selectors == null || selectors.length === 0) return true;
  return selectors.some(
    (selector) => listAccepts(selector.kinds, resource.kind) && listAccepts(selector.apiGroups, resource.group)
  );
}
function listAccepts(list, value) {
  return list == null || list.length === 0 || list.includes("*") || list.includes(value);
}
function scopeMatches(scope, resource, ctx) {
  if (scope !== "Cluster" && scope !== "Namespaced") return true;
  return scope === "Cluster" === resourceIsClusterScoped(resource, ctx.inventory);
}
function namespacesMatch(patterns, namespace) {
  if (patterns == null || patterns.length === 0 || namespace === void 0) return true;
  return patterns.some((pattern) => wildcardMatches(pattern, namespace));
}
function excludedNamespacesMatch(patterns, namespace) {
  if (patterns == null || patterns.length === 0 || namespace === void 0) return true;
  return !patterns.some((pattern) => wildcardMatches(pattern, namespace));
}
function namespaceSelectorMatches(selector, resource, namespace, ctx) {
  if (selector == null) return true;
  if (isNamespaceKind(resource.group, resource.kind))
    return labelSelectorMatches(selector, labelsForMatching(resource));
  if (namespace === void 0) return true;
  const labels = knownNamespaceLabels(namespace, selector, ctx);
  return labels === void 0 || labelSelectorMatches(selector, labels);
}
function knownNamespaceLabels(namespace, selector, ctx) {
  const object = ctx.inventory.namespaceObject(namespace);
  if (object) return labelsForMatching(object);
  if (selectorKeys(selector).every((key) => key === NAMESPACE_NAME_LABEL)) return { [NAMESPACE_NAME_LABEL]: namespace };
  return void 0;
}
function labelsForMatching(resource) {
  if (!isNamespaceKind(resource.group, resource.kind) || resource.name === void 0) return resource.labels;
  return { ...resource.labels, [NAMESPACE_NAME_LABEL]: resource.name };
}
function nameMatches(pattern, resource) {
  if (pattern == null || pattern === "") return true;
  if (wildcardMatches(pattern, resource.name ?? "")) return true;
  const generateName = getIn(resource.object, ["metadata", "generateName"]);
  return typeof generateName === "string" && generateName !== "" && wildcardMatchesGenerateName(pattern, generateName);
}

// src/engine/rbac.ts
var RBAC_GROUP = "rbac.authorization.k8s.io";
function isRbacRole(resource, kinds = ["Role", "ClusterRole"]) {
  return resource.group === RBAC_GROUP && kinds.includes(resource.kind);
}
function policyRulesOf(resource) {
  const rules = resource.object["rules"];
  if (!Array.isArray(rules)) return [];
  const result = [];
  rules.forEach((rule39, index) => {
    if (!isRecord(rule39)) return;
    result.push({
      index,
      path: ["rules", index],
      apiGroups: stringItems(rule39["apiGroups"]),
      resources: stringItems(rule39["resources"]),
      verbs: stringItems(rule39["verbs"]),
      resourceNames: stringItems(rule39["resourceNames"])
    });
  });
  return result;
}
function stringItems(list) {
  if (!Array.isArray(list)) return [];
  const items = [];
  list.forEach((value, index) => {
    if (typeof value === "string") items.push({ value, index });
  });
  return items;
}
function itemsGranting(items, wanted) {
  return items.filter((item) => item.value === "*" || wanted.includes(item.value));
}
function nameMatchesPattern(name, pattern) {
  return wildcardMatches(pattern, name);
}
function isExemptName(name, patterns) {
  if (name === void 0 || !patterns) return false;
  return patterns.some((pattern) => nameMatchesPattern(name, pattern));
}
function describeObject(resource) {
  return `${resource.kind} "${resource.name ?? "(unnamed)"}"`;
}
function listValues(items) {
  return [...new Set(items.map((item) => item.value))].join(", ");
}

// src/engine/deprecated-apis.ts
var APPS_V1 = [{ apiVersion: "apps/v1", availableIn: "1.9" }];
var NETWORKING_V1 = [{ apiVersion: "networking.k8s.io/v1", availableIn: "1.19" }];
var RBAC_V1 = [{ apiVersion: "rbac.authorization.k8s.io/v1", availableIn: "1.8" }];
var FLOWCONTROL = [
  { apiVersion: "flowcontrol.apiserver.k8s.io/v1", availableIn: "1.29" },
  { apiVersion: "flowcontrol.apiserver.k8s.io/v1beta3", availableIn: "1.26" },
  { apiVersion: "flowcontrol.apiserver.k8s.io/v1beta2", availableIn: "1.23" }
];
var POD_SECURITY_ADMISSION = "PodSecurityPolicy has no successor API: enforce pod security with Pod Security Admission (`pod-security.kubernetes.io/*` labels on the Namespace) or a policy engine";
var ROWS = [
  // Removed in 1.16.
  ["extensions/v1beta1", ["Deployment", "DaemonSet", "ReplicaSet"], "1.9", "1.16", APPS_V1],
  ["apps/v1beta1", ["Deployment", "StatefulSet", "ReplicaSet"], "1.9", "1.16", APPS_V1],
  ["apps/v1beta2", ["Deployment", "StatefulSet", "DaemonSet", "ReplicaSet"], "1.9", "1.16", APPS_V1],
  [
    "extensions/v1beta1",
    ["NetworkPolicy"],
    "1.9",
    "1.16",
    [{ apiVersion: "networking.k8s.io/v1", availableIn: "1.8" }]
  ],
  [
    "extensions/v1beta1",
    ["PodSecurityPolicy"],
    "1.10",
    "1.16",
    [{ apiVersion: "policy/v1beta1", availableIn: "1.10" }],
    POD_SECURITY_ADMISSION
  ],
  // Removed in 1.22.
  [
    "extensions/v1beta1",
    ["Ingress"],
    "1.14",
    "1.22",
    [...NETWORKING_V1, { apiVersion: "networking.k8s.io/v1beta1", availableIn: "1.14" }]
  ],
  ["networking.k8s.io/v1beta1", ["Ingress", "IngressClass"], "1.19", "1.22", NETWORKING_V1],
  [
    "rbac.authorization.k8s.io/v1beta1",
    ["Role", "ClusterRole", "RoleBinding", "ClusterRoleBinding"],
    "1.17",
    "1.22",
    RBAC_V1
  ],
  [
    "admissionregistration.k8s.io/v1beta1",
    ["MutatingWebhookConfiguration", "ValidatingWebhookConfiguration"],
    "1.16",
    "1.22",
    [{ apiVersion: "admissionregistration.k8s.io/v1", availableIn: "1.16" }]
  ],
  [
    "apiextensions.k8s.io/v1beta1",
    ["CustomResourceDefinition"],
    "1.16",
    "1.22",
    [{ apiVersion: "apiextensions.k8s.io/v1", availableIn: "1.16" }]
  ],
  [
    "apiregistration.k8s.io/v1beta1",
    ["APIService"],
    "1.19",
    "1.22",
    [{ apiVersion: "apiregistration.k8s.io/v1", availableIn: "1.10" }]
  ],
  [
    "authentication.k8s.io/v1beta1",
    ["TokenReview"],
    "1.19",
    "1.22",
    [{ apiVersion: "authentication.k8s.io/v1", availableIn: "1.6" }]
  ],
  [
    "authorization.k8s.io/v1beta1",
    ["SubjectAccessReview", "LocalSubjectAccessReview", "SelfSubjectAccessReview"],
    "1.19",
    "1.22",
    [{ apiVersion: "authorization.k8s.io/v1", availableIn: "1.6" }]
  ],
  [
    "certificates.k8s.io/v1beta1",
    ["CertificateSigningRequest"],
    "1.19",
    "1.22",
    [{ apiVersion: "certificates.k8s.io/v1", availableIn: "1.19" }]
  ],
  [
    "coordination.k8s.io/v1beta1",
    ["Lease"],
    "1.19",
    "1.22",
    [{ apiVersion: "coordination.k8s.io/v1", availableIn: "1.14" }]
  ],
  [
    "scheduling.k8s.io/v1beta1",
    ["PriorityClass"],
    "1.14",
    "1.22",
    [{ apiVersion: "scheduling.k8s.io/v1", availableIn: "1.14" }]
  ],
  ["storage.k8s.io/v1beta1", ["CSIDriver"], "1.19", "1.22", [{ apiVersion: "storage.k8s.io/v1", availableIn: "1.19" }]],
  ["storage.k8s.io/v1beta1", ["CSINode"], "1.17", "1.22", [{ apiVersion: "storage.k8s.io/v1", availableIn: "1.17" }]],
  [
    "storage.k8s.io/v1beta1",
    ["StorageClass"],
    "1.19",
    "1.22",
    [{ apiVersion: "storage.k8s.io/v1", availableIn: "1.6" }]
  ],
  [
    "storage.k8s.io/v1beta1",
    ["VolumeAttachment"],
    "1.19",
    "1.22",
    [{ apiVersion: "storage.k8s.io/v1", availableIn: "1.13" }]
  ],
  // Removed in 1.25.
  ["batch/v1beta1", ["CronJob"], "1.21", "1.25", [{ apiVersion: "batch/v1", availableIn: "1.21" }]],
  [
    "discovery.k8s.io/v1beta1",
    ["EndpointSlice"],
    "1.21",
    "1.25",
    [{ apiVersion: "discovery.k8s.io/v1", availableIn: "1.21" }]
  ],
  ["events.k8s.io/v1beta1", ["Event"], "1.22", "1.25", [{ apiVersion: "events.k8s.io/v1", availableIn: "1.19" }]],
  [
    "autoscaling/v2beta1",
    ["HorizontalPodAutoscaler"],
    "1.22",
    "1.25",
    [
      { apiVersion: "autoscaling/v2", availableIn: "1.23" },
      { apiVersion: "autoscaling/v2beta2", availableIn: "1.12" }
    ]
  ],
  ["policy/v1beta1", ["PodDisruptionBudget"], "1.21", "1.25", [{ apiVersion: "policy/v1", availableIn: "1.21" }]],
  ["policy/v1beta1", ["PodSecurityPolicy"], "1.21", "1.25", [], POD_SECURITY_ADMISSION],
  ["node.k8s.io/v1beta1", ["RuntimeClass"], "1.22", "1.25", [{ apiVersion: "node.k8s.io/v1", availableIn: "1.20" }]],
  // Removed in 1.26, 1.27, 1.29 and 1.32.
  [
    "autoscaling/v2beta2",
    ["HorizontalPodAutoscaler"],
    "1.23",
    "1.26",
    [{ apiVersion: "autoscaling/v2", availableIn: "1.23" }]
  ],
  ["flowcontrol.apiserver.k8s.io/v1beta1", ["FlowSchema", "PriorityLevelConfiguration"], "1.23", "1.26", FLOWCONTROL],
  [
    "storage.k8s.io/v1beta1",
    ["CSIStorageCapacity"],
    "1.24",
    "1.27",
    [{ apiVersion: "storage.k8s.io/v1", availableIn: "1.24" }]
  ],
  ["flowcontrol.apiserver.k8s.io/v1beta2", ["FlowSchema", "PriorityLevelConfiguration"], "1.26", "1.29", FLOWCONTROL],
  ["flowcontrol.apiserver.k8s.io/v1beta3", ["FlowSchema", "PriorityLevelConfiguration"], "1.29", "1.32", FLOWCONTROL],
  // Deprecated, with no removal planned: stable APIs stay served.
  ["v1", ["ComponentStatus"], "1.19", void 0, []],
  ["v1", ["Endpoints"], "1.33", void 0, [{ apiVersion: "discovery.k8s.io/v1", availableIn: "1.21" }]]
];
var DEPRECATED_APIS = ROWS.flatMap(
  ([apiVersion, kinds, deprecatedIn, removedIn, replacements, alternative]) => kinds.map((kind) => ({
    apiVersion,
    kind,
    deprecatedIn,
    ...removedIn !== void 0 && { removedIn },
    // Shared successor lists (flow control) may name the version itself.
    replacements: replacements.filter((replacement) => replacement.apiVersion !== apiVersion),
    ...alternative !== void 0 && { alternative }
  }))
);
var BY_KEY = new Map(
  DEPRECATED_APIS.map((entry) => [`${entry.apiVersion} ${entry.kind}`, entry])
);
function findDeprecatedApi(apiVersion, kind) {
  return BY_KEY.get(`${apiVersion} ${kind}`);
}
var VERSION = /^v?(\d+)\.(\d+)(?:\.\d+)?$/;
function parseKubernetesVersion(text) {
  const match = VERSION.exec(text.trim());
  if (!match) return void 0;
  return { major: Number(match[1]), minor: Number(match[2]) };
}
function compareKubernetesVersions(a, b) {
  const other = parseKubernetesVersion(b);
  if (!other) throw new Error(`not a Kubernetes version: ${b}`);
  return a.major - other.major || a.minor - other.minor;
}
function isRemovedAt(entry, target) {
  return entry.removedIn !== void 0 && compareKubernetesVersions(target, entry.removedIn) >= 0;
}
function isDeprecatedAt(entry, target) {
  return compareKubernetesVersions(target, entry.deprecatedIn) >= 0;
}
function replacementAt(entry, target) {
  const served = entry.replacements.filter((replacement) => {
    if (compareKubernetesVersions(target, replacement.availableIn) < 0) return false;
    const successor = findDeprecatedApi(replacement.apiVersion, entry.kind);
    return successor === void 0 || !isRemovedAt(successor, target);
  });
  const current = served.find((replacement) => {
    const successor = findDeprecatedApi(replacement.apiVersion, entry.kind);
    return successor === void 0 || !isDeprecatedAt(successor, target);
  });
  return current ?? served[0];
}

// src/engine/namespace-ttl.ts
var UNIT_MS = {
  s: 1e3,
  m: 6e4,
  h: 36e5,
  d: 864e5,
  w: 6048e5
};
var DURATION = /^(?:\d+[smhdw])+$/;
var DURATION_PART = /(\d+)([smhdw])/g;
var DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
var DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(?:Z|[+-](\d{2}):(\d{2}))$/;
function parseTtl(text) {
  const value = text.trim();
  if (DURATION.test(value)) {
    let milliseconds = 0;
    for (const [, amount, unit] of value.matchAll(DURATION_PART))
      milliseconds += Number(amount) * (UNIT_MS[unit] ?? 0);
    return milliseconds > 0 ? { kind: "duration", milliseconds } : void 0;
  }
  const date = DATE.exec(value);
  if (date) {
    if (!isCalendarDate(date)) return void 0;
    return { kind: "date", ends: Date.parse(value) + UNIT_MS["d"], dateOnly: true, text: value };
  }
  return parseDateTime(value);
}
function parseDateTime(value) {
  const match = DATE_TIME.exec(value);
  if (!match || !isCalendarDate(match)) return void 0;
  const [hour, minute, second, offsetHour, offsetMinute] = [4, 5, 6, 7, 8].map((index) => Number(match[index] ?? 0));
  if (hour > 23 || minute > 59 || second > 59 || offsetHour > 23 || offsetMinute > 59) return void 0;
  const ends = Date.parse(value);
  return Number.isNaN(ends) ? void 0 : { kind: "date", ends, dateOnly: false, text: value };
}
function isCalendarDate(match) {
  const [year, month, day] = [1, 2, 3].map((index) => Number(match[index]));
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}
function ttlEnd(ttl, creationTimestamp) {
  if (ttl.kind === "date") return ttl.ends;
  if (typeof creationTimestamp !== "string") return void 0;
  const created = Date.parse(creationTimestamp);
  return Number.isNaN(created) ? void 0 : created + ttl.milliseconds;
}
function parseMoment(text) {
  const value = text.trim();
  if (DATE.test(value)) {
    const match = DATE.exec(value);
    return match && isCalendarDate(match) ? Date.parse(value) : void 0;
  }
  const ttl = parseDateTime(value);
  return ttl?.kind === "date" ? ttl.ends : void 0;
}

// src/engine/scheduling.ts
var REPLICAS_PATH = ["spec", "replicas"];
function replicaCount(resource) {
  const written = getIn(resource.object, REPLICAS_PATH);
  if (written === void 0 || written === null) return { count: 1, path: REPLICAS_PATH, written: false };
  if (typeof written !== "number" || !Number.isSafeInteger(written) || written < 0) return void 0;
  return { count: written, path: REPLICAS_PATH, written: true };
}
function podTemplateLabels(resource) {
  const labels = getIn(resource.object, ["spec", "template", "metadata", "labels"]);
  if (!isRecord(labels)) return {};
  return Object.fromEntries(
    Object.entries(labels).filter((entry) => typeof entry[1] === "string")
  );
}
var OPERATORS2 = ["In", "NotIn", "Exists", "DoesNotExist"];
function readLabelSelector(value) {
  if (!isRecord(value)) return void 0;
  const selector = {};
  const { matchLabels, matchExpressions } = value;
  if (matchLabels !== void 0 && matchLabels !== null) {
    if (!isRecord(matchLabels) || !Object.values(matchLabels).every((label2) => typeof label2 === "string")) {
      return void 0;
    }
    selector.matchLabels = matchLabels;
  }
  if (matchExpressions !== void 0 && matchExpressions !== null) {
    if (!Array.isArray(matchExpressions)) return void 0;
    const requirements = matchExpressions.map(readRequirement);
    if (!requirements.every((requirement) => requirement !== void 0)) return void 0;
    selector.matchExpressions = requirements;
  }
  return selector;
}
function readRequirement(value) {
  if (!isRecord(value) || typeof value.key !== "string" || typeof value.operator !== "string") return void 0;
  if (!OPERATORS2.includes(value.operator)) return void 0;
  const values = value.values ?? [];
  if (!Array.isArray(values) || !values.every((entry) => typeof entry === "string")) return void 0;
  return { key: value.key, operator: value.operator, values };
}
function isEmptySelector(selector) {
  return Object.keys(selector.matchLabels ?? {}).length === 0 && (selector.matchExpressions ?? []).length === 0;
}

// src/engine/namespace-coverage.ts
function targetNamespace(resource, ctx) {
  if (resourceIsClusterScoped(resource, ctx.inventory)) return void 0;
  return resource.namespace || ctx.defaultNamespace || void 0;
}
function findNamespaceGaps(inventory, guard, ctx) {
  const covered = /* @__PURE__ */ new Set();
  for (const object of inventory.ofKind(guard.group, guard.kind)) {
    const namespace = targetNamespace(object, { inventory, defaultNamespace: ctx.defaultNamespace });
    if (namespace !== void 0) covered.add(namespace);
  }
  const gaps = /* @__PURE__ */ new Map();
  const judged = new Set(covered);
  for (const object of inventory.ofKind("", "Namespace")) {
    const name = object.name;
    if (name === void 0 || name === "" || judged.has(name)) continue;
    judged.add(name);
    gaps.set(object, { namespace: name, path: ["metadata", "name"] });
  }
  if (!ctx.namespacesComplete) return gaps;
  for (const resource of inventory.resources) {
    const namespace = targetNamespace(resource, { inventory, defaultNamespace: ctx.defaultNamespace });
    if (namespace === void 0 || judged.has(namespace)) continue;
    judged.add(namespace);
    gaps.set(resource, { namespace, path: resource.namespace ? ["metadata", "namespace"] : ["metadata"] });
  }
  return gaps;
}

// src/engine/security-context.ts
var isBoolean = (value) => typeof value === "boolean";
var isString = (value) => typeof value === "string";
var isInteger = (value) => typeof value === "number" && Number.isInteger(value);
function effectiveSecurityContext(ref) {
  const containerPath = [...ref.path, "securityContext"];
  const podPath = [...ref.podSpec.path, "securityContext"];
  const own = ref.container.securityContext;
  const pod = ref.podSpec.spec.securityContext;
  const shared = (field, guard) => pick(own, pod, [field], containerPath, podPath, guard);
  const only = (field, guard) => pick(own, void 0, [field], containerPath, podPath, guard);
  return {
    containerPath,
    podPath,
    runAsUser: shared("runAsUser", isInteger),
    runAsGroup: shared("runAsGroup", isInteger),
    runAsNonRoot: shared("runAsNonRoot", isBoolean),
    seLinuxOptions: shared("seLinuxOptions", isRecord),
    seccompProfile: shared("seccompProfile", isRecord),
    appArmorProfile: shared("appArmorProfile", isRecord),
    windowsOptions: windowsOptionsOf(own, pod, containerPath, podPath),
    privileged: only("privileged", isBoolean),
    allowPrivilegeEscalation: only("allowPrivilegeEscalation", isBoolean),
    readOnlyRootFilesystem: only("readOnlyRootFilesystem", isBoolean),
    capabilities: only("capabilities", isRecord),
    procMount: only("procMount", isString)
  };
}
function pick(own, pod, field, containerPath, podPath, guard) {
  const mine = getIn(own, field);
  if (guard(mine)) return { value: mine, source: "container", path: [...containerPath, ...field] };
  const inherited = getIn(pod, field);
  if (guard(inherited)) return { value: inherited, source: "pod", path: [...podPath, ...field] };
  return { value: void 0, source: "unset", path: [...containerPath, ...field] };
}
function windowsOptionsOf(own, pod, containerPath, podPath) {
  const field = (name) => ["windowsOptions", name];
  const setting = (name, guard) => pick(own, pod, field(name), containerPath, podPath, guard);
  const gmsaFromContainer = ["gmsaCredentialSpecName", "gmsaCredentialSpec"].some(
    (name) => isString(getIn(own, field(name)))
  );
  const gmsa = (name) => gmsaFromContainer ? pick(own, void 0, field(name), containerPath, podPath, isString) : setting(name, isString);
  return {
    runAsUserName: setting("runAsUserName", isString),
    hostProcess: setting("hostProcess", isBoolean),
    gmsaCredentialSpecName: gmsa("gmsaCredentialSpecName"),
    gmsaCredentialSpec: gmsa("gmsaCredentialSpec")
  };
}
function capabilityEntries(context, list) {
  const entries = getIn(context.capabilities.value, [list]);
  if (!Array.isArray(entries)) return [];
  const listPath = [...context.containerPath, "capabilities", list];
  return entries.flatMap(
    (name, index) => typeof name === "string" ? [{ name, path: [...listPath, index] }] : []
  );
}
function normalizeCapability(name) {
  return name.toUpperCase();
}
function privilegeEscalation(context) {
  if (context.privileged.value === true) return { allowed: true, reason: "privileged", path: context.privileged.path };
  const sysAdmin = capabilityEntries(context, "add").find(
    (entry) => ["SYS_ADMIN", "CAP_SYS_ADMIN", "ALL"].includes(normalizeCapability(entry.name))
  );
  if (sysAdmin) return { allowed: true, reason: "sysAdmin", path: sysAdmin.path, capability: sysAdmin.name };
  const field = context.allowPrivilegeEscalation;
  if (field.value === void 0) return { allowed: true, reason: "default", path: field.path };
  return { allowed: field.value, reason: "explicit", path: field.path };
}
function isWindowsPod(podSpec) {
  return getIn(podSpec.spec, ["os", "name"]) === "windows";
}
function usesUserNamespace(podSpec) {
  return podSpec.spec.hostUsers === false;
}

// src/engine/config-references.ts
var ENV_REFS = [
  ["configMapKeyRef", "ConfigMap"],
  ["secretKeyRef", "Secret"]
];
var ENV_FROM_REFS = [
  ["configMapRef", "ConfigMap"],
  ["secretRef", "Secret"]
];
var VOLUME_REFS = [
  ["configMap", "ConfigMap", "name"],
  ["secret", "Secret", "secretName"]
];
var PROJECTED_REFS = [
  ["configMap", "ConfigMap", "name"],
  ["secret", "Secret", "name"]
];
function configReferencesOf(resource) {
  const references = [];
  for (const container of containersOf(resource)) {
    references.push(...environmentReferences(container));
  }
  const podSpec = podSpecOf(resource);
  if (podSpec) references.push(...volumeReferences(podSpec.spec.volumes, [...podSpec.path, "volumes"]));
  return references;
}
function environmentReferences(container) {
  return [...envReferences(container), ...envFromReferences(container)];
}
function envReferences(container) {
  const env = container.container.env;
  if (!Array.isArray(env)) return [];
  const references = [];
  env.forEach((variable, index) => {
    const valueFrom = getIn(variable, ["valueFrom"]);
    if (!isRecord(valueFrom) || !isRecord(variable)) return;
    for (const [field, kind] of ENV_REFS) {
      const ref = valueFrom[field];
      if (!isRecord(ref)) continue;
      const path6 = [...container.path, "env", index, "valueFrom", field];
      const site = {
        via: "env",
        container,
        variable: typeof variable.name === "string" ? variable.name : `#${index}`,
        key: typeof ref.key === "string" ? ref.key : void 0
      };
      references.push({ kind, name: stringOrUndefined(ref.name), path: path6, namePath: [...path6, "name"], site });
    }
  });
  return references;
}
function envFromReferences(container) {
  const envFrom = container.container.envFrom;
  if (!Array.isArray(envFrom)) return [];
  const references = [];
  envFrom.forEach((source, index) => {
    if (!isRecord(source)) return;
    for (const [field, kind] of ENV_FROM_REFS) {
      const ref = source[field];
      if (!isRecord(ref)) continue;
      const path6 = [...container.path, "envFrom", index, field];
      const site = { via: "envFrom", container };
      references.push({ kind, name: stringOrUndefined(ref.name), path: path6, namePath: [...path6, "name"], site });
    }
  });
  return references;
}
function volumeReferences(volumes, volumesPath) {
  if (!Array.isArray(volumes)) return [];
  const references = [];
  volumes.forEach((volume, index) => {
    if (!isRecord(volume)) return;
    const volumeName = typeof volume.name === "string" ? volume.name : `#${index}`;
    const volumePath = [...volumesPath, index];
    for (const [field, kind, nameField] of VOLUME_REFS) {
      const ref = volume[field];
      if (!isRecord(ref)) continue;
      const path6 = [...volumePath, field];
      const site = { via: "volume", volume: volumeName, projected: false };
      references.push({ kind, name: stringOrUndefined(ref[nameField]), path: path6, namePath: [...path6, nameField], site });
    }
    const sources = getIn(volume, ["projected", "sources"]);
    if (!Array.isArray(sources)) return;
    sources.forEach((source, sourceIndex) => {
      for (const [field, kind, nameField] of PROJECTED_REFS) {
        const ref = getIn(source, [field]);
        if (!isRecord(ref)) continue;
        const path6 = [...volumePath, "projected", "sources", sourceIndex, field];
        const site = { via: "volume", volume: volumeName, projected: true };
        references.push({ kind, name: stringOrUndefined(ref[nameField]), path: path6, namePath: [...path6, nameField], site });
      }
    });
  });
  return references;
}
function describeReferenceSite(site) {
  if (site.via === "volume") return `${site.projected ? "projected volume" : "volume"} "${site.volume}"`;
  return `${site.container.type} "${site.container.name}"`;
}
function stringOrUndefined(value) {
  return typeof value === "string" ? value : void 0;
}

// src/engine/user-regex.ts
var MAX_USER_PATTERN_LENGTH = 500;
var LEADING_FLAGS = /^\(\?([ims]+)\)/;
function compileUserRegex(pattern) {
  if (pattern.length > MAX_USER_PATTERN_LENGTH) {
    return { problem: `is longer than ${MAX_USER_PATTERN_LENGTH} characters` };
  }
  const flags = LEADING_FLAGS.exec(pattern);
  const body = flags ? pattern.slice(flags[0].length) : pattern;
  try {
    return new RegExp(body, flags ? [...new Set(flags[1])].join("") : "");
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return { problem: `is not a valid regular expression (${reason})` };
  }
}
function userRegexProblem(pattern) {
  const compiled2 = compileUserRegex(pattern);
  return compiled2 instanceof RegExp ? void 0 : compiled2.problem;
}

// src/engine/pod-label-index.ts
var POD_LABEL_PATHS = {
  "": {
    Pod: ["metadata", "labels"],
    ReplicationController: ["spec", "template", "metadata", "labels"]
  },
  apps: {
    Deployment: ["spec", "template", "metadata", "labels"],
    ReplicaSet: ["spec", "template", "metadata", "labels"],
    StatefulSet: ["spec", "template", "metadata", "labels"],
    DaemonSet: ["spec", "template", "metadata", "labels"]
  },
  // Old manifests still say extensions/v1beta1; the pods are the same.
  extensions: {
    Deployment: ["spec", "template", "metadata", "labels"],
    ReplicaSet: ["spec", "template", "metadata", "labels"],
    DaemonSet: ["spec", "template", "metadata", "labels"]
  },
  batch: {
    Job: ["spec", "template", "metadata", "labels"],
    CronJob: ["spec", "jobTemplate", "spec", "template", "metadata", "labels"]
  }
};
var CONTROLLER_POD_LABELS = /* @__PURE__ */ new Set([
  "pod-template-hash",
  "controller-revision-hash",
  "pod-template-generation",
  "statefulset.kubernetes.io/pod-name",
  "apps.kubernetes.io/pod-index",
  "controller-uid",
  "job-name",
  "batch.kubernetes.io/controller-uid",
  "batch.kubernetes.io/job-name",
  "batch.kubernetes.io/job-completion-index"
]);
var BUILT_IN_GROUPS = /* @__PURE__ */ new Set(["", "apps", "batch", "extensions", "policy", "autoscaling"]);
function podLabelsPath(resource) {
  const known = POD_LABEL_PATHS[resource.group]?.[resource.kind];
  if (known) return known;
  if (BUILT_IN_GROUPS.has(resource.group) || resource.group.endsWith(".k8s.io")) return void 0;
  return Array.isArray(getIn(resource.object, ["spec", "template", "spec", "containers"])) ? ["spec", "template", "metadata", "labels"] : void 0;
}
function buildPodLabelIndex(inventory, ctx, opaqueKinds = []) {
  const buckets = /* @__PURE__ */ new Map();
  const opaque = new Set(opaqueKinds);
  for (const resource of inventory.resources) {
    const isOpaque = opaque.has(`${resource.group}/${resource.kind}`);
    const path6 = isOpaque ? void 0 : podLabelsPath(resource);
    if (!path6 && !isOpaque) continue;
    const bucket = bucketFor(buckets, targetNamespace(resource, { inventory, defaultNamespace: ctx.defaultNamespace }));
    if (path6) addPod(bucket, stringLabels(getIn(resource.object, path6)));
    else bucket.opaque = true;
  }
  const answers = /* @__PURE__ */ new Map();
  const relevantBuckets = (namespace) => (namespace === void 0 ? [...buckets.values()] : [buckets.get(namespace), buckets.get(void 0)]).filter(
    (bucket) => bucket !== void 0
  );
  return {
    judges(namespace) {
      const sources = namespace === void 0 ? [buckets.get(void 0)] : relevantBuckets(namespace);
      const present = sources.filter((bucket) => bucket !== void 0);
      return present.some((bucket) => bucket.pods.length > 0) && !present.some((bucket) => bucket.opaque);
    },
    selectsAny(namespace, selector) {
      const relevant = withoutControllerLabels(selector);
      const key = `${namespace ?? ""}\0${namespace === void 0 ? 1 : 0}\0${JSON.stringify(relevant)}`;
      let answer = answers.get(key);
      if (answer === void 0) {
        answer = relevantBuckets(namespace).some((bucket) => bucket.opaque || bucketSelectsAny(bucket, relevant));
        answers.set(key, answer);
      }
      return answer;
    }
  };
}
function bucketFor(buckets, namespace) {
  let bucket = buckets.get(namespace);
  if (!bucket) {
    bucket = { pods: [], postings: /* @__PURE__ */ new Map(), opaque: false };
    buckets.set(namespace, bucket);
  }
  return bucket;
}
function addPod(bucket, labels) {
  const position = bucket.pods.length;
  bucket.pods.push(labels);
  for (const [key, value] of Object.entries(labels)) {
    const posting = pairKey(key, value);
    const list = bucket.postings.get(posting);
    if (list) list.push(position);
    else bucket.postings.set(posting, [position]);
  }
}
function bucketSelectsAny(bucket, selector) {
  const candidates = candidatePods(bucket, selector);
  return candidates.some((position) => labelSelectorMatches(selector, bucket.pods[position] ?? {}));
}
function candidatePods(bucket, selector) {
  const pairs = Object.entries(selector.matchLabels ?? {});
  if (pairs.length > 0) {
    const lists = pairs.map(([key, value]) => bucket.postings.get(pairKey(key, value)) ?? []);
    return lists.reduce((shortest, list) => list.length < shortest.length ? list : shortest);
  }
  const inRequirement = (selector.matchExpressions ?? []).find((requirement) => requirement.operator === "In");
  if (inRequirement) {
    const positions = /* @__PURE__ */ new Set();
    for (const value of inRequirement.values ?? []) {
      for (const position of bucket.postings.get(pairKey(inRequirement.key, value)) ?? []) positions.add(position);
    }
    return [...positions];
  }
  return bucket.pods.map((_, position) => position);
}
function withoutControllerLabels(selector) {
  const matchLabels = Object.fromEntries(
    Object.entries(selector.matchLabels ?? {}).filter(([key]) => !CONTROLLER_POD_LABELS.has(key))
  );
  const matchExpressions = (selector.matchExpressions ?? []).filter(
    (requirement) => !CONTROLLER_POD_LABELS.has(requirement.key)
  );
  return { matchLabels, matchExpressions };
}
function pairKey(key, value) {
  return `${key}\0${value}`;
}
function stringLabels(value) {
  if (!isRecord(value)) return {};
  return Object.fromEntries(
    Object.entries(value).filter((entry) => typeof entry[1] === "string")
  );
}
function formatLabelSelector(selector) {
  const parts = Object.entries(selector.matchLabels ?? {}).map(([key, value]) => `${key}=${value}`);
  for (const requirement of selector.matchExpressions ?? []) {
    const values = `(${(requirement.values ?? []).join(", ")})`;
    if (requirement.operator === "In") parts.push(`${requirement.key} in ${values}`);
    else if (requirement.operator === "NotIn") parts.push(`${requirement.key} notin ${values}`);
    else if (requirement.operator === "Exists") parts.push(requirement.key);
    else parts.push(`!${requirement.key}`);
  }
  return parts.join(", ");
}

// src/engine/values.ts
function isUnset(value) {
  return value === void 0 || value === null || value === "";
}
function describeValue(value) {
  return typeof value === "string" || typeof value === "number" ? String(value) : JSON.stringify(value);
}

// rules/allowed-repos.ts
var rule = {
  meta: {
    id: "allowed-repos",
    title: "Images come from allowed repositories",
    description: "Pull every container image from a repository on the allowed list.",
    rationale: [
      "An image is code that will run inside your cluster with whatever access its pod has. Pulling only from",
      "registries your organisation controls means every image went through your build, scanning and signing",
      "steps, and that a typo or a copied example cannot bring in an unknown image from a public registry.",
      "Registries you run are also the ones you can keep available when a public one throttles or goes down."
    ].join(" "),
    remediation: [
      "Push the image to an allowed registry and reference it there, or, if the source is trusted, add its prefix",
      "to `repos`. Prefixes are compared with the image exactly as written: end a registry prefix with `/` so that",
      "`registry.example.com/` does not also admit `registry.example.com.evil.io/`, and write Docker Hub images",
      "the way your manifests do (`nginx` does not start with `docker.io/`)."
    ].join(" "),
    defaultSeverity: "error",
    defaultKinds: WORKLOAD_KINDS,
    schema: {
      type: "object",
      additionalProperties: false,
      properties: {
        repos: {
          type: "array",
          items: { type: "string", minLength: 1 },
          minItems: 1,
          default: [],
          description: "Allowed image prefixes, such as `registry.example.com/`. Required: list at least one, since no default fits every organisation."
        }
      }
    },
    messages: {
      notAllowed: '{{type}} "{{container}}" uses image "{{image}}", which is not from an allowed repository ({{repos}})'
    },
    example: {
      parameters: { repos: ["registry.example.com/"] },
      fail: [
        "apiVersion: v1",
        "kind: Pod",
        "metadata:",
        "  name: web",
        "spec:",
        "  containers:",
        "    - name: web",
        "      image: docker.io/library/nginx:1.27",
        ""
      ].join("\n"),
      pass: [
        "apiVersion: v1",
        "kind: Pod",
        "metadata:",
        "  name: web",
        "spec:",
        "  containers:",
        "    - name: web",
        "      image: registry.example.com/web/nginx:1.27",
        ""
      ].join("\n")
    }
  },
  *check(resource, params) {
    const repos = params.repos ?? [];
    for (const ref of containersOf(resource)) {
      const image = ref.container.image;
      if (typeof image !== "string") continue;
      if (repos.some((repo) => image.startsWith(repo))) continue;
      yield {
        messageId: "notAllowed",
        data: { type: ref.type, container: ref.name, image, repos: repos.map((repo) => `"${repo}"`).join(", ") },
        path: [...ref.path, "image"]
      };
    }
  }
};
var allowed_repos_default = rule;

// rules/container-limits.ts
var RESOURCES = ["cpu", "memory"];
var rule2 = {
  meta: {
    id: "container-limits",
    title: "Containers set CPU and memory limits",
    description: "Set a CPU and a memory limit on every container, within the allowed maximums.",
    rationale: [
      "Without limits a single container can take all the memory or CPU of its node: a leak or a busy loop then",
      "starves its neighbours, and the kernel may kill unrelated pods when memory runs out. Limits bound the damage",
      "to the container that misbehaves, make capacity planning possible, and are what namespace quotas count.",
      "Init containers are checked too, because the scheduler reserves room for them and sidecar init containers",
      "run for the life of the pod. Ephemeral debug containers are not: Kubernetes does not let them set resources."
    ].join(" "),
    remediation: [
      "Add `resources.limits.cpu` and `resources.limits.memory` to the container, sized from what it uses under",
      "load, with values such as `500m` and `256Mi` that stay within the maximums of the constraint."
    ].join(" "),
    defaultSeverity: "error",
    defaultKinds: WORKLOAD_KINDS,
    schema: {
      type: "object",
      additionalProperties: false,
      properties: {
        cpu: {
          type: ["string", "number"],
          default: "",
          description: "The highest CPU limit allowed, as a quantity such as `2` or `1500m`. Empty: no maximum."
        },
        memory: {
          type: ["string", "number"],
          default: "",
          description: "The highest memory limit allowed, as a quantity such as `4Gi` or `512Mi`. Empty: no maximum."
        },
        exemptImages: {
          type: "array",
          items: { type: "string" },
          default: [],
          description: "Images that need no limits. An entry ending in `*` matches every image that starts with the rest of it."
        }
      }
    },
    messages: {
      noLimits: '{{type}} "{{container}}" sets no resource limits (resources.limits.cpu and resources.limits.memory)',
      noLimit: '{{type}} "{{container}}" has no {{resource}} limit',
      invalidLimit: '{{type}} "{{container}}" has a {{resource}} limit "{{value}}" that is not a valid quantity',
      aboveMaximum: '{{type}} "{{container}}" has a {{resource}} limit of {{value}}, above the allowed maximum of {{maximum}}'
    },
    example: {
      parameters: { cpu: "2", memory: "1Gi" },
      fail: [
        "apiVersion: apps/v1",
        "kind: Deployment",
        "metadata:",
        "  name: api",
        "spec:",
        "  selector:",
        "    matchLabels: {app: api}",
        "  template:",
        "    metadata:",
        "      labels: {app: api}",
        "    spec:",
        "      containers:",
        "        - name: api",
        "          image: registry.example.com/api:1.4.2",
        "          resources:",
        "            limits:",
        "              memory: 2Gi",
        ""
      ].join("\n"),
      pass: [
        "apiVersion: apps/v1",
        "kind: Deployment",
        "metadata:",
        "  name: api",
        "spec:",
        "  selector:",
        "    matchLabels: {app: api}",
        "  template:",
        "    metadata:",
        "      labels: {app: api}",
        "    spec:",
        "      containers:",
        "        - name: api",
        "          image: registry.example.com/api:1.4.2",
        "          resources:",
        "            limits:",
        "              cpu: 500m",
        "              memory: 512Mi",
        ""
      ].join("\n")
    }
  },
  validate(params) {
    return RESOURCES.filter((name) => params[name] !== "" && !isValidMaximum(params[name])).map(
      (name) => `${name} "${String(params[name])}" is not a quantity such as 500m, 2, 512Mi or 1Gi`
    );
  },
  *check(resource, params) {
    const maximums = { cpu: maximumOf(params.cpu), memory: maximumOf(params.memory) };
    for (const ref of containersOf(resource)) {
      if (ref.type === "ephemeralContainer") continue;
      if (isExemptImage(ref.container.image, params.exemptImages)) continue;
      yield* checkContainer(ref, maximums);
    }
  }
};
function* checkContainer(ref, maximums) {
  const limitsPath = [...ref.path, "resources", "limits"];
  const data = { type: ref.type, container: ref.name };
  const limits = getIn(ref.container, ["resources", "limits"]);
  if (!isRecord(limits)) {
    yield { messageId: "noLimits", data, path: limitsPath };
    return;
  }
  for (const resource of RESOURCES) {
    const path6 = [...limitsPath, resource];
    const written = limits[resource];
    if (isUnset(written)) {
      yield { messageId: "noLimit", data: { ...data, resource }, path: path6 };
      continue;
    }
    const value = describeValue(written);
    const quantity = parseQuantity(written);
    if (!quantity || isNegativeQuantity(quantity)) {
      yield { messageId: "invalidLimit", data: { ...data, resource, value }, path: path6 };
      continue;
    }
    const maximum = maximums[resource];
    if (maximum && compareQuantities(quantity, maximum) > 0) {
      yield { messageId: "aboveMaximum", data: { ...data, resource, value, maximum: maximum.text }, path: path6 };
    }
  }
}
function maximumOf(parameter) {
  return parameter === void 0 || parameter === "" ? void 0 : parseQuantity(parameter);
}
function isValidMaximum(parameter) {
  const quantity = parseQuantity(parameter);
  return quantity !== void 0 && !isNegativeQuantity(quantity);
}
var container_limits_default = rule2;

// rules/container-requests.ts
var RESOURCES2 = ["cpu", "memory"];
var rule3 = {
  meta: {
    id: "container-requests",
    title: "Containers set CPU and memory requests",
    description: "Set a CPU and a memory request on every container.",
    rationale: [
      "The scheduler places a pod by its requests: they are the share of a node the pod is promised. A container",
      "without requests is placed as if it needed nothing, so nodes get packed with more work than they can carry,",
      "and under memory pressure the kubelet evicts pods without requests first. Requests also make the quality of",
      "service class of a pod, feed the autoscalers, and are what a ResourceQuota on requests counts. Init",
      "containers are checked because the pod cannot start until a node has room for them. Ephemeral debug",
      "containers are not: Kubernetes does not let them set resources. A limit written without a request counts,",
      "since the API server then sets the request to the limit."
    ].join(" "),
    remediation: [
      "Add `resources.requests.cpu` and `resources.requests.memory` to the container, sized from what it uses in",
      "normal operation, such as `250m` and `256Mi` (or write only limits when requests should equal them)."
    ].join(" "),
    defaultSeverity: "error",
    defaultKinds: WORKLOAD_KINDS,
    schema: {
      type: "object",
      additionalProperties: false,
      properties: {
        exemptImages: {
          type: "array",
          items: { type: "string" },
          default: [],
          description: "Images that need no requests. An entry ending in `*` matches every image that starts with the rest of it."
        }
      }
    },
    messages: {
      noRequests: '{{type}} "{{container}}" sets no resource requests (resources.requests.cpu and resources.requests.memory)',
      noRequest: '{{type}} "{{container}}" has no {{resource}} request',
      invalidRequest: '{{type}} "{{container}}" has a {{resource}} request "{{value}}" that is not a valid quantity'
    },
    example: {
      fail: [
        "apiVersion: apps/v1",
        "kind: Deployment",
        "metadata:",
        "  name: api",
        "spec:",
        "  selector:",
        "    matchLabels: {app: api}",
        "  template:",
        "    metadata:",
        "      labels: {app: api}",
        "    spec:",
        "      containers:",
        "        - name: api",
        "          image: registry.example.com/api:1.4.2",
        "          resources:",
        "            requests:",
        "              memory: 256Mi",
        ""
      ].join("\n"),
      pass: [
        "apiVersion: apps/v1",
        "kind: Deployment",
        "metadata:",
        "  name: api",
        "spec:",
        "  selector:",
        "    matchLabels: {app: api}",
        "  template:",
        "    metadata:",
        "      labels: {app: api}",
        "    spec:",
        "      containers:",
        "        - name: api",
        "          image: registry.example.com/api:1.4.2",
        "          resources:",
        "            requests:",
        "              cpu: 250m",
        "              memory: 256Mi",
        ""
      ].join("\n")
    }
  },
  *check(resource, params) {
    for (const ref of containersOf(resource)) {
      if (ref.type === "ephemeralContainer") continue;
      if (isExemptImage(ref.container.image, params.exemptImages)) continue;
      yield* checkContainer2(ref);
    }
  }
};
function* checkContainer2(ref) {
  const requestsPath = [...ref.path, "resources", "requests"];
  const data = { type: ref.type, container: ref.name };
  const requests = getIn(ref.container, ["resources", "requests"]);
  const missing = RESOURCES2.filter((name) => isUnset(getIn(requests, [name])) && !hasLimit(ref, name));
  if (!isRecord(requests) && missing.length === RESOURCES2.length) {
    yield { messageId: "noRequests", data, path: requestsPath };
    return;
  }
  for (const name of RESOURCES2) {
    const path6 = [...requestsPath, name];
    if (missing.includes(name)) {
      yield { messageId: "noRequest", data: { ...data, resource: name }, path: path6 };
      continue;
    }
    const written = getIn(requests, [name]);
    if (isUnset(written)) continue;
    const quantity = parseQuantity(written);
    if (!quantity || isNegativeQuantity(quantity)) {
      yield { messageId: "invalidRequest", data: { ...data, resource: name, value: describeValue(written) }, path: path6 };
    }
  }
}
function hasLimit(ref, name) {
  return !isUnset(getIn(ref.container, ["resources", "limits", name]));
}
var container_requests_default = rule3;

// rules/dangling-references.ts
var DEFAULT_OPERATOR_POD_KINDS = [
  "monitoring.coreos.com/Prometheus",
  "monitoring.coreos.com/PrometheusAgent",
  "monitoring.coreos.com/Alertmanager",
  "monitoring.coreos.com/ThanosRuler",
  "postgresql.cnpg.io/Cluster",
  "kafka.strimzi.io/Kafka",
  "elasticsearch.k8s.elastic.co/Elasticsearch",
  "kibana.k8s.elastic.co/Kibana",
  "rabbitmq.com/RabbitmqCluster",
  "minio.min.io/Tenant"
];
var INDEX_KEY = "dangling-references/indexes";
var INGRESS_GROUPS = ["networking.k8s.io", "extensions"];
var rule4 = {
  meta: {
    id: "dangling-references",
    title: "References point at objects in the input",
    description: "Make Service selectors, Ingress backends, autoscaler targets, disruption budgets and network policies point at objects that exist.",
    rationale: [
      "Kubernetes accepts a reference to nothing without complaint: a Service whose selector matches no pod simply",
      "has no endpoints, an Ingress backend naming a missing Service returns errors to every request, an autoscaler",
      "with a wrong target scales nothing, a disruption budget that selects no pods protects nothing during a drain,",
      "and a network policy that selects no pods leaves the pods it was written for unprotected. Each one looks",
      "fine in review and fails quietly in production, typically after a rename or a label change in one file but",
      "not the other. Checking the references across the manifests catches the drift before it is deployed."
    ].join(" "),
    remediation: [
      "Fix the name or the labels so the reference points at the object it was written for: align the selector with",
      "the pod template labels, or the backend or target name with the Service or workload. If the target is",
      "created elsewhere, lint it together with this input, add the operator's kind to `operatorPodKinds` when an",
      "operator creates the pods, or exclude the object with the constraint's `match`."
    ].join(" "),
    defaultSeverity: "warning",
    defaultKinds: [
      { apiGroups: [""], kinds: ["Service"] },
      { apiGroups: [...INGRESS_GROUPS], kinds: ["Ingress"] },
      { apiGroups: ["autoscaling"], kinds: ["HorizontalPodAutoscaler"] },
      { apiGroups: ["policy"], kinds: ["PodDisruptionBudget"] },
      { apiGroups: ["networking.k8s.io"], kinds: ["NetworkPolicy"] }
    ],
    crossResource: true,
    schema: {
      type: "object",
      additionalProperties: false,
      properties: {
        operatorPodKinds: {
          type: "array",
          items: { type: "string", pattern: "^[^/]*/[^/]+$" },
          default: DEFAULT_OPERATOR_POD_KINDS,
          description: [
            "Custom resources, as `group/Kind`, whose operator creates pods with labels that no pod template in the",
            "input shows (a Prometheus, a Kafka cluster). Service, PodDisruptionBudget and NetworkPolicy selectors in",
            "a namespace that holds one are not judged. Kinds with a pod template of their own (Argo Rollouts, Knative",
            "Services) need no entry: their template counts."
          ].join(" ")
        }
      }
    },
    messages: {
      serviceSelector: "{{object}} selects pods with {{selector}}, but no pod template in the input{{where}} has those labels",
      ingressBackend: '{{object}} routes to Service "{{service}}", but the input has no such Service{{where}}',
      hpaTarget: '{{object}} scales {{kind}} "{{target}}", but the input has no such {{kind}}{{where}}',
      pdbSelector: "{{object}} selects pods with {{selector}}, but no pod template in the input{{where}} has those labels",
      networkPolicySelector: "{{object}} applies to pods with {{selector}}, but no pod template in the input{{where}} has those labels"
    },
    example: {
      fail: [
        "apiVersion: apps/v1",
        "kind: Deployment",
        "metadata: {name: api, namespace: shop}",
        "spec:",
        "  selector:",
        "    matchLabels: {app: api}",
        "  template:",
        "    metadata:",
        "      labels: {app: api}",
        "    spec:",
        "      containers:",
        "        - name: api",
        "          image: registry.example.com/api:1.4.2",
        "---",
        "apiVersion: v1",
        "kind: Service",
        "metadata: {name: api, namespace: shop}",
        "spec:",
        "  selector: {app: api-server}",
        "  ports:",
        "    - port: 80",
        ""
      ].join("\n"),
      pass: [
        "apiVersion: apps/v1",
        "kind: Deployment",
        "metadata: {name: api, namespace: shop}",
        "spec:",
        "  selector:",
        "    matchLabels: {app: api}",
        "  template:",
        "    metadata:",
        "      labels: {app: api}",
        "    spec:",
        "      containers:",
        "        - name: api",
        "          image: registry.example.com/api:1.4.2",
        "---",
        "apiVersion: v1",
        "kind: Service",
        "metadata: {name: api, namespace: shop}",
        "spec:",
        "  selector: {app: api}",
        "  ports:",
        "    - port: 80",
        ""
      ].join("\n")
    }
  },
  *check(resource, params, ctx) {
    const kinds = params.operatorPodKinds ?? [];
    const key = `${INDEX_KEY}/${JSON.stringify(kinds)}`;
    const indexes = ctx.inventory.memo(key, (inventory) => buildIndexes(inventory, ctx, kinds));
    const namespace = targetNamespace(resource, ctx);
    const where = namespace === void 0 ? "" : ` in namespace "${namespace}"`;
    const object = describeObject(resource);
    const found = (violation) => ({ ...violation, data: { object, where, ...violation.data } });
    for (const violation of checkResource(resource, namespace, indexes)) yield found(violation);
  }
};
function checkResource(resource, namespace, indexes) {
  const { group, kind } = resource;
  if (group === "" && kind === "Service") return checkService(resource, namespace, indexes);
  if (INGRESS_GROUPS.includes(group) && kind === "Ingress") return checkIngress(resource, namespace, indexes);
  if (group === "autoscaling" && kind === "HorizontalPodAutoscaler") return checkHpa(resource, namespace, indexes);
  if (group === "policy" && kind === "PodDisruptionBudget") return checkPdb(resource, namespace, indexes);
  if (group === "networking.k8s.io" && kind === "NetworkPolicy")
    return checkNetworkPolicy(resource, namespace, indexes);
  return [];
}
function buildIndexes(inventory, ctx, operatorPodKinds) {
  const names = /* @__PURE__ */ new Map();
  for (const resource of inventory.resources) {
    if (resource.name === void 0) continue;
    const namespace = targetNamespace(resource, { inventory, defaultNamespace: ctx.defaultNamespace });
    let byNamespace = names.get(resource.kind);
    if (!byNamespace) names.set(resource.kind, byNamespace = /* @__PURE__ */ new Map());
    let set = byNamespace.get(namespace);
    if (!set) byNamespace.set(namespace, set = /* @__PURE__ */ new Set());
    set.add(resource.name);
  }
  return { pods: buildPodLabelIndex(inventory, ctx, operatorPodKinds), names };
}
function judgesNames(names, kind, namespace) {
  const byNamespace = names.get(kind);
  if (!byNamespace) return false;
  return byNamespace.has(void 0) || namespace !== void 0 && byNamespace.has(namespace);
}
function hasName(names, kind, namespace, name) {
  const byNamespace = names.get(kind);
  if (!byNamespace) return false;
  if (namespace === void 0) return [...byNamespace.values()].some((set) => set.has(name));
  return (byNamespace.get(namespace)?.has(name) ?? false) || (byNamespace.get(void 0)?.has(name) ?? false);
}
function checkService(resource, namespace, indexes) {
  if (!indexes.pods.judges(namespace)) return [];
  if (getIn(resource.object, ["spec", "type"]) === "ExternalName") return [];
  const selector = getIn(resource.object, ["spec", "selector"]);
  if (!isRecord(selector) || Object.keys(selector).length === 0) return [];
  if (!Object.values(selector).every((value) => typeof value === "string")) return [];
  const labelSelector2 = { matchLabels: selector };
  if (indexes.pods.selectsAny(namespace, labelSelector2)) return [];
  return [
    {
      messageId: "serviceSelector",
      data: { selector: formatLabelSelector(labelSelector2) },
      path: ["spec", "selector"]
    }
  ];
}
function checkIngress(resource, namespace, indexes) {
  if (!judgesNames(indexes.names, "Service", namespace)) return [];
  return ingressBackends(resource).filter((backend) => !hasName(indexes.names, "Service", namespace, backend.service)).map((backend) => ({ messageId: "ingressBackend", data: { service: backend.service }, path: backend.path }));
}
function ingressBackends(resource) {
  const backends = [];
  const add = (backend, path6) => {
    const modern = getIn(backend, ["service", "name"]);
    if (typeof modern === "string" && modern !== "")
      backends.push({ service: modern, path: [...path6, "service", "name"] });
    const legacy = getIn(backend, ["serviceName"]);
    if (typeof legacy === "string" && legacy !== "") backends.push({ service: legacy, path: [...path6, "serviceName"] });
  };
  add(getIn(resource.object, ["spec", "defaultBackend"]), ["spec", "defaultBackend"]);
  add(getIn(resource.object, ["spec", "backend"]), ["spec", "backend"]);
  const rules = getIn(resource.object, ["spec", "rules"]);
  if (!Array.isArray(rules)) return backends;
  rules.forEach((entry, ruleIndex) => {
    const paths = getIn(entry, ["http", "paths"]);
    if (!Array.isArray(paths)) return;
    paths.forEach((path6, pathIndex) => {
      add(getIn(path6, ["backend"]), ["spec", "rules", ruleIndex, "http", "paths", pathIndex, "backend"]);
    });
  });
  return backends;
}
function checkHpa(resource, namespace, indexes) {
  const kind = getIn(resource.object, ["spec", "scaleTargetRef", "kind"]);
  const target = getIn(resource.object, ["spec", "scaleTargetRef", "name"]);
  if (typeof kind !== "string" || typeof target !== "string" || target === "") return [];
  if (!judgesNames(indexes.names, kind, namespace) || hasName(indexes.names, kind, namespace, target)) return [];
  return [{ messageId: "hpaTarget", data: { kind, target }, path: ["spec", "scaleTargetRef", "name"] }];
}
function checkPdb(resource, namespace, indexes) {
  if (!indexes.pods.judges(namespace)) return [];
  const selector = readLabelSelector(getIn(resource.object, ["spec", "selector"]));
  if (!selector || isEmptySelector(selector) || indexes.pods.selectsAny(namespace, selector)) return [];
  return [{ messageId: "pdbSelector", data: { selector: formatLabelSelector(selector) }, path: ["spec", "selector"] }];
}
function checkNetworkPolicy(resource, namespace, indexes) {
  if (!indexes.pods.judges(namespace)) return [];
  const selector = readLabelSelector(getIn(resource.object, ["spec", "podSelector"]));
  if (!selector || isEmptySelector(selector) || indexes.pods.selectsAny(namespace, selector)) return [];
  return [
    {
      messageId: "networkPolicySelector",
      data: { selector: formatLabelSelector(selector) },
      path: ["spec", "podSelector"]
    }
  ];
}
var dangling_references_default = rule4;

// rules/dedicated-service-account.ts
var DEFAULT_ACCOUNT = "default";
var rule5 = {
  meta: {
    id: "dedicated-service-account",
    title: "Pods run as a dedicated service account",
    description: `Give every workload its own service account instead of the namespace's "default" one.`,
    rationale: [
      "A service account is the identity a pod presents to the Kubernetes API, and often to cloud IAM, a service",
      "mesh or a secrets store too. Every namespace has a `default` account that all pods share unless they name",
      "another, so any permission granted to it for one application is silently granted to every other pod in the",
      "namespace, and audit logs cannot tell the applications apart. An account per workload can be given exactly",
      "the roles that workload needs, and nothing else runs with them. Pods that switch off the API token and mount",
      "none of their own do not act as their account at all, so they are accepted unless `allowDefaultWithoutToken`",
      "is false."
    ].join(" "),
    remediation: [
      "Create a ServiceAccount for the workload, bind only the Roles it needs to it, and set",
      "`spec.serviceAccountName` in the pod template. If the workload never calls the API, also set",
      "`automountServiceAccountToken: false`."
    ].join(" "),
    defaultSeverity: "warning",
    defaultKinds: WORKLOAD_KINDS,
    schema: {
      type: "object",
      additionalProperties: false,
      properties: {
        allowDefaultWithoutToken: {
          type: "boolean",
          default: true,
          description: [
            "Accept the `default` account for pods that set `automountServiceAccountToken: false` and mount no",
            "`serviceAccountToken` projection, since they hold no credential of the account. Set false to require a",
            "dedicated account for every pod."
          ].join(" ")
        }
      }
    },
    messages: {
      unset: `{{object}} sets no serviceAccountName, so its pods run as the namespace's "default" service account`,
      explicitDefault: `{{object}} runs its pods as the namespace's "default" service account ({{field}}: default)`
    },
    example: {
      fail: [
        "apiVersion: apps/v1",
        "kind: Deployment",
        "metadata:",
        "  name: api",
        "spec:",
        "  selector:",
        "    matchLabels: {app: api}",
        "  template:",
        "    metadata:",
        "      labels: {app: api}",
        "    spec:",
        "      containers:",
        "        - name: api",
        "          image: registry.example.com/api:1.4.2",
        ""
      ].join("\n"),
      pass: [
        "apiVersion: v1",
        "kind: ServiceAccount",
        "metadata:",
        "  name: api",
        "---",
        "apiVersion: apps/v1",
        "kind: Deployment",
        "metadata:",
        "  name: api",
        "spec:",
        "  selector:",
        "    matchLabels: {app: api}",
        "  template:",
        "    metadata:",
        "      labels: {app: api}",
        "    spec:",
        "      serviceAccountName: api",
        "      containers:",
        "        - name: api",
        "          image: registry.example.com/api:1.4.2",
        ""
      ].join("\n")
    }
  },
  *check(resource, params) {
    const podSpec = podSpecOf(resource);
    if (!podSpec) return;
    const account = effectiveAccount(podSpec);
    if (account === void 0 || account.name !== DEFAULT_ACCOUNT) return;
    if (params.allowDefaultWithoutToken && !holdsToken(podSpec)) return;
    const object = describeObject(resource);
    if (account.field === void 0) {
      yield { messageId: "unset", data: { object }, path: [...podSpec.path, "serviceAccountName"] };
    } else {
      yield {
        messageId: "explicitDefault",
        data: { object, field: account.field },
        path: [...podSpec.path, account.field]
      };
    }
  }
};
function effectiveAccount(podSpec) {
  const fields = ["serviceAccountName", "serviceAccount"];
  for (const field of fields) {
    const value = podSpec.spec[field];
    if (value === void 0 || value === null || value === "") continue;
    if (typeof value !== "string") return void 0;
    return { name: value, field };
  }
  return { name: DEFAULT_ACCOUNT, field: void 0 };
}
function holdsToken(podSpec) {
  if (podSpec.spec.automountServiceAccountToken !== false) return true;
  const volumes = podSpec.spec.volumes;
  if (!Array.isArray(volumes)) return false;
  return volumes.some((volume) => {
    const sources = getIn(volume, ["projected", "sources"]);
    return Array.isArray(sources) && sources.some((source) => isRecord(getIn(source, ["serviceAccountToken"])));
  });
}
var dedicated_service_account_default = rule5;

// rules/default-storage-class-name.ts
var DEFAULT_ANNOTATIONS = [
  "storageclass.kubernetes.io/is-default-class",
  "storageclass.beta.kubernetes.io/is-default-class"
];
var rule6 = {
  meta: {
    id: "default-storage-class-name",
    title: "The default StorageClass is named default",
    description: "Name the StorageClass marked as the cluster default `default`.",
    rationale: [
      "Claims that name no StorageClass get the default one, but many charts and examples ask for a class called",
      "`default` by name instead. When the default class has another name those claims stay pending on one cluster",
      "and work on the next, depending on what the provider happened to call its class. Naming the default class",
      "`default` makes both kinds of claim land on the same storage everywhere."
    ].join(" "),
    remediation: [
      "Rename the default StorageClass to `default` (StorageClasses cannot be renamed in place: create the new one,",
      "move the default annotation to it, then delete the old one once no claim refers to it), or set `name` if your",
      "clusters agree on another name."
    ].join(" "),
    defaultSeverity: "warning",
    defaultKinds: [{ apiGroups: ["storage.k8s.io"], kinds: ["StorageClass"] }],
    schema: {
      type: "object",
      additionalProperties: false,
      properties: {
        name: {
          type: "string",
          minLength: 1,
          default: "default",
          description: "The name the default StorageClass must have."
        }
      }
    },
    messages: {
      notNamedDefault: 'StorageClass "{{name}}" is the default StorageClass ({{annotation}}: "true") but is not named "{{expected}}"'
    },
    example: {
      fail: [
        "apiVersion: storage.k8s.io/v1",
        "kind: StorageClass",
        "metadata:",
        "  name: fast-ssd",
        "  annotations:",
        '    storageclass.kubernetes.io/is-default-class: "true"',
        "provisioner: ebs.csi.aws.com",
        ""
      ].join("\n"),
      pass: [
        "apiVersion: storage.k8s.io/v1",
        "kind: StorageClass",
        "metadata:",
        "  name: default",
        "  annotations:",
        '    storageclass.kubernetes.io/is-default-class: "true"',
        "provisioner: ebs.csi.aws.com",
        ""
      ].join("\n")
    }
  },
  *check(resource, params) {
    if (resource.group !== "storage.k8s.io" || resource.kind !== "StorageClass") return;
    const annotation = DEFAULT_ANNOTATIONS.find((key) => resource.annotations[key] === "true");
    if (annotation === void 0 || resource.name === params.name) return;
    yield {
      messageId: "notNamedDefault",
      data: { name: resource.name ?? "(unnamed)", annotation, expected: params.name },
      path: ["metadata", "name"]
    };
  }
};
var default_storage_class_name_default = rule6;

// rules/deprecated-api-version.ts
var rule7 = {
  meta: {
    id: "deprecated-api-version",
    title: "API versions are served by the target release",
    description: "Use API versions that the target Kubernetes release serves and has not deprecated.",
    rationale: [
      "Kubernetes retires beta API versions a few releases after their stable successor ships. A manifest that",
      "still names a removed version is refused outright after an upgrade, which tends to surface during an incident",
      "or a cluster migration rather than in review; a deprecated one still works but already makes the API server",
      "warn. Moving to the replacement ahead of time, with a known target release, turns a failed deploy into a",
      "routine edit. The replacement often changes defaults or field names, so it is worth reading its notes."
    ].join(" "),
    remediation: [
      "Change `apiVersion` to the replacement named in the message and adjust the fields that moved (the Kubernetes",
      "deprecated API migration guide lists them, and `kubectl convert` can rewrite a file). Set `kubernetesVersion`",
      "to the release your clusters run or are about to run."
    ].join(" "),
    defaultSeverity: "error",
    // Every kind: the table decides which ones matter.
    defaultKinds: [],
    schema: {
      type: "object",
      additionalProperties: false,
      properties: {
        kubernetesVersion: {
          type: "string",
          pattern: "^v?\\d+\\.\\d+(\\.\\d+)?$",
          default: "1.33",
          description: "The Kubernetes release the manifests are for, such as `1.33` or `v1.33.2`. Quote it in YAML: `1.30` unquoted is the number 1.3."
        },
        reportDeprecated: {
          type: "boolean",
          default: true,
          description: "Also report API versions the target release still serves but has deprecated; false reports only removed ones."
        }
      }
    },
    messages: {
      removed: '{{kind}} "{{name}}" uses apiVersion "{{apiVersion}}", which Kubernetes {{target}} no longer serves (removed in {{removedIn}}); {{instead}}',
      deprecated: '{{kind}} "{{name}}" uses apiVersion "{{apiVersion}}", deprecated since Kubernetes {{deprecatedIn}}{{removal}}; {{instead}}'
    },
    example: {
      parameters: { kubernetesVersion: "1.33" },
      fail: [
        "apiVersion: policy/v1beta1",
        "kind: PodDisruptionBudget",
        "metadata:",
        "  name: web",
        "spec:",
        "  minAvailable: 1",
        "  selector:",
        "    matchLabels: {app: web}",
        ""
      ].join("\n"),
      pass: [
        "apiVersion: policy/v1",
        "kind: PodDisruptionBudget",
        "metadata:",
        "  name: web",
        "spec:",
        "  minAvailable: 1",
        "  selector:",
        "    matchLabels: {app: web}",
        ""
      ].join("\n")
    }
  },
  *check(resource, params) {
    const target = parseKubernetesVersion(params.kubernetesVersion);
    const entry = findDeprecatedApi(resource.object.apiVersion, resource.kind);
    if (!target || !entry || !isDeprecatedAt(entry, target)) return;
    const data = {
      kind: resource.kind,
      name: resource.name ?? "(unnamed)",
      apiVersion: entry.apiVersion,
      instead: instead(entry, target)
    };
    if (isRemovedAt(entry, target)) {
      yield {
        messageId: "removed",
        data: { ...data, target: format(target), removedIn: entry.removedIn ?? "" },
        path: ["apiVersion"]
      };
    } else if (params.reportDeprecated) {
      yield {
        messageId: "deprecated",
        data: { ...data, deprecatedIn: entry.deprecatedIn, removal: removal(entry) },
        path: ["apiVersion"]
      };
    }
  }
};
function instead(entry, target) {
  const replacement = replacementAt(entry, target);
  if (replacement) return `use "${replacement.apiVersion}" instead`;
  return entry.alternative ?? `${entry.kind} has no successor API`;
}
function removal(entry) {
  return entry.removedIn === void 0 ? "" : ` and no longer served from ${entry.removedIn}`;
}
function format(version) {
  return `${version.major}.${version.minor}`;
}
var deprecated_api_version_default = rule7;

// rules/drop-all-capabilities.ts
var rule8 = {
  meta: {
    id: "drop-all-capabilities",
    title: "Containers drop all capabilities",
    description: "Drop `ALL` capabilities in every container and add back only those on the allowed list.",
    rationale: [
      "Container runtimes hand every container a default set of Linux capabilities, such as making raw network",
      "packets, changing file ownership or bypassing file permission checks, whether or not the application uses",
      "them. Each one is a tool for an attacker who gets code running in the container, and several have been the",
      "key to past escapes. Dropping them all and adding back only what the application proves it needs (most",
      "often nothing, sometimes NET_BIND_SERVICE to listen on a port below 1024) keeps the container to the least",
      "privilege it can work with. A privileged container keeps every capability whatever it drops; the",
      "`no-privileged` rule reports that."
    ].join(" "),
    remediation: [
      "Add `capabilities: {drop: [ALL]}` to the container’s `securityContext`, written in capitals, and list under",
      "`capabilities.add` only capabilities in `allowedCapabilities`; prefer changing the application (for",
      "instance to listen on a port above 1024) to adding one."
    ].join(" "),
    defaultSeverity: "warning",
    defaultKinds: WORKLOAD_KINDS,
    schema: {
      type: "object",
      additionalProperties: false,
      properties: {
        requiredDropCapabilities: {
          type: "array",
          items: { type: "string", minLength: 1 },
          default: ["ALL"],
          description: "Capabilities every container must drop, compared without regard to case; dropping `ALL` satisfies any list. Empty: no drop is required."
        },
        allowedCapabilities: {
          type: "array",
          items: { type: "string", minLength: 1 },
          default: [],
          description: "Capabilities a container may add, compared without regard to case, such as `NET_BIND_SERVICE`. `*` allows any. Empty: none may be added."
        },
        exemptImages: {
          type: "array",
          items: { type: "string" },
          default: [],
          description: "Images the rule skips, compared with the image as written. An entry ending in `*` matches every image that starts with the rest of it."
        }
      }
    },
    messages: {
      notDropped: '{{type}} "{{container}}" keeps capabilities: securityContext.capabilities.drop does not list {{missing}}',
      dropAllSpelling: '{{type}} "{{container}}" drops "{{written}}": runtimes accept it, but Pod Security admission only recognises "ALL"',
      notAllowed: '{{type}} "{{container}}" adds capability "{{capability}}", which is not allowed (allowed: {{allowed}})'
    },
    example: {
      parameters: { allowedCapabilities: ["NET_BIND_SERVICE"] },
      fail: [
        "apiVersion: apps/v1",
        "kind: DaemonSet",
        "metadata:",
        "  name: proxy",
        "spec:",
        "  selector:",
        "    matchLabels: {app: proxy}",
        "  template:",
        "    metadata:",
        "      labels: {app: proxy}",
        "    spec:",
        "      containers:",
        "        - name: proxy",
        "          image: registry.example.com/proxy:2.0.1",
        "          securityContext:",
        "            capabilities:",
        "              add: [NET_BIND_SERVICE, NET_ADMIN]",
        ""
      ].join("\n"),
      pass: [
        "apiVersion: apps/v1",
        "kind: DaemonSet",
        "metadata:",
        "  name: proxy",
        "spec:",
        "  selector:",
        "    matchLabels: {app: proxy}",
        "  template:",
        "    metadata:",
        "      labels: {app: proxy}",
        "    spec:",
        "      containers:",
        "        - name: proxy",
        "          image: registry.example.com/proxy:2.0.1",
        "          securityContext:",
        "            capabilities:",
        "              drop: [ALL]",
        "              add: [NET_BIND_SERVICE]",
        ""
      ].join("\n")
    }
  },
  *check(resource, params) {
    for (const ref of containersOf(resource)) {
      if (isWindowsPod(ref.podSpec) || isExemptImage(ref.container.image, params.exemptImages)) continue;
      const context = effectiveSecurityContext(ref);
      const dropped = checkDrops(ref, context, params.requiredDropCapabilities);
      if (dropped) yield dropped;
      yield* checkAdds(ref, capabilityEntries(context, "add"), params.allowedCapabilities);
    }
  }
};
function checkDrops(ref, context, required) {
  if (required.length === 0) return void 0;
  const drops = capabilityEntries(context, "drop");
  const data = { type: ref.type, container: ref.name };
  if (drops.some((entry) => entry.name === "ALL")) return void 0;
  const otherCaseAll = drops.find((entry) => normalizeCapability(entry.name) === "ALL");
  if (otherCaseAll) {
    if (!required.some((name) => normalizeCapability(name) === "ALL")) return void 0;
    return { messageId: "dropAllSpelling", data: { ...data, written: otherCaseAll.name }, path: otherCaseAll.path };
  }
  const dropped = new Set(drops.map((entry) => normalizeCapability(entry.name)));
  const missing = required.filter((name) => !dropped.has(normalizeCapability(name)));
  if (missing.length === 0) return void 0;
  const wanted = missing.map((name) => `"${name}"`).join(", ");
  const described = missing.some((name) => normalizeCapability(name) === "ALL") ? wanted : `${wanted} (or "ALL")`;
  return {
    messageId: "notDropped",
    data: { ...data, missing: described },
    path: [...context.containerPath, "capabilities", "drop"]
  };
}
function* checkAdds(ref, adds, allowed) {
  if (allowed.includes("*")) return;
  const permitted = new Set(allowed.map(normalizeCapability));
  const listed = allowed.length === 0 ? "none" : allowed.join(", ");
  for (const entry of adds) {
    if (permitted.has(normalizeCapability(entry.name))) continue;
    yield {
      messageId: "notAllowed",
      data: { type: ref.type, container: ref.name, capability: entry.name, allowed: listed },
      path: entry.path
    };
  }
}
var drop_all_capabilities_default = rule8;

// rules/https-only-ingress.ts
var INGRESS_GROUPS2 = ["networking.k8s.io", "extensions"];
var ALLOW_HTTP = "kubernetes.io/ingress.allow-http";
var rule9 = {
  meta: {
    id: "https-only-ingress",
    title: "Ingresses serve HTTPS only",
    description: "Give every Ingress a TLS section and switch off its plain HTTP listener.",
    rationale: [
      "Traffic that enters the cluster over plain HTTP can be read and altered by anyone on the path: session",
      "cookies, credentials and personal data included. A TLS section makes the controller serve HTTPS, but most",
      "controllers keep answering on port 80 as well unless told not to, so an HTTP link or a downgrade attack still",
      "reaches the service. Both halves are needed for the host to be HTTPS only."
    ].join(" "),
    remediation: [
      "Add a `spec.tls` entry naming the hosts and the Secret that holds their certificate, and set the annotation",
      '`kubernetes.io/ingress.allow-http: "false"` (quoted: annotation values are strings). If TLS is terminated',
      "in front of the cluster, set `tlsOptional: true` on the constraint and keep the annotation."
    ].join(" "),
    defaultSeverity: "error",
    defaultKinds: [{ apiGroups: [...INGRESS_GROUPS2], kinds: ["Ingress"] }],
    schema: {
      type: "object",
      additionalProperties: false,
      properties: {
        tlsOptional: {
          type: "boolean",
          default: false,
          description: "Accept an Ingress without `spec.tls`, for when a load balancer in front of the cluster terminates TLS. The annotation is still required."
        }
      }
    },
    messages: {
      noTls: 'Ingress "{{ingress}}" has no TLS configuration (spec.tls is missing or empty)',
      allowHttp: `Ingress "{{ingress}}" does not set the annotation ${ALLOW_HTTP}: "false", so it also serves plain HTTP`,
      allowHttpNotString: `Ingress "{{ingress}}" sets the annotation ${ALLOW_HTTP} to the boolean false; annotation values are strings, so quote it: "false"`
    },
    example: {
      fail: [
        "apiVersion: networking.k8s.io/v1",
        "kind: Ingress",
        "metadata:",
        "  name: shop",
        "spec:",
        "  rules:",
        "    - host: shop.example.com",
        "      http:",
        "        paths:",
        "          - path: /",
        "            pathType: Prefix",
        "            backend:",
        "              service: {name: shop, port: {number: 80}}",
        ""
      ].join("\n"),
      pass: [
        "apiVersion: networking.k8s.io/v1",
        "kind: Ingress",
        "metadata:",
        "  name: shop",
        "  annotations:",
        '    kubernetes.io/ingress.allow-http: "false"',
        "spec:",
        "  tls:",
        "    - hosts: [shop.example.com]",
        "      secretName: shop-tls",
        "  rules:",
        "    - host: shop.example.com",
        "      http:",
        "        paths:",
        "          - path: /",
        "            pathType: Prefix",
        "            backend:",
        "              service: {name: shop, port: {number: 80}}",
        ""
      ].join("\n")
    }
  },
  *check(resource, params) {
    if (resource.kind !== "Ingress" || !INGRESS_GROUPS2.includes(resource.group)) return;
    const data = { ingress: resource.name ?? "(unnamed)" };
    const tls = getIn(resource.object, ["spec", "tls"]);
    if (!params.tlsOptional && !(Array.isArray(tls) && tls.length > 0)) {
      yield { messageId: "noTls", data, path: ["spec", "tls"] };
    }
    yield* checkAnnotation(resource, data);
  }
};
function* checkAnnotation(resource, data) {
  const path6 = ["metadata", "annotations", ALLOW_HTTP];
  const value = getIn(resource.object, path6);
  if (value === "false") return;
  yield { messageId: value === false ? "allowHttpNotString" : "allowHttp", data, path: path6 };
}
var https_only_ingress_default = rule9;

// rules/image-tag-format.ts
var DEFAULT_PATTERN = "^v?\\d+\\.\\d+\\.\\d+-[0-9a-f]{7,40}$";
var MAX_PATTERN_LENGTH = 500;
var MAX_TAG_LENGTH = 128;
var rule10 = {
  meta: {
    id: "image-tag-format",
    title: "Image tags follow the release format",
    description: "Tag every container image in the agreed release format, such as a version plus a commit hash, or pin it by digest.",
    rationale: [
      "A tag is only useful if it tells you what is running and never moves. A format that joins a semantic version",
      "with the commit the image was built from (`v1.0.1-bfeda01f`) says both which release it is and exactly which",
      "source produced it, so a pod can be traced back to a change and a rollback names a real build. Free-form tags",
      "such as `stable`, `main` or `fix-login` tend to be pushed again and again, so two pods with the same manifest",
      "can run different code. A digest pins the bytes themselves and is accepted unless `allowDigests` is false.",
      "This rule is opt-in and left out of the `recommended` preset, because the format is a team convention and",
      "public images follow their own."
    ].join(" "),
    remediation: [
      "Have CI tag each image with its version and commit hash (`registry.example.com/api:v1.4.2-3f9c2ab1`) and",
      "write that tag into the manifest, or reference the image by digest; set `pattern` to your own format, and",
      "list third-party images you do not build in `exemptImages`. The whole tag must match `pattern` (anchors are",
      `implied), and patterns longer than ${MAX_PATTERN_LENGTH} characters are refused; prefer simple patterns`,
      "without nested repetition such as `(a+)+`."
    ].join(" "),
    defaultSeverity: "error",
    defaultKinds: WORKLOAD_KINDS,
    schema: {
      type: "object",
      additionalProperties: false,
      properties: {
        pattern: {
          type: "string",
          minLength: 1,
          maxLength: MAX_PATTERN_LENGTH,
          default: DEFAULT_PATTERN,
          description: [
            "A JavaScript regular expression that the whole tag must match (it is tested as `^(?:pattern)$`).",
            `At most ${MAX_PATTERN_LENGTH} characters; an invalid expression is refused when the config loads.`,
            "The default accepts a semantic version and a 7 to 40 digit commit hash: `v1.0.1-bfeda01f`, `2.3.0-3f9c2ab`."
          ].join(" ")
        },
        allowDigests: {
          type: "boolean",
          default: true,
          description: "Accept an image pinned by digest (`app@sha256:…`) whatever its tag. When false the tag must match too."
        },
        exemptImages: {
          type: "array",
          items: { type: "string" },
          default: [],
          description: "Images the rule skips, such as third-party images, compared with the image as written. An entry ending in `*` matches every image that starts with the rest of it."
        }
      }
    },
    messages: {
      noTag: '{{type}} "{{container}}" uses image "{{image}}" without a tag, so it does not match the pattern {{pattern}}',
      tagMismatch: '{{type}} "{{container}}" uses image "{{image}}" whose tag "{{tag}}" does not match the pattern {{pattern}}'
    },
    example: {
      fail: [
        "apiVersion: apps/v1",
        "kind: Deployment",
        "metadata:",
        "  name: api",
        "spec:",
        "  selector:",
        "    matchLabels: {app: api}",
        "  template:",
        "    metadata:",
        "      labels: {app: api}",
        "    spec:",
        "      containers:",
        "        - name: api",
        "          image: registry.example.com/api:stable",
        ""
      ].join("\n"),
      pass: [
        "apiVersion: apps/v1",
        "kind: Deployment",
        "metadata:",
        "  name: api",
        "spec:",
        "  selector:",
        "    matchLabels: {app: api}",
        "  template:",
        "    metadata:",
        "      labels: {app: api}",
        "    spec:",
        "      containers:",
        "        - name: api",
        "          image: registry.example.com/api:v1.0.1-bfeda01f",
        ""
      ].join("\n")
    }
  },
  validate(params) {
    const compiled2 = compileTagPattern(params.pattern);
    if (!(compiled2 instanceof Error)) return [];
    return [`pattern "${params.pattern}" is not a valid regular expression: ${compiled2.message}`];
  },
  *check(resource, params) {
    const matcher = compileTagPattern(params.pattern);
    if (matcher instanceof Error) return;
    for (const ref of containersOf(resource)) {
      const violation = checkContainer3(ref, params, matcher);
      if (violation) yield violation;
    }
  }
};
function checkContainer3(ref, params, matcher) {
  const image = ref.container.image;
  if (typeof image !== "string" || isExemptImage(image, params.exemptImages)) return void 0;
  const reference = parseImageReference(image);
  if (!reference) return void 0;
  if (params.allowDigests && reference.digest !== void 0) return void 0;
  const data = { type: ref.type, container: ref.name, image, pattern: `/${params.pattern}/` };
  const path6 = [...ref.path, "image"];
  if (reference.tag === void 0) return { messageId: "noTag", data, path: path6 };
  if (reference.tag.length <= MAX_TAG_LENGTH && matcher.test(reference.tag)) return void 0;
  return { messageId: "tagMismatch", data: { ...data, tag: reference.tag }, path: path6 };
}
function compileTagPattern(pattern) {
  try {
    new RegExp(pattern);
    return new RegExp(anchored(pattern));
  } catch (error) {
    return error instanceof Error ? error : new Error(String(error));
  }
}
function anchored(pattern) {
  return `^(?:${pattern})$`;
}
var image_tag_format_default = rule10;

// rules/namespace-default-deny.ts
var GAPS_KEY = "namespace-default-deny/gaps";
var rule11 = {
  meta: {
    id: "namespace-default-deny",
    title: "Namespaces deny traffic by default",
    description: "Give every namespace a NetworkPolicy that denies all incoming traffic unless another policy allows it.",
    rationale: [
      "Without any NetworkPolicy, every pod accepts connections from every other pod in the cluster, in every",
      "namespace, so one compromised or misconfigured workload can reach all the others, databases and internal",
      "admin endpoints included. Policies in Kubernetes only add permissions once a pod is selected by some policy,",
      "so the safe starting point is a policy that selects all pods of the namespace and allows nothing; each",
      "application then opens exactly the paths it needs with its own policy. Unwanted traffic is refused by",
      "default instead of allowed by default, and the allowed paths are written down where reviewers can see them.",
      "Namespaces the manifests do not create are only judged with `--namespaces-complete`, because their policy",
      "may already exist in the cluster."
    ].join(" "),
    remediation: [
      "Add a NetworkPolicy to the namespace with `podSelector: {}`, `policyTypes: [Ingress]` (and `Egress` if you",
      "restrict outgoing traffic too) and no `ingress` rules, then allow the traffic each application needs with",
      "further policies. This needs a network plugin that enforces NetworkPolicy (Calico, Cilium, …); exclude",
      "namespaces guarded by cluster-wide policies of the plugin with `match.excludedNamespaces`."
    ].join(" "),
    defaultSeverity: "warning",
    defaultKinds: [],
    crossResource: true,
    schema: {
      type: "object",
      additionalProperties: false,
      properties: {
        requireEgress: {
          type: "boolean",
          default: false,
          description: "Also require a default-deny policy for outgoing traffic: `podSelector: {}`, `Egress` in `policyTypes` and no `egress` rules."
        }
      }
    },
    messages: {
      noIngressDeny: 'namespace "{{namespace}}" has no NetworkPolicy in the input that denies incoming traffic by default',
      noEgressDeny: 'namespace "{{namespace}}" has no NetworkPolicy in the input that denies outgoing traffic by default'
    },
    example: {
      fail: ["apiVersion: v1", "kind: Namespace", "metadata:", "  name: shop", ""].join("\n"),
      pass: [
        "apiVersion: v1",
        "kind: Namespace",
        "metadata:",
        "  name: shop",
        "---",
        "apiVersion: networking.k8s.io/v1",
        "kind: NetworkPolicy",
        "metadata:",
        "  name: default-deny",
        "  namespace: shop",
        "spec:",
        "  podSelector: {}",
        "  policyTypes: [Ingress]",
        ""
      ].join("\n")
    }
  },
  *check(resource, params, ctx) {
    const gaps = ctx.inventory.memo(GAPS_KEY, (inventory) => findGaps(inventory, ctx));
    const gap = gaps.get(resource);
    if (!gap) return;
    if (gap.missing.includes("Ingress")) {
      yield { messageId: "noIngressDeny", data: { namespace: gap.namespace }, path: gap.path };
    }
    if (params.requireEgress && gap.missing.includes("Egress")) {
      yield { messageId: "noEgressDeny", data: { namespace: gap.namespace }, path: gap.path };
    }
  }
};
function findGaps(inventory, ctx) {
  const denied = { Ingress: /* @__PURE__ */ new Set(), Egress: /* @__PURE__ */ new Set() };
  for (const policy of inventory.ofKind("networking.k8s.io", "NetworkPolicy")) {
    const namespace = targetNamespace(policy, ctx);
    if (namespace === void 0) continue;
    for (const direction of deniedDirections(policy)) denied[direction].add(namespace);
  }
  const missing = (namespace) => ["Ingress", "Egress"].filter((direction) => !denied[direction].has(namespace));
  const gaps = /* @__PURE__ */ new Map();
  const judged = /* @__PURE__ */ new Set();
  for (const object of inventory.ofKind("", "Namespace")) {
    const name = object.name;
    if (name === void 0 || name === "" || judged.has(name)) continue;
    judged.add(name);
    if (missing(name).length > 0)
      gaps.set(object, { namespace: name, path: ["metadata", "name"], missing: missing(name) });
  }
  if (!ctx.namespacesComplete) return gaps;
  for (const resource of inventory.resources) {
    const namespace = targetNamespace(resource, ctx);
    if (namespace === void 0 || judged.has(namespace)) continue;
    judged.add(namespace);
    const path6 = resource.namespace ? ["metadata", "namespace"] : ["metadata"];
    if (missing(namespace).length > 0) gaps.set(resource, { namespace, path: path6, missing: missing(namespace) });
  }
  return gaps;
}
function deniedDirections(policy) {
  const spec = getIn(policy.object, ["spec"]);
  if (spec !== void 0 && spec !== null && !isRecord(spec)) return [];
  const podSelector = getIn(spec, ["podSelector"]);
  const selector = podSelector === void 0 || podSelector === null ? {} : readLabelSelector(podSelector);
  if (!selector || !isEmptySelector(selector)) return [];
  const written = getIn(spec, ["policyTypes"]);
  const types = Array.isArray(written) ? written : ["Ingress"];
  return ["Ingress", "Egress"].filter((direction) => {
    if (!types.includes(direction)) return false;
    const rules = getIn(spec, [direction.toLowerCase()]);
    return rules === void 0 || rules === null || Array.isArray(rules) && rules.length === 0;
  });
}
var namespace_default_deny_default = rule11;

// rules/namespace-has-limit-range.ts
var GUARD = { group: "", kind: "LimitRange" };
var GAPS_KEY2 = "namespace-has-limit-range/gaps";
var rule12 = {
  meta: {
    id: "namespace-has-limit-range",
    title: "Namespaces have a LimitRange",
    description: "Give every namespace that the manifests create or deploy into a LimitRange.",
    rationale: [
      "Rules about requests and limits only see the manifests in front of them; a LimitRange is the safety net in",
      "the cluster itself. It fills in default requests and limits for containers that leave them out, so no pod",
      "runs unbounded or gets scheduled as if it needed nothing, and it sets the smallest and largest sizes a",
      "container may ask for. It also keeps a ResourceQuota usable: once a quota counts requests or limits, pods",
      "that do not state them are refused, and the LimitRange defaults are what let them in. Namespaces the",
      "manifests do not create are only judged with `--namespaces-complete`, because their LimitRange may already",
      "exist in the cluster. Each namespace is reported once: on its Namespace object, or else on the first",
      "resource in the input deployed into it."
    ].join(" "),
    remediation: [
      "Add a LimitRange to the namespace with a `type: Container` entry that sets `defaultRequest` and `default`",
      "(and, if you wish, `min` and `max`) for `cpu` and `memory`; exclude namespaces you do not own (such as",
      "`kube-system`) with `match.excludedNamespaces`."
    ].join(" "),
    defaultSeverity: "warning",
    defaultKinds: [],
    crossResource: true,
    schema: { type: "object", additionalProperties: false, properties: {} },
    messages: {
      missing: 'namespace "{{namespace}}" has no LimitRange in the input'
    },
    example: {
      fail: ["apiVersion: v1", "kind: Namespace", "metadata:", "  name: shop", ""].join("\n"),
      pass: [
        "apiVersion: v1",
        "kind: Namespace",
        "metadata:",
        "  name: shop",
        "---",
        "apiVersion: v1",
        "kind: LimitRange",
        "metadata:",
        "  name: container-defaults",
        "  namespace: shop",
        "spec:",
        "  limits:",
        "    - type: Container",
        "      defaultRequest: {cpu: 100m, memory: 128Mi}",
        "      default: {cpu: 500m, memory: 512Mi}",
        ""
      ].join("\n")
    }
  },
  *check(resource, _params, ctx) {
    const gaps = ctx.inventory.memo(GAPS_KEY2, (inventory) => findNamespaceGaps(inventory, GUARD, ctx));
    const gap = gaps.get(resource);
    if (gap) yield { messageId: "missing", data: { namespace: gap.namespace }, path: gap.path };
  }
};
var namespace_has_limit_range_default = rule12;

// rules/namespace-has-resource-quota.ts
var GUARD2 = { group: "", kind: "ResourceQuota" };
var GAPS_KEY3 = "namespace-has-resource-quota/gaps";
var rule13 = {
  meta: {
    id: "namespace-has-resource-quota",
    title: "Namespaces have a ResourceQuota",
    description: "Give every namespace that the manifests create or deploy into a ResourceQuota.",
    rationale: [
      "A namespace is how a cluster is shared between teams and environments, but by itself it shares nothing",
      "fairly: one namespace can request every core and gigabyte of the cluster, or create Services and volumes",
      "without end, and a runaway rollout or a forgotten experiment then starves everybody else. A ResourceQuota",
      'caps what the namespace may claim in total, makes its cost visible, and turns "the cluster is full" into a',
      "clear error for the one team that went over its share. Namespaces the manifests do not create are only",
      "judged with `--namespaces-complete`, because their quota may already exist in the cluster. Each namespace",
      "is reported once: on its Namespace object, or else on the first resource in the input deployed into it."
    ].join(" "),
    remediation: [
      "Add a ResourceQuota to the namespace with `spec.hard` entries such as `requests.cpu`, `requests.memory`,",
      "`limits.memory` and `pods`, sized for what the team should use; exclude namespaces you do not own (such as",
      "`kube-system`) with `match.excludedNamespaces`."
    ].join(" "),
    defaultSeverity: "warning",
    defaultKinds: [],
    crossResource: true,
    schema: { type: "object", additionalProperties: false, properties: {} },
    messages: {
      missing: 'namespace "{{namespace}}" has no ResourceQuota in the input'
    },
    example: {
      fail: ["apiVersion: v1", "kind: Namespace", "metadata:", "  name: shop", ""].join("\n"),
      pass: [
        "apiVersion: v1",
        "kind: Namespace",
        "metadata:",
        "  name: shop",
        "---",
        "apiVersion: v1",
        "kind: ResourceQuota",
        "metadata:",
        "  name: compute",
        "  namespace: shop",
        "spec:",
        "  hard:",
        '    requests.cpu: "10"',
        "    requests.memory: 20Gi",
        "    limits.memory: 40Gi",
        '    pods: "50"',
        ""
      ].join("\n")
    }
  },
  *check(resource, _params, ctx) {
    const gaps = ctx.inventory.memo(GAPS_KEY3, (inventory) => findNamespaceGaps(inventory, GUARD2, ctx));
    const gap = gaps.get(resource);
    if (gap) yield { messageId: "missing", data: { namespace: gap.namespace }, path: gap.path };
  }
};
var namespace_has_resource_quota_default = rule13;

// rules/namespace-metadata.ts
var MAX_TESTED_LENGTH = 1024;
var rule14 = {
  meta: {
    id: "namespace-metadata",
    title: "Namespaces say who owns them and when they end",
    description: "Annotate every Namespace with its owner, team and purpose, and give a valid, unexpired TTL where it has one.",
    rationale: [
      "A namespace is a workspace: someone asked for it, a team pays for it, and it exists for a reason. Recording",
      "that on the Namespace itself lets anyone find the person to ask before changing or deleting it, and lets",
      "cost and usage reports group namespaces by team. Workspaces handed out for a project or a developer should",
      "also carry a time to live, so that a cleanup job can remove them once they have served their purpose instead",
      "of leaving forgotten resources behind; a TTL that cannot be parsed, or that has already run out, defeats that."
    ].join(" "),
    remediation: [
      "Add the missing annotations to the Namespace, for example `owner: alice@example.com`, `team: payments` and",
      "`purpose: checkout service`, with a `ttl` of `30d` or an end date such as `2025-06-30` for temporary",
      "workspaces. Extend or remove an expired namespace, or update its TTL if it is still in use."
    ].join(" "),
    defaultSeverity: "warning",
    defaultKinds: [{ apiGroups: [""], kinds: ["Namespace"] }],
    schema: {
      type: "object",
      additionalProperties: false,
      properties: {
        annotations: {
          type: "array",
          default: [{ key: "owner" }, { key: "team" }, { key: "purpose" }],
          description: "The annotations every Namespace needs. `pattern` is a regular expression the value must contain a match of (write `^…$` for the whole value); without it any non-blank value will do. List the TTL key here to make it required.",
          items: {
            type: "object",
            additionalProperties: false,
            required: ["key"],
            properties: {
              key: { type: "string", minLength: 1 },
              pattern: { type: "string" }
            }
          }
        },
        ttlAnnotation: {
          type: "string",
          default: "ttl",
          description: "The annotation holding the time to live: a duration such as `72h` or `30d`, or an end date such as `2025-06-30`. Empty: no TTL check."
        },
        now: {
          type: "string",
          default: "",
          description: "The moment TTLs are compared with, as a date or date-time with a time zone. Empty: the current time. Pin it for reproducible runs."
        }
      }
    },
    messages: {
      missing: 'Namespace "{{name}}" has no {{keys}} {{annotations}}',
      blank: 'Namespace "{{name}}" has a blank "{{key}}" annotation',
      patternMismatch: 'Namespace "{{name}}" annotation "{{key}}" is "{{value}}", which does not match {{pattern}}',
      invalidTtl: 'Namespace "{{name}}" annotation "{{key}}" is "{{value}}", neither a duration such as 72h or 30d nor a date such as 2025-06-30',
      expired: 'Namespace "{{name}}" expired on {{date}} (annotation "{{key}}" is "{{value}}")'
    },
    example: {
      fail: [
        "apiVersion: v1",
        "kind: Namespace",
        "metadata:",
        "  name: checkout-alice",
        "  annotations:",
        "    owner: alice@example.com",
        "    ttl: two weeks",
        ""
      ].join("\n"),
      pass: [
        "apiVersion: v1",
        "kind: Namespace",
        "metadata:",
        "  name: checkout-alice",
        "  annotations:",
        "    owner: alice@example.com",
        "    team: payments",
        "    purpose: checkout service rewrite",
        "    ttl: 14d",
        ""
      ].join("\n")
    }
  },
  validate(params) {
    const problems = params.annotations.flatMap((annotation, index) => {
      const problem = annotation.pattern === void 0 ? void 0 : userRegexProblem(annotation.pattern);
      return problem === void 0 ? [] : [`annotations[${index}].pattern ${problem}`];
    });
    if (params.now !== "" && parseMoment(params.now) === void 0) {
      problems.push(`now "${params.now}" is not a date such as 2025-06-30 or a date-time such as 2025-06-30T12:00:00Z`);
    }
    return problems;
  },
  *check(resource, params) {
    if (resource.group !== "" || resource.kind !== "Namespace") return;
    const name = resource.name ?? "(unnamed)";
    const missing = params.annotations.filter((annotation) => resource.annotations[annotation.key] === void 0);
    if (missing.length > 0) yield missingAnnotations(name, missing);
    for (const annotation of params.annotations) {
      const violation2 = requiredAnnotation(resource, annotation);
      if (violation2) yield { ...violation2, data: { name, key: annotation.key, ...violation2.data } };
    }
    if (params.ttlAnnotation === "") return;
    const required = params.annotations.some((annotation) => annotation.key === params.ttlAnnotation);
    const violation = ttlViolation(resource, params.ttlAnnotation, params.now, required);
    if (violation) yield { ...violation, data: { name, key: params.ttlAnnotation, ...violation.data } };
  }
};
function missingAnnotations(name, missing) {
  const keys = missing.map((annotation) => `"${annotation.key}"`);
  const listed = keys.length === 1 ? keys[0] : `${keys.slice(0, -1).join(", ")} and ${keys.at(-1)}`;
  const path6 = ["metadata", "annotations", ...missing.length === 1 ? [missing[0].key] : []];
  return {
    messageId: "missing",
    data: { name, keys: listed, annotations: missing.length === 1 ? "annotation" : "annotations" },
    path: path6
  };
}
function requiredAnnotation(resource, annotation) {
  const path6 = ["metadata", "annotations", annotation.key];
  const value = resource.annotations[annotation.key];
  if (value === void 0) return void 0;
  if (value.trim() === "") return { messageId: "blank", path: path6 };
  if (annotation.pattern === void 0) return void 0;
  const pattern = compileUserRegex(annotation.pattern);
  if (!(pattern instanceof RegExp) || value.length <= MAX_TESTED_LENGTH && pattern.test(value)) return void 0;
  return { messageId: "patternMismatch", data: { value: shown(value), pattern: `/${annotation.pattern}/` }, path: path6 };
}
function ttlViolation(resource, key, now, required) {
  const value = resource.annotations[key];
  if (value === void 0 || required && value.trim() === "") return void 0;
  const path6 = ["metadata", "annotations", key];
  const ttl = parseTtl(value);
  if (!ttl) return { messageId: "invalidTtl", data: { value: shown(value) }, path: path6 };
  const ends = ttlEnd(ttl, getIn(resource.object, ["metadata", "creationTimestamp"]));
  const moment = now === "" ? Date.now() : parseMoment(now);
  if (ends === void 0 || moment === void 0 || moment < ends) return void 0;
  const date = ttl.kind === "date" && ttl.dateOnly ? ttl.text : new Date(ends).toISOString().replace(".000Z", "Z");
  return { messageId: "expired", data: { value: shown(value), date }, path: path6 };
}
function shown(value) {
  return value.length <= 80 ? value : `${value.slice(0, 79)}…`;
}
var namespace_metadata_default = rule14;

// rules/namespace-pod-security.ts
var LEVELS = ["privileged", "baseline", "restricted"];
var ENFORCE = "pod-security.kubernetes.io/enforce";
var ENFORCE_VERSION = "pod-security.kubernetes.io/enforce-version";
var VERSION2 = /^(latest|v1\.(0|[1-9][0-9]*))$/;
var rule15 = {
  meta: {
    id: "namespace-pod-security",
    title: "Namespaces enforce a Pod Security Standard",
    description: "Label every Namespace with `pod-security.kubernetes.io/enforce` at the required level or stricter.",
    rationale: [
      "The built-in Pod Security admission controller rejects pods that break a namespace’s Pod Security",
      "Standard, which catches privileged containers, host namespaces, host paths and the like whatever tool",
      "created the pod. But it only does so for namespaces that say which standard to enforce: without the label",
      "a namespace gets the cluster default, which is `privileged` (no checks at all) unless the administrator",
      "changed it. Declaring the level next to the namespace makes the guarantee visible in review and keeps it",
      "when the namespace is recreated in another cluster."
    ].join(" "),
    remediation: [
      "Add the label `pod-security.kubernetes.io/enforce` with the value `baseline` or `restricted` (at least the",
      "required `level`) to the Namespace’s `metadata.labels`, optionally with `enforce-version` pinned to a",
      "release and `warn`/`audit` labels set to the next stricter level to prepare the move."
    ].join(" "),
    defaultSeverity: "warning",
    defaultKinds: [{ apiGroups: [""], kinds: ["Namespace"] }],
    schema: {
      type: "object",
      additionalProperties: false,
      properties: {
        level: {
          type: "string",
          enum: [...LEVELS],
          default: "baseline",
          description: "The least strict level a Namespace may enforce: `privileged`, `baseline` or `restricted`. With `privileged` only a missing or invalid label is reported."
        }
      }
    },
    messages: {
      missing: 'Namespace "{{namespace}}" has no pod-security.kubernetes.io/enforce label (want {{level}} or stricter)',
      unknown: 'Namespace "{{namespace}}" sets pod-security.kubernetes.io/enforce to "{{value}}", which is not privileged, baseline or restricted',
      tooLow: 'Namespace "{{namespace}}" enforces the Pod Security level "{{value}}", below the required "{{level}}"',
      invalidVersion: 'Namespace "{{namespace}}" sets pod-security.kubernetes.io/enforce-version to "{{value}}", which is not "latest" or "v1.<minor>"'
    },
    example: {
      fail: [
        "apiVersion: v1",
        "kind: Namespace",
        "metadata:",
        "  name: shop",
        "  labels:",
        "    team: checkout",
        ""
      ].join("\n"),
      pass: [
        "apiVersion: v1",
        "kind: Namespace",
        "metadata:",
        "  name: shop",
        "  labels:",
        "    team: checkout",
        "    pod-security.kubernetes.io/enforce: restricted",
        "    pod-security.kubernetes.io/enforce-version: latest",
        ""
      ].join("\n")
    }
  },
  *check(resource, params) {
    if (resource.kind !== "Namespace" || resource.group !== "") return;
    const labels = getIn(resource.object, ["metadata", "labels"]);
    const namespace = resource.name ?? "(unnamed)";
    const enforce = isRecord(labels) ? labels[ENFORCE] : void 0;
    const enforcePath = ["metadata", "labels", ENFORCE];
    if (enforce === void 0 || enforce === null) {
      yield { messageId: "missing", data: { namespace, level: params.level }, path: enforcePath };
    } else if (!isLevel(enforce)) {
      yield { messageId: "unknown", data: { namespace, value: describe(enforce) }, path: enforcePath };
    } else if (LEVELS.indexOf(enforce) < LEVELS.indexOf(params.level)) {
      yield { messageId: "tooLow", data: { namespace, value: enforce, level: params.level }, path: enforcePath };
    }
    yield* checkVersion(labels, namespace);
  }
};
function* checkVersion(labels, namespace) {
  const version = isRecord(labels) ? labels[ENFORCE_VERSION] : void 0;
  if (version === void 0 || version === null || typeof version === "string" && VERSION2.test(version)) return;
  yield {
    messageId: "invalidVersion",
    data: { namespace, value: describe(version) },
    path: ["metadata", "labels", ENFORCE_VERSION]
  };
}
function isLevel(value) {
  return typeof value === "string" && LEVELS.includes(value);
}
function describe(value) {
  return typeof value === "string" || typeof value === "number" || typeof value === "boolean" ? String(value) : JSON.stringify(value);
}
var namespace_pod_security_default = rule15;

// rules/no-host-namespaces.ts
var SHARED = {
  hostNetwork: "network namespace",
  hostPID: "process (PID) namespace",
  hostIPC: "IPC namespace"
};
var FIELDS = Object.keys(SHARED);
var rule16 = {
  meta: {
    id: "no-host-namespaces",
    title: "Pods do not share the node’s namespaces",
    description: "Leave `hostNetwork`, `hostPID` and `hostIPC` unset or false in every pod spec.",
    rationale: [
      "Namespaces are what make a container see only its own processes, network and shared memory. A pod that",
      "joins the node’s network namespace can listen on any node port, reach services bound to the node’s",
      "localhost and bypass network policies; one that joins the process namespace can see, signal and trace every",
      "process on the node, and read their environment and secrets; one that joins the IPC namespace can read",
      "shared memory of other workloads. Only node-level agents have a reason for this, and they are better",
      "reviewed one by one than allowed by default."
    ].join(" "),
    remediation: [
      "Remove `hostNetwork`, `hostPID` and `hostIPC` from the pod spec (or set them to false). Expose network",
      "services through a Service or an Ingress instead of the node’s interfaces; for a node agent that really",
      "needs one, exclude it with the constraint’s `match` or limit `fields`."
    ].join(" "),
    defaultSeverity: "error",
    defaultKinds: WORKLOAD_KINDS,
    schema: {
      type: "object",
      additionalProperties: false,
      properties: {
        fields: {
          type: "array",
          items: { type: "string", enum: FIELDS },
          uniqueItems: true,
          default: FIELDS,
          description: "The pod fields that must not be true: any of `hostNetwork`, `hostPID` and `hostIPC`."
        }
      }
    },
    messages: {
      hostNamespace: "the pod sets {{field}}: true, so it shares the {{shared}} of its node"
    },
    example: {
      fail: [
        "apiVersion: v1",
        "kind: Pod",
        "metadata:",
        "  name: monitor",
        "spec:",
        "  hostNetwork: true",
        "  hostPID: true",
        "  containers:",
        "    - name: monitor",
        "      image: registry.example.com/monitor:5.3.1",
        ""
      ].join("\n"),
      pass: [
        "apiVersion: v1",
        "kind: Pod",
        "metadata:",
        "  name: monitor",
        "spec:",
        "  containers:",
        "    - name: monitor",
        "      image: registry.example.com/monitor:5.3.1",
        "      ports:",
        "        - containerPort: 9100",
        ""
      ].join("\n")
    }
  },
  *check(resource, params) {
    const podSpec = podSpecOf(resource);
    if (!podSpec) return;
    for (const field of FIELDS) {
      if (!params.fields.includes(field) || podSpec.spec[field] !== true) continue;
      yield { messageId: "hostNamespace", data: { field, shared: SHARED[field] }, path: [...podSpec.path, field] };
    }
  }
};
var no_host_namespaces_default = rule16;

// rules/no-host-path.ts
var rule17 = {
  meta: {
    id: "no-host-path",
    title: "Pods do not mount host directories",
    description: "Use no `hostPath` volume, except under an allowed path prefix.",
    rationale: [
      "A hostPath volume puts a piece of the node’s filesystem inside the container. Depending on the path that",
      "means reading other pods’ secrets and logs, talking to the container runtime’s socket (which amounts to root",
      "on the node), or writing files the node itself will execute. It also ties the pod to whatever happens to be",
      "on that node, so it behaves differently after rescheduling. Application data belongs in volumes the",
      "cluster manages; the few node agents that must read host files should be limited to known paths, and",
      "to read-only access where they only read."
    ].join(" "),
    remediation: [
      "Replace the hostPath volume with an `emptyDir`, a ConfigMap or Secret, or a PersistentVolumeClaim. If a",
      "node agent needs host files, add the narrowest directory to `allowedPathPrefixes`, or to",
      "`readOnlyPathPrefixes` and mount it with `readOnly: true` in every container."
    ].join(" "),
    defaultSeverity: "error",
    defaultKinds: WORKLOAD_KINDS,
    schema: {
      type: "object",
      additionalProperties: false,
      properties: {
        allowedPathPrefixes: {
          type: "array",
          items: { type: "string", minLength: 1 },
          default: [],
          description: "Host paths that may be mounted, with whatever is below them. Prefixes match whole path segments: `/var/log` allows `/var/log/app` but not `/var/logs`; `/` allows everything."
        },
        readOnlyPathPrefixes: {
          type: "array",
          items: { type: "string", minLength: 1 },
          default: [],
          description: "Host paths that may be mounted only if every container that mounts the volume sets `readOnly: true`. Matched like `allowedPathPrefixes`."
        }
      }
    },
    messages: {
      hostPath: 'volume "{{volume}}" mounts host path "{{path}}"',
      notAllowed: 'volume "{{volume}}" mounts host path "{{path}}", which is under no allowed prefix ({{allowed}})',
      writableMount: '{{type}} "{{container}}" mounts volume "{{volume}}" (host path "{{path}}") writable, but that path may only be mounted read-only'
    },
    example: {
      parameters: { readOnlyPathPrefixes: ["/var/log"] },
      fail: [
        "apiVersion: apps/v1",
        "kind: DaemonSet",
        "metadata:",
        "  name: log-shipper",
        "spec:",
        "  selector:",
        "    matchLabels: {app: log-shipper}",
        "  template:",
        "    metadata:",
        "      labels: {app: log-shipper}",
        "    spec:",
        "      containers:",
        "        - name: shipper",
        "          image: registry.example.com/shipper:4.0.2",
        "          volumeMounts:",
        "            - {name: logs, mountPath: /logs}",
        "            - {name: runtime, mountPath: /run/containerd}",
        "      volumes:",
        "        - name: logs",
        "          hostPath: {path: /var/log}",
        "        - name: runtime",
        "          hostPath: {path: /run/containerd}",
        ""
      ].join("\n"),
      pass: [
        "apiVersion: apps/v1",
        "kind: DaemonSet",
        "metadata:",
        "  name: log-shipper",
        "spec:",
        "  selector:",
        "    matchLabels: {app: log-shipper}",
        "  template:",
        "    metadata:",
        "      labels: {app: log-shipper}",
        "    spec:",
        "      containers:",
        "        - name: shipper",
        "          image: registry.example.com/shipper:4.0.2",
        "          volumeMounts:",
        "            - {name: logs, mountPath: /logs, readOnly: true}",
        "      volumes:",
        "        - name: logs",
        "          hostPath: {path: /var/log}",
        ""
      ].join("\n")
    }
  },
  *check(resource, params) {
    const podSpec = podSpecOf(resource);
    if (!podSpec) return;
    const allowed = params.allowedPathPrefixes;
    const readOnly = params.readOnlyPathPrefixes;
    for (const volume of hostPathVolumes(podSpec)) {
      if (isUnderAny(volume.hostPath, allowed)) continue;
      if (isUnderAny(volume.hostPath, readOnly)) {
        yield* writableMounts(resource, volume);
        continue;
      }
      const data = { volume: volume.name, path: volume.hostPath };
      const path6 = [...podSpec.path, "volumes", volume.index, "hostPath", "path"];
      const prefixes = [...allowed, ...readOnly];
      if (prefixes.length === 0) yield { messageId: "hostPath", data, path: path6 };
      else yield { messageId: "notAllowed", data: { ...data, allowed: prefixes.join(", ") }, path: path6 };
    }
  }
};
function hostPathVolumes(podSpec) {
  const volumes = podSpec.spec.volumes;
  if (!Array.isArray(volumes)) return [];
  return volumes.flatMap((volume, index) => {
    if (!isRecord(volume) || !isRecord(volume.hostPath)) return [];
    const name = typeof volume.name === "string" ? volume.name : `#${index}`;
    const hostPath2 = typeof volume.hostPath.path === "string" ? volume.hostPath.path : "";
    return [{ index, name, hostPath: hostPath2 }];
  });
}
function* writableMounts(resource, volume) {
  for (const ref of containersOf(resource)) {
    for (const mount of mountsOf(ref, volume.name)) {
      if (mount.readOnly) continue;
      yield {
        messageId: "writableMount",
        data: { type: ref.type, container: ref.name, volume: volume.name, path: volume.hostPath },
        path: [...mount.path, "readOnly"]
      };
    }
  }
}
function mountsOf(ref, volumeName) {
  const mounts = ref.container.volumeMounts;
  if (!Array.isArray(mounts)) return [];
  return mounts.flatMap(
    (mount, index) => getIn(mount, ["name"]) === volumeName ? [{ path: [...ref.path, "volumeMounts", index], readOnly: getIn(mount, ["readOnly"]) === true }] : []
  );
}
function isUnderAny(hostPath2, prefixes) {
  const path6 = segments(hostPath2);
  if (!path6) return false;
  return prefixes.some((prefix) => {
    const head = segments(prefix);
    return head !== void 0 && head.length <= path6.length && head.every((part, index) => part === path6[index]);
  });
}
function segments(path6) {
  const parts = path6.split("/").filter((part) => part !== "" && part !== ".");
  return parts.includes("..") ? void 0 : parts;
}
var no_host_path_default = rule17;

// rules/no-host-ports.ts
var rule18 = {
  meta: {
    id: "no-host-ports",
    title: "Containers do not bind host ports",
    description: "Set no `hostPort` on container ports, except within the allowed range.",
    rationale: [
      "A hostPort makes the node itself listen for the container, on every address of the node. That bypasses",
      "the Service layer and most network policies, exposes the workload wherever the node is reachable, and",
      "limits the workload to one pod per node for each port, so scheduling fails in ways that are hard to",
      "diagnose. Services, Ingresses and, for node agents, a narrow allowed range cover the legitimate needs."
    ].join(" "),
    remediation: [
      "Remove `hostPort` and reach the container through a Service (type ClusterIP, NodePort or LoadBalancer)",
      "or an Ingress. If a node agent must own a port on each node, set `min` and `max` to the range you allow."
    ].join(" "),
    defaultSeverity: "error",
    defaultKinds: WORKLOAD_KINDS,
    schema: {
      type: "object",
      additionalProperties: false,
      properties: {
        min: {
          type: "integer",
          minimum: 0,
          maximum: 65535,
          default: 0,
          description: "The lowest host port allowed. With `max`, an inclusive range; both 0: no host port is allowed."
        },
        max: {
          type: "integer",
          minimum: 0,
          maximum: 65535,
          default: 0,
          description: "The highest host port allowed (inclusive). 0: no host port is allowed."
        },
        exemptImages: {
          type: "array",
          items: { type: "string" },
          default: [],
          description: "Images the rule skips, compared with the image as written. An entry ending in `*` matches every image that starts with the rest of it."
        }
      }
    },
    messages: {
      hostPort: '{{type}} "{{container}}" binds host port {{port}}',
      outsideRange: '{{type}} "{{container}}" binds host port {{port}}, outside the allowed range {{min}}-{{max}}'
    },
    example: {
      fail: [
        "apiVersion: apps/v1",
        "kind: Deployment",
        "metadata:",
        "  name: web",
        "spec:",
        "  selector:",
        "    matchLabels: {app: web}",
        "  template:",
        "    metadata:",
        "      labels: {app: web}",
        "    spec:",
        "      containers:",
        "        - name: web",
        "          image: registry.example.com/web:3.2.0",
        "          ports:",
        "            - containerPort: 8080",
        "              hostPort: 80",
        ""
      ].join("\n"),
      pass: [
        "apiVersion: apps/v1",
        "kind: Deployment",
        "metadata:",
        "  name: web",
        "spec:",
        "  selector:",
        "    matchLabels: {app: web}",
        "  template:",
        "    metadata:",
        "      labels: {app: web}",
        "    spec:",
        "      containers:",
        "        - name: web",
        "          image: registry.example.com/web:3.2.0",
        "          ports:",
        "            - containerPort: 8080",
        ""
      ].join("\n")
    }
  },
  validate(params) {
    return params.min > params.max ? [`min (${params.min}) is above max (${params.max})`] : [];
  },
  *check(resource, params) {
    for (const ref of containersOf(resource)) {
      if (isExemptImage(ref.container.image, params.exemptImages)) continue;
      yield* checkPorts(ref, params);
    }
  }
};
function* checkPorts(ref, params) {
  const ports = ref.container.ports;
  if (!Array.isArray(ports)) return;
  const ranged = params.max > 0;
  for (const [index, entry] of ports.entries()) {
    const port = getIn(entry, ["hostPort"]);
    if (typeof port !== "number" || port === 0) continue;
    if (ranged && port >= params.min && port <= params.max) continue;
    const data = { type: ref.type, container: ref.name, port };
    const path6 = [...ref.path, "ports", index, "hostPort"];
    if (ranged) yield { messageId: "outsideRange", data: { ...data, min: params.min, max: params.max }, path: path6 };
    else yield { messageId: "hostPort", data, path: path6 };
  }
}
var no_host_ports_default = rule18;

// rules/no-latest-tag.ts
var rule19 = {
  meta: {
    id: "no-latest-tag",
    title: "Images name a fixed version",
    description: "Reference every container image by a version tag or a digest, never by `latest` or no tag at all.",
    rationale: [
      "`latest` (which is also what an image without a tag means) is a moving pointer, not a version. Two nodes can",
      "run different code under the same manifest, a restarted pod can pick up a release nobody deployed, and a",
      "rollback cannot return to a known state because the old image is no longer named anywhere. A tag that is",
      "never reused, such as a release number or a commit hash, or a digest, makes every rollout reproducible."
    ].join(" "),
    remediation: [
      "Reference the image by an immutable tag (`registry.example.com/web:1.4.2` or a commit hash) or by digest",
      "(`registry.example.com/web@sha256:…`), ideally written by your CI pipeline when it pushes the image."
    ].join(" "),
    defaultSeverity: "error",
    defaultKinds: WORKLOAD_KINDS,
    schema: {
      type: "object",
      additionalProperties: false,
      properties: {
        disallowedTags: {
          type: "array",
          items: { type: "string" },
          default: ["latest"],
          description: "Tags that do not name a fixed version. Compared exactly, so `Latest` is a different tag."
        },
        exemptImages: {
          type: "array",
          items: { type: "string" },
          default: [],
          description: "Images the rule skips, compared with the image as written. An entry ending in `*` matches every image that starts with the rest of it."
        }
      }
    },
    messages: {
      noTag: '{{type}} "{{container}}" uses image "{{image}}" without a tag, which pulls "latest"',
      disallowedTag: '{{type}} "{{container}}" uses image "{{image}}" with the tag "{{tag}}"'
    },
    example: {
      fail: [
        "apiVersion: v1",
        "kind: Pod",
        "metadata:",
        "  name: web",
        "spec:",
        "  containers:",
        "    - name: web",
        "      image: nginx:latest",
        "    - name: metrics",
        "      image: localhost:5000/exporter",
        ""
      ].join("\n"),
      pass: [
        "apiVersion: v1",
        "kind: Pod",
        "metadata:",
        "  name: web",
        "spec:",
        "  containers:",
        "    - name: web",
        "      image: nginx:1.27.3",
        "    - name: metrics",
        "      image: localhost:5000/exporter@sha256:0d1f3ad0c9f1ac1d0a9ae6b5f63c3e7bd5be7c0d1a1c3b9e7ec6ea8f2b8d1e2f",
        ""
      ].join("\n")
    }
  },
  *check(resource, params) {
    for (const ref of containersOf(resource)) {
      const image = ref.container.image;
      if (typeof image !== "string" || isExemptImage(image, params.exemptImages)) continue;
      const reference = parseImageReference(image);
      if (!reference || reference.digest !== void 0) continue;
      const data = { type: ref.type, container: ref.name, image };
      const path6 = [...ref.path, "image"];
      if (reference.tag === void 0) yield { messageId: "noTag", data, path: path6 };
      else if ((params.disallowedTags ?? []).includes(reference.tag)) {
        yield { messageId: "disallowedTag", data: { ...data, tag: reference.tag }, path: path6 };
      }
    }
  }
};
var no_latest_tag_default = rule19;

// rules/no-privilege-escalation.ts
var MESSAGE_FOR_REASON = {
  default: "notDisabled",
  explicit: "allowed",
  privileged: "privileged",
  sysAdmin: "sysAdmin"
};
var rule20 = {
  meta: {
    id: "no-privilege-escalation",
    title: "Containers cannot gain privileges",
    description: "Set `securityContext.allowPrivilegeEscalation: false` on every container.",
    rationale: [
      "Unless told otherwise, a process in a container may gain more privileges than it started with, for",
      "instance by running a setuid-root binary or one with file capabilities. An attacker who gets code running",
      "as an unprivileged user can then climb to root inside the container, which is the first step of most",
      "container escapes. Setting the field to false makes the runtime set the kernel’s no_new_privs flag, which",
      "closes that path for good. The field has to be written explicitly: leaving it out means escalation is",
      "allowed. It has no effect on a privileged container or one that adds CAP_SYS_ADMIN, so those are reported",
      "even when the field says false."
    ].join(" "),
    remediation: [
      "Add `allowPrivilegeEscalation: false` to the container’s `securityContext`, and remove `privileged: true`",
      "and any `SYS_ADMIN` capability, which keep escalation possible (the API server rejects them together with",
      "the field set to false)."
    ].join(" "),
    defaultSeverity: "warning",
    defaultKinds: WORKLOAD_KINDS,
    schema: {
      type: "object",
      additionalProperties: false,
      properties: {
        exemptImages: {
          type: "array",
          items: { type: "string" },
          default: [],
          description: "Images the rule skips, compared with the image as written. An entry ending in `*` matches every image that starts with the rest of it."
        }
      }
    },
    messages: {
      notDisabled: '{{type}} "{{container}}" does not set securityContext.allowPrivilegeEscalation to false, so it is allowed',
      allowed: '{{type}} "{{container}}" sets securityContext.allowPrivilegeEscalation to true',
      privileged: '{{type}} "{{container}}" runs privileged, which always allows privilege escalation',
      sysAdmin: '{{type}} "{{container}}" adds capability "{{capability}}", which always allows privilege escalation'
    },
    example: {
      fail: [
        "apiVersion: apps/v1",
        "kind: Deployment",
        "metadata:",
        "  name: api",
        "spec:",
        "  selector:",
        "    matchLabels: {app: api}",
        "  template:",
        "    metadata:",
        "      labels: {app: api}",
        "    spec:",
        "      containers:",
        "        - name: api",
        "          image: registry.example.com/api:1.4.2",
        ""
      ].join("\n"),
      pass: [
        "apiVersion: apps/v1",
        "kind: Deployment",
        "metadata:",
        "  name: api",
        "spec:",
        "  selector:",
        "    matchLabels: {app: api}",
        "  template:",
        "    metadata:",
        "      labels: {app: api}",
        "    spec:",
        "      containers:",
        "        - name: api",
        "          image: registry.example.com/api:1.4.2",
        "          securityContext:",
        "            allowPrivilegeEscalation: false",
        ""
      ].join("\n")
    }
  },
  *check(resource, params) {
    for (const ref of containersOf(resource)) {
      if (isWindowsPod(ref.podSpec) || isExemptImage(ref.container.image, params.exemptImages)) continue;
      const escalation = privilegeEscalation(effectiveSecurityContext(ref));
      if (!escalation.allowed) continue;
      const data = { type: ref.type, container: ref.name };
      if (escalation.capability !== void 0) data.capability = escalation.capability;
      yield { messageId: MESSAGE_FOR_REASON[escalation.reason], data, path: escalation.path };
    }
  }
};
var no_privilege_escalation_default = rule20;

// rules/no-privileged.ts
var rule21 = {
  meta: {
    id: "no-privileged",
    title: "Containers do not run privileged",
    description: "Never set `securityContext.privileged: true` on a container.",
    rationale: [
      "A privileged container gets every Linux capability, sees all of the node’s devices, and runs without the",
      "seccomp, AppArmor and SELinux confinement the runtime otherwise applies. Whoever controls its process",
      "controls the node: they can load kernel modules, mount the host’s disks and read every other pod’s data.",
      "Ordinary applications never need this, and the few system agents that do are better granted the one",
      "capability or device they use, reviewed case by case."
    ].join(" "),
    remediation: [
      "Remove `privileged: true` (or set it to `false`). If the container needs one specific power, such as",
      "binding a low port or changing network settings, add only that capability under",
      "`securityContext.capabilities.add` and keep the rest dropped; exempt a trusted system image with",
      "`exemptImages` if it truly needs full access."
    ].join(" "),
    defaultSeverity: "error",
    defaultKinds: WORKLOAD_KINDS,
    schema: {
      type: "object",
      additionalProperties: false,
      properties: {
        exemptImages: {
          type: "array",
          items: { type: "string" },
          default: [],
          description: "Images the rule skips, compared with the image as written. An entry ending in `*` matches every image that starts with the rest of it."
        }
      }
    },
    messages: {
      privileged: '{{type}} "{{container}}" runs privileged (securityContext.privileged: true)'
    },
    example: {
      fail: [
        "apiVersion: v1",
        "kind: Pod",
        "metadata:",
        "  name: debug",
        "spec:",
        "  containers:",
        "    - name: shell",
        "      image: registry.example.com/tools:2.1",
        "      securityContext:",
        "        privileged: true",
        ""
      ].join("\n"),
      pass: [
        "apiVersion: v1",
        "kind: Pod",
        "metadata:",
        "  name: debug",
        "spec:",
        "  containers:",
        "    - name: shell",
        "      image: registry.example.com/tools:2.1",
        "      securityContext:",
        "        privileged: false",
        "        capabilities:",
        "          add: [NET_ADMIN]",
        ""
      ].join("\n")
    }
  },
  *check(resource, params) {
    for (const ref of containersOf(resource)) {
      if (isExemptImage(ref.container.image, params.exemptImages)) continue;
      const { privileged } = effectiveSecurityContext(ref);
      if (privileged.value === true) {
        yield { messageId: "privileged", data: { type: ref.type, container: ref.name }, path: privileged.path };
      }
    }
  }
};
var no_privileged_default = rule21;

// rules/no-public-services.ts
var equalsAny = (...accepted) => (value) => accepted.includes(value);
var INTERNAL_LOAD_BALANCER = [
  ["service.beta.kubernetes.io/aws-load-balancer-internal", (value) => value !== "" && value !== "false"],
  ["service.beta.kubernetes.io/aws-load-balancer-scheme", equalsAny("internal")],
  ["service.beta.kubernetes.io/azure-load-balancer-internal", equalsAny("true")],
  ["networking.gke.io/load-balancer-type", equalsAny("internal")],
  ["cloud.google.com/load-balancer-type", equalsAny("internal")],
  ["service.beta.kubernetes.io/openstack-internal-load-balancer", equalsAny("true")],
  ["service.beta.kubernetes.io/oci-load-balancer-internal", equalsAny("true")],
  ["service.kubernetes.io/ibm-load-balancer-cloud-provider-ip-type", equalsAny("private")],
  ["service.beta.kubernetes.io/alibaba-cloud-loadbalancer-address-type", equalsAny("intranet")]
];
var rule22 = {
  meta: {
    id: "no-public-services",
    title: "Services are not exposed outside the cluster",
    description: "Keep Services internal (ClusterIP) and expose HTTP traffic through an Ingress instead.",
    rationale: [
      "A NodePort Service opens a port on every node of the cluster, a LoadBalancer Service asks the cloud for a",
      "public address, and `externalIPs` route outside traffic for any address to the Service. Each one puts an",
      "application on the network edge directly, without the TLS termination, host and path routing, access logs,",
      "rate limits and authentication that an Ingress controller or gateway provides, and each adds a firewall",
      "opening or a paid load balancer per Service. `externalIPs` can also be used to intercept traffic meant for",
      "other addresses. Exposing services deliberately, through one well-guarded entry point, keeps the attack",
      "surface small and visible."
    ].join(" "),
    remediation: [
      "Use `type: ClusterIP` (the default) and route outside traffic through an Ingress or a Gateway. For a Service",
      "that must be reachable from outside (an ingress controller, a database for another network), exclude it",
      "with the constraint's `match` (`name`, `namespaces` or `labelSelector`), or set the matching `allow…`",
      "parameter; prefer an internal load balancer where the clients are on your own network."
    ].join(" "),
    defaultSeverity: "warning",
    defaultKinds: [{ apiGroups: [""], kinds: ["Service"] }],
    schema: {
      type: "object",
      additionalProperties: false,
      properties: {
        allowNodePort: {
          type: "boolean",
          default: false,
          description: "Accept Services of `type: NodePort`."
        },
        allowLoadBalancer: {
          type: "boolean",
          default: false,
          description: "Accept Services of `type: LoadBalancer`, internal or not."
        },
        allowInternalLoadBalancer: {
          type: "boolean",
          default: true,
          description: [
            "Accept a `LoadBalancer` Service that a cloud provider annotation makes internal, such as",
            "`networking.gke.io/load-balancer-type: Internal` or `service.beta.kubernetes.io/aws-load-balancer-internal:",
            '"true"` (also Azure, OpenStack, OCI, IBM and Alibaba Cloud).'
          ].join(" ")
        },
        allowExternalIPs: {
          type: "boolean",
          default: false,
          description: "Accept Services that list `spec.externalIPs`."
        }
      }
    },
    messages: {
      nodePort: "{{object}} is of type NodePort, which opens its ports on every node",
      loadBalancer: "{{object}} is of type LoadBalancer, which gives it an address outside the cluster",
      externalIPs: "{{object}} lists externalIPs ({{ips}}), which route outside traffic to it"
    },
    example: {
      fail: [
        "apiVersion: v1",
        "kind: Service",
        "metadata:",
        "  name: web",
        "spec:",
        "  type: LoadBalancer",
        "  selector: {app: web}",
        "  ports:",
        "    - port: 80",
        "      targetPort: 8080",
        ""
      ].join("\n"),
      pass: [
        "apiVersion: v1",
        "kind: Service",
        "metadata:",
        "  name: web",
        "spec:",
        "  selector: {app: web}",
        "  ports:",
        "    - port: 80",
        "      targetPort: 8080",
        "---",
        "apiVersion: networking.k8s.io/v1",
        "kind: Ingress",
        "metadata:",
        "  name: web",
        "spec:",
        "  rules:",
        "    - host: web.example.com",
        "      http:",
        "        paths:",
        "          - path: /",
        "            pathType: Prefix",
        "            backend:",
        "              service: {name: web, port: {number: 80}}",
        ""
      ].join("\n")
    }
  },
  *check(resource, params) {
    if (resource.group !== "" || resource.kind !== "Service") return;
    const object = describeObject(resource);
    const type = getIn(resource.object, ["spec", "type"]);
    if (type === "NodePort" && !params.allowNodePort) {
      yield { messageId: "nodePort", data: { object }, path: ["spec", "type"] };
    }
    if (type === "LoadBalancer" && !params.allowLoadBalancer) {
      if (!(params.allowInternalLoadBalancer && isInternalLoadBalancer(resource))) {
        yield { messageId: "loadBalancer", data: { object }, path: ["spec", "type"] };
      }
    }
    const ips = getIn(resource.object, ["spec", "externalIPs"]);
    if (Array.isArray(ips) && ips.length > 0 && !params.allowExternalIPs) {
      yield {
        messageId: "externalIPs",
        data: { object, ips: ips.map(String).join(", ") },
        path: ["spec", "externalIPs"]
      };
    }
  }
};
function isInternalLoadBalancer(resource) {
  return INTERNAL_LOAD_BALANCER.some(([key, test]) => {
    const value = resource.annotations[key];
    return value !== void 0 && test(value.trim().toLowerCase());
  });
}
var no_public_services_default = rule22;

// rules/pdb-for-replicated-workloads.ts
var WORKLOAD_KINDS2 = ["Deployment", "StatefulSet"];
var INDEX_KEY2 = "pdb-for-replicated-workloads/budgets";
var rule23 = {
  meta: {
    id: "pdb-for-replicated-workloads",
    title: "Replicated workloads have a PodDisruptionBudget",
    description: "Cover every Deployment and StatefulSet with more than one replica by a PodDisruptionBudget that selects its pods.",
    rationale: [
      "Nodes are drained all the time: for upgrades, by the cluster autoscaler, when spot capacity goes away. A",
      "drain evicts pods, and without a PodDisruptionBudget nothing stops it from evicting every replica of a",
      "service at once, so an ordinary maintenance task becomes an outage. A budget states how many pods must stay",
      "up (or how many may be down), and the eviction API waits rather than break it. Only workloads that ask for",
      "more than one replica are checked: a single replica cannot be kept up through a drain anyway, and a budget",
      "that allows no eviction would block the drain instead."
    ].join(" "),
    remediation: [
      "Add a PodDisruptionBudget in the same namespace whose `spec.selector` matches the labels of the pod",
      "template, with `maxUnavailable: 1` or a `minAvailable` below the replica count."
    ].join(" "),
    defaultSeverity: "warning",
    defaultKinds: [{ apiGroups: ["apps"], kinds: [...WORKLOAD_KINDS2] }],
    crossResource: true,
    schema: { type: "object", additionalProperties: false, properties: {} },
    messages: {
      noBudget: '{{kind}} "{{name}}" runs {{replicas}} replicas but no PodDisruptionBudget{{where}} selects its pods'
    },
    example: {
      fail: [
        "apiVersion: apps/v1",
        "kind: Deployment",
        "metadata: {name: api, namespace: shop}",
        "spec:",
        "  replicas: 3",
        "  selector:",
        "    matchLabels: {app: api}",
        "  template:",
        "    metadata:",
        "      labels: {app: api}",
        "    spec:",
        "      containers:",
        "        - name: api",
        "          image: registry.example.com/api:1.4.2",
        ""
      ].join("\n"),
      pass: [
        "apiVersion: apps/v1",
        "kind: Deployment",
        "metadata: {name: api, namespace: shop}",
        "spec:",
        "  replicas: 3",
        "  selector:",
        "    matchLabels: {app: api}",
        "  template:",
        "    metadata:",
        "      labels: {app: api}",
        "    spec:",
        "      containers:",
        "        - name: api",
        "          image: registry.example.com/api:1.4.2",
        "---",
        "apiVersion: policy/v1",
        "kind: PodDisruptionBudget",
        "metadata: {name: api, namespace: shop}",
        "spec:",
        "  maxUnavailable: 1",
        "  selector:",
        "    matchLabels: {app: api}",
        ""
      ].join("\n")
    }
  },
  *check(resource, _params, ctx) {
    if (resource.group !== "apps" || !WORKLOAD_KINDS2.includes(resource.kind)) return;
    const replicas = replicaCount(resource);
    if (!replicas || replicas.count <= 1) return;
    const namespace = targetNamespace(resource, ctx);
    const budgets = ctx.inventory.memo(INDEX_KEY2, (inventory) => buildIndex(inventory, ctx)).get(namespace) ?? [];
    const labels = podTemplateLabels(resource);
    if (budgets.some((budget) => budget.selector && labelSelectorMatches(budget.selector, labels))) return;
    yield {
      messageId: "noBudget",
      data: {
        kind: resource.kind,
        name: resource.name ?? "(unnamed)",
        replicas: replicas.count,
        where: namespace === void 0 ? "" : ` in namespace "${namespace}"`
      },
      path: replicas.path
    };
  }
};
function buildIndex(inventory, ctx) {
  const index = /* @__PURE__ */ new Map();
  for (const resource of inventory.ofKind("policy", "PodDisruptionBudget")) {
    const namespace = targetNamespace(resource, ctx);
    const budget = { resource, selector: budgetSelector(resource) };
    const list = index.get(namespace);
    if (list) list.push(budget);
    else index.set(namespace, [budget]);
  }
  return index;
}
function budgetSelector(resource) {
  const selector = readLabelSelector(getIn(resource.object, ["spec", "selector"]));
  if (selector && resource.version === "v1beta1" && isEmptySelector(selector)) return void 0;
  return selector;
}
var pdb_for_replicated_workloads_default = rule23;

// rules/probes-configured.ts
var PROBES = ["readinessProbe", "livenessProbe", "startupProbe"];
var RUN_TO_COMPLETION = ["Never", "OnFailure"];
var rule24 = {
  meta: {
    id: "probes-configured",
    title: "Long-running containers have probes",
    description: "Give every container of a long-running workload a readinessProbe and a livenessProbe that differ.",
    rationale: [
      "Without a readiness probe a pod gets traffic as soon as its process starts, before it has loaded its",
      "configuration or warmed its caches, and keeps getting it while it is overloaded or has lost its database;",
      "rolling updates also move on to the next pod before the new one can serve. Without a liveness probe a",
      "container that hangs (a deadlock, a stuck event loop) stays up forever, because its process never exits.",
      "The two probes answer different questions, so they should not be the same check: a liveness probe",
      "that fails whenever the pod is merely busy or a dependency is down makes the kubelet restart healthy",
      "containers, often all replicas at once, which turns a slowdown into an outage. Only workloads that keep",
      "running are checked (Deployments, StatefulSets, DaemonSets, ReplicaSets, ReplicationControllers and Pods",
      "that restart always); Jobs and CronJobs run to completion. The identical-probe finding shares the severity",
      "of the rule, a warning unless a constraint says otherwise."
    ].join(" "),
    remediation: [
      "Add a `readinessProbe` that checks the container can serve now (for example an HTTP `/ready` endpoint) and",
      "a `livenessProbe` that checks only that the process is not stuck (a cheap `/healthz`, with a higher",
      "`failureThreshold`); list sidecars that you do not build in `exemptImages`."
    ].join(" "),
    defaultSeverity: "warning",
    defaultKinds: [
      { apiGroups: [""], kinds: ["Pod", "ReplicationController"] },
      { apiGroups: ["apps"], kinds: ["Deployment", "StatefulSet", "DaemonSet", "ReplicaSet"] }
    ],
    schema: {
      type: "object",
      additionalProperties: false,
      properties: {
        requiredProbes: {
          type: "array",
          items: { type: "string", enum: [...PROBES] },
          uniqueItems: true,
          default: ["readinessProbe", "livenessProbe"],
          description: "The probes every container must define: any of `readinessProbe`, `livenessProbe` and `startupProbe`."
        },
        allowIdenticalProbes: {
          type: "boolean",
          default: false,
          description: "Accept a livenessProbe that is the same as the readinessProbe in every field."
        },
        exemptImages: {
          type: "array",
          items: { type: "string" },
          default: [],
          description: "Images that need no probes, such as third-party sidecars. An entry ending in `*` matches every image that starts with the rest of it."
        }
      }
    },
    messages: {
      missingProbe: 'container "{{container}}" has no {{probe}}',
      identicalProbes: 'container "{{container}}" has a livenessProbe identical to its readinessProbe, so a busy container is restarted instead of only taken out of service'
    },
    example: {
      fail: [
        "apiVersion: apps/v1",
        "kind: Deployment",
        "metadata:",
        "  name: api",
        "spec:",
        "  selector:",
        "    matchLabels: {app: api}",
        "  template:",
        "    metadata:",
        "      labels: {app: api}",
        "    spec:",
        "      containers:",
        "        - name: api",
        "          image: registry.example.com/api:1.4.2",
        "          readinessProbe:",
        "            httpGet: {path: /ready, port: 8080}",
        ""
      ].join("\n"),
      pass: [
        "apiVersion: apps/v1",
        "kind: Deployment",
        "metadata:",
        "  name: api",
        "spec:",
        "  selector:",
        "    matchLabels: {app: api}",
        "  template:",
        "    metadata:",
        "      labels: {app: api}",
        "    spec:",
        "      containers:",
        "        - name: api",
        "          image: registry.example.com/api:1.4.2",
        "          readinessProbe:",
        "            httpGet: {path: /ready, port: 8080}",
        "          livenessProbe:",
        "            httpGet: {path: /healthz, port: 8080}",
        "            failureThreshold: 5",
        ""
      ].join("\n")
    }
  },
  *check(resource, params) {
    if (runsToCompletion(resource)) return;
    for (const ref of containersOf(resource)) {
      if (ref.type !== "container" || isExemptImage(ref.container.image, params.exemptImages)) continue;
      yield* checkContainer4(resource, ref, params);
    }
  }
};
function* checkContainer4(resource, ref, params) {
  for (const probe of params.requiredProbes ?? []) {
    if (!isRecord(ref.container[probe])) {
      yield { messageId: "missingProbe", data: { container: ref.name, probe }, path: [...ref.path, probe] };
    }
  }
  const { livenessProbe, readinessProbe } = ref.container;
  if (params.allowIdenticalProbes || !isRecord(livenessProbe) || !deepEqual(livenessProbe, readinessProbe)) return;
  yield {
    messageId: "identicalProbes",
    data: { container: ref.name },
    path: [...ref.path, "livenessProbe"],
    related: [
      {
        resource,
        path: [...ref.path, "readinessProbe"],
        message: `the readinessProbe of container "${ref.name}"`
      }
    ]
  };
}
function runsToCompletion(resource) {
  if (resource.group !== "" || resource.kind !== "Pod") return false;
  const policy = getIn(resource.object, ["spec", "restartPolicy"]);
  return typeof policy === "string" && RUN_TO_COMPLETION.includes(policy);
}
function deepEqual(a, b) {
  if (a === b) return true;
  if (Array.isArray(a) || Array.isArray(b)) {
    return Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((item, i) => deepEqual(item, b[i]));
  }
  if (!isRecord(a) || !isRecord(b)) return false;
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((key) => Object.hasOwn(b, key) && deepEqual(a[key], b[key]));
}
var probes_configured_default = rule24;

// rules/rbac-namespace-scoped-edit.ts
var POPULATION_GROUPS = ["system:authenticated", "system:unauthenticated", "system:serviceaccounts"];
var POPULATION_PREFIXES = ["system:serviceaccounts:", "system:serviceaccount:"];
var ANONYMOUS_USER = "system:anonymous";
var rule25 = {
  meta: {
    id: "rbac-namespace-scoped-edit",
    title: "Edit and admin rights are granted per namespace",
    description: "Grant the edit, admin and cluster-admin ClusterRoles through RoleBindings in a namespace, not ClusterRoleBindings.",
    rationale: [
      "The built-in `edit` and `admin` ClusterRoles are meant to be reused per namespace: bound with a RoleBinding,",
      "they give a developer or team full control of their own workspace and nothing else. Bound with a",
      "ClusterRoleBinding they apply to every namespace, kube-system included, where editing a Deployment or reading",
      "a Secret is enough to take over the cluster; `cluster-admin` adds everything cluster-scoped on top. Keeping",
      "these grants namespaced makes each namespace the boundary of what its people can change."
    ].join(" "),
    remediation: [
      "Replace the ClusterRoleBinding with a RoleBinding that refers to the same ClusterRole in each namespace the",
      "subject works in. A controller that really needs cluster-wide access should get its own ClusterRole listing",
      "only what it uses; accepted exceptions go in `exemptSubjects`."
    ].join(" "),
    defaultSeverity: "error",
    defaultKinds: [{ apiGroups: [RBAC_GROUP], kinds: ["ClusterRoleBinding"] }],
    schema: {
      type: "object",
      additionalProperties: false,
      properties: {
        roles: {
          type: "array",
          items: { type: "string" },
          default: ["cluster-admin", "admin", "edit"],
          description: "The ClusterRoles that may only be granted per namespace, compared with `roleRef.name`."
        },
        exemptSubjects: {
          type: "array",
          default: [],
          description: "Subjects that may hold these roles cluster-wide. `name` (and `namespace`, for service accounts; any namespace when absent) may start or end with `*`, as in `argocd-*`.",
          items: {
            type: "object",
            additionalProperties: false,
            required: ["kind", "name"],
            properties: {
              kind: { type: "string", enum: ["User", "Group", "ServiceAccount"] },
              name: { type: "string", minLength: 1 },
              namespace: { type: "string", minLength: 1 }
            }
          }
        }
      }
    },
    messages: {
      clusterWide: 'ClusterRoleBinding "{{binding}}" grants ClusterRole "{{role}}" in every namespace to {{subjectKind}} "{{subject}}"'
    },
    example: {
      fail: [
        "apiVersion: rbac.authorization.k8s.io/v1",
        "kind: ClusterRoleBinding",
        "metadata:",
        "  name: alice-edit",
        "roleRef:",
        "  apiGroup: rbac.authorization.k8s.io",
        "  kind: ClusterRole",
        "  name: edit",
        "subjects:",
        "  - apiGroup: rbac.authorization.k8s.io",
        "    kind: User",
        "    name: alice",
        ""
      ].join("\n"),
      pass: [
        "apiVersion: rbac.authorization.k8s.io/v1",
        "kind: RoleBinding",
        "metadata:",
        "  name: alice-edit",
        "  namespace: alice",
        "roleRef:",
        "  apiGroup: rbac.authorization.k8s.io",
        "  kind: ClusterRole",
        "  name: edit",
        "subjects:",
        "  - apiGroup: rbac.authorization.k8s.io",
        "    kind: User",
        "    name: alice",
        ""
      ].join("\n")
    }
  },
  *check(resource, params) {
    if (resource.group !== RBAC_GROUP || resource.kind !== "ClusterRoleBinding") return;
    const role = boundClusterRole(resource);
    if (role === void 0 || !params.roles.includes(role)) return;
    const subjects = resource.object["subjects"];
    if (!Array.isArray(subjects)) return;
    for (const [index, entry] of subjects.entries()) {
      const subject = readSubject(entry);
      if (!subject || isSystemComponent(subject) || isExempt(subject, params.exemptSubjects)) continue;
      yield {
        messageId: "clusterWide",
        data: { binding: resource.name ?? "(unnamed)", role, subjectKind: subject.kind, subject: label(subject) },
        path: ["subjects", index]
      };
    }
  }
};
function boundClusterRole(resource) {
  const roleRef = resource.object["roleRef"];
  if (!isRecord(roleRef) || roleRef["kind"] !== "ClusterRole") return void 0;
  const name = roleRef["name"];
  return typeof name === "string" ? name : void 0;
}
function readSubject(entry) {
  const kind = getIn(entry, ["kind"]);
  const name = getIn(entry, ["name"]);
  if (typeof kind !== "string" || typeof name !== "string") return void 0;
  const namespace = getIn(entry, ["namespace"]);
  return { kind, name, namespace: typeof namespace === "string" ? namespace : void 0 };
}
function isSystemComponent(subject) {
  if (subject.kind !== "User" && subject.kind !== "Group") return false;
  if (!subject.name.startsWith("system:") || subject.name === ANONYMOUS_USER) return false;
  if (POPULATION_GROUPS.includes(subject.name)) return false;
  return !POPULATION_PREFIXES.some((prefix) => subject.name.startsWith(prefix));
}
function isExempt(subject, patterns) {
  return patterns.some(
    (pattern) => pattern.kind === subject.kind && nameMatchesPattern(subject.name, pattern.name) && (pattern.namespace === void 0 || subject.kind === "ServiceAccount" && nameMatchesPattern(subject.namespace ?? "", pattern.namespace))
  );
}
function label(subject) {
  return subject.kind === "ServiceAccount" && subject.namespace !== void 0 ? `${subject.namespace}/${subject.name}` : subject.name;
}
var rbac_namespace_scoped_edit_default = rule25;

// rules/rbac-no-wildcards.ts
var FIELDS2 = [
  ["apiGroups", "every API group"],
  ["resources", "every resource and subresource"],
  ["verbs", "every verb"]
];
var rule26 = {
  meta: {
    id: "rbac-no-wildcards",
    title: "RBAC roles grant named permissions",
    description: "List the API groups, resources and verbs a Role or ClusterRole grants instead of using `*`.",
    rationale: [
      "A `*` in a role grants everything that exists now and everything added later: new resources from an",
      "upgrade or an installed operator, and powerful verbs such as `escalate`, `bind` and `impersonate`. Nobody",
      "reviewing the role can say what it allows, so least privilege cannot be checked, and a compromised service",
      "account or user holding it can usually turn itself into a cluster administrator. Naming the permissions keeps",
      "each identity limited to the job it does."
    ].join(" "),
    remediation: [
      "Replace each `*` with the API groups, resources and verbs the subject actually uses (for example `get`,",
      "`list` and `watch` on `deployments` in `apps`); `kubectl auth can-i --list` or the audit log shows what",
      "a workload calls. Roles that must stay broad, such as a GitOps controller, go in `exemptRoles`."
    ].join(" "),
    defaultSeverity: "error",
    defaultKinds: [{ apiGroups: [RBAC_GROUP], kinds: ["Role", "ClusterRole"] }],
    schema: {
      type: "object",
      additionalProperties: false,
      properties: {
        exemptRoles: {
          type: "array",
          items: { type: "string" },
          default: [],
          description: "Names of Roles and ClusterRoles that may use `*`. An entry may start or end with `*`, as in `argocd-*` or `*.example.com`."
        }
      }
    },
    messages: {
      wildcard: '{{object}} {{field}} is "*", which grants {{meaning}}, including any added later'
    },
    example: {
      fail: [
        "apiVersion: rbac.authorization.k8s.io/v1",
        "kind: ClusterRole",
        "metadata:",
        "  name: deployer",
        "rules:",
        '  - apiGroups: ["apps"]',
        '    resources: ["*"]',
        '    verbs: ["*"]',
        ""
      ].join("\n"),
      pass: [
        "apiVersion: rbac.authorization.k8s.io/v1",
        "kind: ClusterRole",
        "metadata:",
        "  name: deployer",
        "rules:",
        '  - apiGroups: ["apps"]',
        '    resources: ["deployments", "replicasets"]',
        '    verbs: ["get", "list", "watch", "create", "update", "patch"]',
        ""
      ].join("\n")
    }
  },
  *check(resource, params) {
    if (!isRbacRole(resource) || isExemptName(resource.name, params.exemptRoles)) return;
    const object = describeObject(resource);
    for (const policyRule of policyRulesOf(resource)) {
      for (const [field, meaning] of FIELDS2) {
        for (const item of wildcards(policyRule, field)) {
          yield {
            messageId: "wildcard",
            data: { object, field: `rules[${policyRule.index}].${field}[${item.index}]`, meaning },
            path: [...policyRule.path, field, item.index]
          };
        }
      }
    }
  }
};
function wildcards(policyRule, field) {
  return policyRule[field].filter((item) => item.value === "*");
}
var rbac_no_wildcards_default = rule26;

// rules/rbac-secrets-read.ts
var READ_VERBS = ["get", "list", "watch"];
var rule27 = {
  meta: {
    id: "rbac-secrets-read",
    title: "ClusterRoles do not read Secrets",
    description: "Do not let a ClusterRole get, list or watch Secrets.",
    rationale: [
      "Secrets hold the credentials of every application and of many service accounts. A ClusterRole that reads them",
      "hands all of those to whoever it is bound to across the cluster, and list or watch returns their contents,",
      "not just their names. A broad read-only role for developers is useful for seeing what runs, but it should leave",
      "Secrets out; the workloads that need a credential get it mounted, and operators that manage Secrets get a Role",
      "in their own namespace or a rule limited to the Secrets they own."
    ].join(" "),
    remediation: [
      "Remove `secrets` (or the `*` that covers it) from the ClusterRole, and grant Secret access through a Role in",
      "the namespaces that need it, or with `resourceNames` listing the Secrets. A ClusterRole meant only for",
      "RoleBindings, or a controller that must watch Secrets everywhere, goes in `exemptRoles`."
    ].join(" "),
    defaultSeverity: "warning",
    defaultKinds: [{ apiGroups: [RBAC_GROUP], kinds: ["ClusterRole"] }],
    schema: {
      type: "object",
      additionalProperties: false,
      properties: {
        exemptRoles: {
          type: "array",
          items: { type: "string" },
          default: [],
          description: "Names of ClusterRoles that may read Secrets. An entry may start or end with `*`, as in `argocd-*` or `*.example.com`."
        },
        includeNamedSecrets: {
          type: "boolean",
          default: false,
          description: "Also report rules limited by `resourceNames` to Secrets they name."
        }
      }
    },
    messages: {
      readsSecrets: "{{object}} rules[{{rule}}] grants {{verbs}} on {{resources}} in every namespace"
    },
    example: {
      fail: [
        "apiVersion: rbac.authorization.k8s.io/v1",
        "kind: ClusterRole",
        "metadata:",
        "  name: developer-read",
        "rules:",
        '  - apiGroups: [""]',
        '    resources: ["pods", "services", "configmaps", "secrets"]',
        '    verbs: ["get", "list", "watch"]',
        ""
      ].join("\n"),
      pass: [
        "apiVersion: rbac.authorization.k8s.io/v1",
        "kind: ClusterRole",
        "metadata:",
        "  name: developer-read",
        "rules:",
        '  - apiGroups: [""]',
        '    resources: ["pods", "services", "configmaps"]',
        '    verbs: ["get", "list", "watch"]',
        ""
      ].join("\n")
    }
  },
  *check(resource, params) {
    if (!isRbacRole(resource, ["ClusterRole"]) || isExemptName(resource.name, params.exemptRoles)) return;
    for (const policyRule of policyRulesOf(resource)) {
      if (policyRule.resourceNames.length > 0 && !params.includeNamedSecrets) continue;
      const violation = secretsRead(policyRule);
      if (violation) yield { ...violation, data: { object: describeObject(resource), ...violation.data } };
    }
  }
};
function secretsRead(policyRule) {
  if (itemsGranting(policyRule.apiGroups, [""]).length === 0) return void 0;
  const verbs = itemsGranting(policyRule.verbs, READ_VERBS);
  const [resource] = itemsGranting(policyRule.resources, ["secrets"]);
  if (resource === void 0 || verbs.length === 0) return void 0;
  return {
    messageId: "readsSecrets",
    data: {
      rule: policyRule.index,
      verbs: verbs.some((item) => item.value === "*") ? '"*" (every verb)' : listValues(verbs),
      resources: resource.value === "*" ? '"*" (every resource, Secrets included)' : "secrets"
    },
    path: [...policyRule.path, "resources", resource.index]
  };
}
var rbac_secrets_read_default = rule27;

// rules/rbac-webhook-admin.ts
var ADMISSION_GROUP = "admissionregistration.k8s.io";
var WEBHOOK_RESOURCES = ["mutatingwebhookconfigurations", "validatingwebhookconfigurations"];
var WRITE_VERBS = ["create", "update", "patch"];
var rule28 = {
  meta: {
    id: "rbac-webhook-admin",
    title: "Few roles may change admission webhooks",
    description: "Do not let ClusterRoles create, update or patch admission webhook configurations.",
    rationale: [
      "An admission webhook sees, and a mutating one can rewrite, every object sent to the API server that its rules",
      "match, Secrets and pods included. Whoever can create or edit a webhook configuration can therefore inject",
      "containers into any pod, read credentials as they are written, or switch off the validating webhooks that",
      "enforce policy. That is as good as cluster-admin, so only the few components that manage their own webhook",
      "should hold it, and only for the configurations they own."
    ].join(" "),
    remediation: [
      "Remove create, update and patch on `mutatingwebhookconfigurations` and `validatingwebhookconfigurations`",
      "from the ClusterRole, or narrow the rule with `resourceNames` to the configurations the component manages. Install",
      "webhooks from the deployment pipeline instead of granting the right to a workload, and list roles that",
      "must keep it in `exemptRoles`."
    ].join(" "),
    defaultSeverity: "error",
    defaultKinds: [{ apiGroups: [RBAC_GROUP], kinds: ["ClusterRole"] }],
    schema: {
      type: "object",
      additionalProperties: false,
      properties: {
        exemptRoles: {
          type: "array",
          items: { type: "string" },
          default: [],
          description: "Names of ClusterRoles that may change webhook configurations. An entry may start or end with `*`, as in `argocd-*` or `*.example.com`."
        },
        includeNamedResources: {
          type: "boolean",
          default: false,
          description: "Also report rules limited by `resourceNames`, which can only update or patch the configurations they name."
        }
      }
    },
    messages: {
      webhookWrite: "{{object}} rules[{{rule}}] grants {{verbs}} on {{resources}}, so its subjects can rewrite admission webhooks"
    },
    example: {
      fail: [
        "apiVersion: rbac.authorization.k8s.io/v1",
        "kind: ClusterRole",
        "metadata:",
        "  name: policy-agent",
        "rules:",
        '  - apiGroups: ["admissionregistration.k8s.io"]',
        '    resources: ["validatingwebhookconfigurations"]',
        '    verbs: ["get", "list", "watch", "update", "patch"]',
        ""
      ].join("\n"),
      pass: [
        "apiVersion: rbac.authorization.k8s.io/v1",
        "kind: ClusterRole",
        "metadata:",
        "  name: policy-agent",
        "rules:",
        '  - apiGroups: ["admissionregistration.k8s.io"]',
        '    resources: ["validatingwebhookconfigurations"]',
        '    verbs: ["get", "list", "watch"]',
        '  - apiGroups: ["admissionregistration.k8s.io"]',
        '    resources: ["validatingwebhookconfigurations"]',
        '    resourceNames: ["policy-agent"]',
        '    verbs: ["update", "patch"]',
        ""
      ].join("\n")
    }
  },
  *check(resource, params) {
    if (!isRbacRole(resource, ["ClusterRole"]) || isExemptName(resource.name, params.exemptRoles)) return;
    for (const policyRule of policyRulesOf(resource)) {
      if (policyRule.resourceNames.length > 0 && !params.includeNamedResources) continue;
      const violation = webhookWrite(policyRule);
      if (violation) yield { ...violation, data: { object: describeObject(resource), ...violation.data } };
    }
  }
};
function webhookWrite(policyRule) {
  if (itemsGranting(policyRule.apiGroups, [ADMISSION_GROUP]).length === 0) return void 0;
  const resources = itemsGranting(policyRule.resources, WEBHOOK_RESOURCES);
  const verbs = itemsGranting(policyRule.verbs, WRITE_VERBS);
  const [first] = verbs;
  if (resources.length === 0 || first === void 0) return void 0;
  const everything = resources.some((item) => item.value === "*");
  return {
    messageId: "webhookWrite",
    data: {
      rule: policyRule.index,
      verbs: verbs.some((item) => item.value === "*") ? '"*" (every verb)' : listValues(verbs),
      resources: everything ? '"*" (every resource, webhook configurations included)' : listValues(resources)
    },
    path: [...policyRule.path, "verbs", first.index]
  };
}
var rbac_webhook_admin_default = rule28;

// rules/read-only-root-filesystem.ts
var rule29 = {
  meta: {
    id: "read-only-root-filesystem",
    title: "Containers have a read-only root filesystem",
    description: "Set `securityContext.readOnlyRootFilesystem: true` on every container.",
    rationale: [
      "A writable image filesystem lets an intruder drop tools, alter binaries or configuration, and keep them for",
      "as long as the container lives, and it lets an application quietly write data that vanishes on restart.",
      "Making the root filesystem read-only turns the image into what it should be, an immutable artifact, and",
      "forces every place the application writes to be declared as a volume, where its size and lifetime are",
      "visible. The field defaults to false, so it has to be set on each container."
    ].join(" "),
    remediation: [
      "Add `readOnlyRootFilesystem: true` to the container’s `securityContext`, and mount an `emptyDir` volume",
      "at each path the application writes to (such as `/tmp` or a cache directory)."
    ].join(" "),
    defaultSeverity: "warning",
    defaultKinds: WORKLOAD_KINDS,
    schema: {
      type: "object",
      additionalProperties: false,
      properties: {
        exemptImages: {
          type: "array",
          items: { type: "string" },
          default: [],
          description: "Images the rule skips, compared with the image as written. An entry ending in `*` matches every image that starts with the rest of it."
        }
      }
    },
    messages: {
      notSet: '{{type}} "{{container}}" does not set securityContext.readOnlyRootFilesystem, so its root filesystem is writable',
      writable: '{{type}} "{{container}}" sets securityContext.readOnlyRootFilesystem to false'
    },
    example: {
      fail: [
        "apiVersion: v1",
        "kind: Pod",
        "metadata:",
        "  name: web",
        "spec:",
        "  containers:",
        "    - name: web",
        "      image: registry.example.com/web:3.2.0",
        ""
      ].join("\n"),
      pass: [
        "apiVersion: v1",
        "kind: Pod",
        "metadata:",
        "  name: web",
        "spec:",
        "  containers:",
        "    - name: web",
        "      image: registry.example.com/web:3.2.0",
        "      securityContext:",
        "        readOnlyRootFilesystem: true",
        "      volumeMounts:",
        "        - {name: tmp, mountPath: /tmp}",
        "  volumes:",
        "    - {name: tmp, emptyDir: {}}",
        ""
      ].join("\n")
    }
  },
  *check(resource, params) {
    for (const ref of containersOf(resource)) {
      if (isWindowsPod(ref.podSpec) || isExemptImage(ref.container.image, params.exemptImages)) continue;
      const field = effectiveSecurityContext(ref).readOnlyRootFilesystem;
      if (field.value === true) continue;
      const messageId = field.value === false ? "writable" : "notSet";
      yield { messageId, data: { type: ref.type, container: ref.name }, path: field.path };
    }
  }
};
var read_only_root_filesystem_default = rule29;

// rules/replicas-spread.ts
var REPLICATED_KINDS = ["Deployment", "StatefulSet", "ReplicaSet"];
var rule30 = {
  meta: {
    id: "replicas-spread",
    title: "Replicas are spread across nodes",
    description: "Declare pod anti-affinity or topology spread constraints on every workload with more than one replica.",
    rationale: [
      "Running several replicas only protects a service if they do not fail together. Left to itself the scheduler",
      "places pods wherever they fit best, and it is common for every replica of a Deployment to end up on the same",
      "node or in the same zone; one node drain, kernel panic or zone outage then takes the whole service down even",
      "though the manifest asks for three copies. Pod anti-affinity or topology spread constraints tell the",
      "scheduler to keep replicas apart, so the redundancy you pay for is real."
    ].join(" "),
    remediation: [
      "Add `topologySpreadConstraints` to the pod template (for example `maxSkew: 1`,",
      "`topologyKey: kubernetes.io/hostname`, `whenUnsatisfiable: ScheduleAnyway` and a `labelSelector` that matches",
      "the workload's own pods), or a preferred `podAntiAffinity` term on the same labels."
    ].join(" "),
    defaultSeverity: "warning",
    defaultKinds: [{ apiGroups: ["apps"], kinds: [...REPLICATED_KINDS] }],
    schema: { type: "object", additionalProperties: false, properties: {} },
    messages: {
      notSpread: '{{kind}} "{{name}}" runs {{replicas}} replicas but its pod template sets neither affinity.podAntiAffinity nor topologySpreadConstraints'
    },
    example: {
      fail: [
        "apiVersion: apps/v1",
        "kind: Deployment",
        "metadata:",
        "  name: api",
        "spec:",
        "  replicas: 3",
        "  selector:",
        "    matchLabels: {app: api}",
        "  template:",
        "    metadata:",
        "      labels: {app: api}",
        "    spec:",
        "      containers:",
        "        - name: api",
        "          image: registry.example.com/api:1.4.2",
        ""
      ].join("\n"),
      pass: [
        "apiVersion: apps/v1",
        "kind: Deployment",
        "metadata:",
        "  name: api",
        "spec:",
        "  replicas: 3",
        "  selector:",
        "    matchLabels: {app: api}",
        "  template:",
        "    metadata:",
        "      labels: {app: api}",
        "    spec:",
        "      topologySpreadConstraints:",
        "        - maxSkew: 1",
        "          topologyKey: kubernetes.io/hostname",
        "          whenUnsatisfiable: ScheduleAnyway",
        "          labelSelector:",
        "            matchLabels: {app: api}",
        "      containers:",
        "        - name: api",
        "          image: registry.example.com/api:1.4.2",
        ""
      ].join("\n")
    }
  },
  *check(resource) {
    if (!isReplicatedKind(resource)) return;
    const replicas = replicaCount(resource);
    if (!replicas || replicas.count <= 1) return;
    const podSpec = podSpecOf(resource);
    if (!podSpec || spreads(podSpec)) return;
    yield {
      messageId: "notSpread",
      data: { kind: resource.kind, name: resource.name ?? "(unnamed)", replicas: replicas.count },
      path: missingFieldPath(podSpec)
    };
  }
};
function spreads(podSpec) {
  const antiAffinity = getIn(podSpec.spec, ["affinity", "podAntiAffinity"]);
  return isNonEmptyList(getIn(antiAffinity, ["requiredDuringSchedulingIgnoredDuringExecution"])) || isNonEmptyList(getIn(antiAffinity, ["preferredDuringSchedulingIgnoredDuringExecution"])) || isNonEmptyList(podSpec.spec.topologySpreadConstraints);
}
function missingFieldPath(podSpec) {
  if (isRecord(podSpec.spec.affinity)) return [...podSpec.path, "affinity", "podAntiAffinity"];
  return [...podSpec.path, "topologySpreadConstraints"];
}
function isNonEmptyList(value) {
  return Array.isArray(value) && value.length > 0;
}
function isReplicatedKind(resource) {
  return resource.group === "apps" && REPLICATED_KINDS.includes(resource.kind);
}
var replicas_spread_default = rule30;

// rules/requests-equal-limits.ts
var RESOURCES3 = ["cpu", "memory"];
var rule31 = {
  meta: {
    id: "requests-equal-limits",
    title: "Requests equal limits",
    description: "Give every container the same CPU and memory request as its limit.",
    rationale: [
      "When a request is lower than its limit, the pod is promised less than it may use. Nodes are then packed by",
      "the smaller figure, and when several pods reach for the difference at the same time they are throttled, or",
      "killed and evicted for memory, in ways that depend on their neighbours rather than on themselves. Setting",
      "the two equal gives the pod a fixed share (and, with both resources equal in every container, the",
      "Guaranteed quality of service class), so how it behaves under load can be predicted and tested. The price",
      "is that idle capacity cannot be borrowed; teams that measure their workloads well may choose to overcommit",
      "on purpose, which is why this is a warning. Quantities are compared by value, so `1` equals `1000m` and",
      "`1Gi` equals `1024Mi`."
    ].join(" "),
    remediation: [
      "Set `resources.requests` and `resources.limits` to the same values, for example both `cpu: 500m` and",
      "`memory: 512Mi`, or write only the limits and let Kubernetes copy them into the requests; to compare only",
      "memory, set `resources: [memory]`."
    ].join(" "),
    defaultSeverity: "warning",
    defaultKinds: WORKLOAD_KINDS,
    schema: {
      type: "object",
      additionalProperties: false,
      properties: {
        resources: {
          type: "array",
          items: { type: "string", enum: [...RESOURCES3] },
          uniqueItems: true,
          default: [...RESOURCES3],
          description: "The resources whose request must equal the limit: `cpu`, `memory` or both."
        },
        exemptImages: {
          type: "array",
          items: { type: "string" },
          default: [],
          description: "Images the rule skips. An entry ending in `*` matches every image that starts with the rest of it."
        }
      }
    },
    messages: {
      notEqual: '{{type}} "{{container}}" has a {{resource}} request of {{request}} but a {{resource}} limit of {{limit}}'
    },
    example: {
      fail: [
        "apiVersion: v1",
        "kind: Pod",
        "metadata:",
        "  name: web",
        "spec:",
        "  containers:",
        "    - name: web",
        "      image: registry.example.com/web:1.4.2",
        "      resources:",
        "        requests: {cpu: 100m, memory: 128Mi}",
        '        limits: {cpu: "1", memory: 512Mi}',
        ""
      ].join("\n"),
      pass: [
        "apiVersion: v1",
        "kind: Pod",
        "metadata:",
        "  name: web",
        "spec:",
        "  containers:",
        "    - name: web",
        "      image: registry.example.com/web:1.4.2",
        "      resources:",
        "        requests: {cpu: 1000m, memory: 512Mi}",
        '        limits: {cpu: "1", memory: 512Mi}',
        ""
      ].join("\n")
    }
  },
  *check(resource, params) {
    for (const ref of containersOf(resource)) {
      if (ref.type === "ephemeralContainer") continue;
      if (isExemptImage(ref.container.image, params.exemptImages)) continue;
      for (const name of params.resources ?? RESOURCES3) {
        const violation = compareOne(resource, ref, name);
        if (violation) yield violation;
      }
    }
  }
};
function compareOne(resource, ref, name) {
  const requestPath = [...ref.path, "resources", "requests", name];
  const limitPath = [...ref.path, "resources", "limits", name];
  const request = readQuantity(getIn(resource.object, requestPath));
  const limit = readQuantity(getIn(resource.object, limitPath));
  if (!request || !limit || compareQuantities(request, limit) === 0) return void 0;
  return {
    messageId: "notEqual",
    data: { type: ref.type, container: ref.name, resource: name, request: request.text, limit: limit.text },
    path: requestPath,
    related: [
      { resource, path: limitPath, message: `the ${name} limit of ${ref.type} "${ref.name}" is ${limit.text}` }
    ]
  };
}
function readQuantity(value) {
  const quantity = parseQuantity(value);
  return quantity && !isNegativeQuantity(quantity) ? quantity : void 0;
}
var requests_equal_limits_default = rule31;

// rules/required-labels.ts
var MAX_LABEL_VALUE_LENGTH = 63;
var rule32 = {
  meta: {
    id: "required-labels",
    title: "Objects carry the required labels",
    description: "Label every object with the keys your team requires, with values in the agreed format.",
    rationale: [
      "Labels are how everything after `kubectl apply` finds an object: selectors of Services and policies, cost",
      "and ownership reports, dashboards, alert routing, cleanup jobs and the rollout tooling that tells one release",
      "or environment from another. A resource without them is invisible to that tooling, and a label whose value",
      "drifts from the agreed format (`Prod` here, `production` there) splits one group into several. Requiring a",
      "small set of keys, such as the application, its version and its environment, with values that follow a",
      "pattern, keeps every object traceable to who runs it, what it is and where it belongs."
    ].join(" "),
    remediation: [
      "Add the missing labels under `metadata.labels` (for workloads, also on the pod template so that pods carry",
      "them), with values that match the required pattern; most teams set them once in a Helm helper or a kustomize",
      "`labels` entry so that every object gets them."
    ].join(" "),
    defaultSeverity: "error",
    defaultKinds: [],
    schema: {
      type: "object",
      additionalProperties: false,
      properties: {
        labels: {
          type: "array",
          default: [],
          description: [
            "The labels every matched object must have: `key`, and optionally `allowedRegex`, a regular expression",
            "the value must contain a match of (write `^…$` to match the whole value; a leading `(?i)` ignores",
            "case). A key counts as present whatever its value, empty included. Missing keys are one finding at",
            "`metadata.labels`; each refused value is one at its label. Patterns are checked when the config loads",
            `and may be at most ${MAX_USER_PATTERN_LENGTH} characters; avoid nested repetition such as \`(a+)+\`.`
          ].join(" "),
          items: {
            type: "object",
            additionalProperties: false,
            required: ["key"],
            properties: {
              key: { type: "string", description: "The label key, such as `app.kubernetes.io/name`." },
              allowedRegex: {
                type: "string",
                maxLength: MAX_USER_PATTERN_LENGTH,
                description: "A pattern the value must contain a match of; empty or absent accepts any value."
              }
            }
          }
        },
        message: {
          type: "string",
          default: "",
          description: "A text that replaces the built-in messages of both findings, as Gatekeeper's `message` does; empty keeps them."
        }
      }
    },
    messages: {
      missing: "{{object}}: you must provide labels: {{missing}}",
      badValue: "{{object}}: Label <{{key}}: {{value}}> does not satisfy allowed regex: {{allowedRegex}}",
      custom: "{{object}}: {{message}}"
    },
    example: {
      parameters: {
        labels: [
          { key: "app" },
          { key: "version", allowedRegex: "^v?\\d+\\.\\d+\\.\\d+$" },
          { key: "environment", allowedRegex: "^(development|staging|production)$" }
        ]
      },
      fail: [
        "apiVersion: apps/v1",
        "kind: Deployment",
        "metadata:",
        "  name: api",
        "  labels:",
        "    app: api",
        "    environment: prod",
        "spec:",
        "  selector:",
        "    matchLabels: {app: api}",
        "  template:",
        "    metadata:",
        "      labels: {app: api}",
        "    spec:",
        "      containers:",
        "        - name: api",
        "          image: registry.example.com/api:1.4.2",
        ""
      ].join("\n"),
      pass: [
        "apiVersion: apps/v1",
        "kind: Deployment",
        "metadata:",
        "  name: api",
        "  labels:",
        "    app: api",
        "    version: 1.4.2",
        "    environment: production",
        "spec:",
        "  selector:",
        "    matchLabels: {app: api}",
        "  template:",
        "    metadata:",
        "      labels: {app: api}",
        "    spec:",
        "      containers:",
        "        - name: api",
        "          image: registry.example.com/api:1.4.2",
        ""
      ].join("\n")
    }
  },
  validate(params) {
    const problems = [];
    params.labels.forEach((label2, index) => {
      const keyProblem = labelKeyProblem(label2.key);
      if (keyProblem) problems.push(`labels[${index}].key ${keyProblem}`);
      if (!label2.allowedRegex) return;
      const compiled2 = compileUserRegex(label2.allowedRegex);
      if (!(compiled2 instanceof RegExp))
        problems.push(`labels[${index}].allowedRegex "${label2.allowedRegex}" ${compiled2.problem}`);
    });
    return problems;
  },
  *check(resource, params) {
    const labels = getIn(resource.object, ["metadata", "labels"]);
    const present = isRecord(labels) ? labels : {};
    const object = describeObject(resource);
    const missing = [...new Set(params.labels.map((label2) => label2.key))].filter((key) => !Object.hasOwn(present, key));
    if (missing.length > 0) {
      const path6 = ["metadata", "labels"];
      if (params.message) yield { messageId: "custom", data: { object, message: params.message }, path: path6 };
      else yield { messageId: "missing", data: { object, missing: regoSet(missing) }, path: path6 };
    }
    const bad = badValues(params.labels, present);
    if (bad.length === 0) return;
    if (params.message) {
      yield customBadValues(resource, object, params.message, bad);
      return;
    }
    for (const { key, value, allowedRegex } of bad) {
      yield { messageId: "badValue", data: { object, key, value, allowedRegex }, path: labelPath(key) };
    }
  }
};
function badValues(required, present) {
  const bad = [];
  const seen = /* @__PURE__ */ new Set();
  for (const { key, allowedRegex } of required) {
    const value = present[key];
    if (!allowedRegex || typeof value !== "string" || !Object.hasOwn(present, key)) continue;
    const matcher = compileUserRegex(allowedRegex);
    if (!(matcher instanceof RegExp)) continue;
    if (value.length <= MAX_LABEL_VALUE_LENGTH && matcher.test(value)) continue;
    const identity = `${key}\0${allowedRegex}`;
    if (seen.has(identity)) continue;
    seen.add(identity);
    bad.push({ key, value, allowedRegex });
  }
  return bad;
}
function customBadValues(resource, object, message, bad) {
  const [first, ...others] = bad;
  const related = others.map(({ key, value }) => ({
    resource,
    path: labelPath(key),
    message: `label "${key}" has the value "${value}", which its pattern does not allow`
  }));
  return {
    messageId: "custom",
    data: { object, message },
    path: labelPath(first?.key ?? ""),
    ...related.length > 0 && { related }
  };
}
function labelPath(key) {
  return ["metadata", "labels", key];
}
function regoSet(values) {
  const sorted = [...values].sort((a, b) => a < b ? -1 : a > b ? 1 : 0);
  return `{${sorted.map((value) => JSON.stringify(value)).join(", ")}}`;
}
var required_labels_default = rule32;

// rules/run-as-non-root.ts
var rule33 = {
  meta: {
    id: "run-as-non-root",
    title: "Containers run as a non-root user",
    description: "Make every container run as a non-root user: `runAsNonRoot: true` or a non-zero `runAsUser`.",
    rationale: [
      "Root inside a container is the same user as root on the node, held back only by the capabilities and",
      "confinement the runtime applies. A bug in the application, the runtime or the kernel that lets a process",
      "escape the container hands a root process the whole node. Most images run as root simply because their",
      "Dockerfile never named another user. Requiring `runAsNonRoot: true` makes the kubelet check the user before",
      "starting the container, and a fixed non-zero `runAsUser` removes the doubt altogether; either can be set",
      "once for the pod. `runAsUser: 0` asks for root outright, so it is reported even next to `runAsNonRoot`."
    ].join(" "),
    remediation: [
      "Set `securityContext.runAsNonRoot: true` on the pod (or the container) and make sure the image has a",
      "numeric non-root `USER`, or set `runAsUser` to a non-zero UID such as 10001; remove any `runAsUser: 0`."
    ].join(" "),
    defaultSeverity: "warning",
    defaultKinds: WORKLOAD_KINDS,
    schema: {
      type: "object",
      additionalProperties: false,
      properties: {
        exemptImages: {
          type: "array",
          items: { type: "string" },
          default: [],
          description: "Images the rule skips, compared with the image as written. An entry ending in `*` matches every image that starts with the rest of it."
        },
        allowRootInUserNamespace: {
          type: "boolean",
          default: true,
          description: "Skip pods with `hostUsers: false`, whose root user maps to an unprivileged user on the node, as Pod Security admission does from policy version 1.35."
        }
      }
    },
    messages: {
      rootUser: '{{type}} "{{container}}" runs as root: {{field}} is 0',
      rootUserDespiteNonRoot: '{{type}} "{{container}}" has runAsNonRoot true but {{field}} is 0, so the kubelet will refuse to start it',
      rootAllowed: '{{type}} "{{container}}" may run as root: {{field}} is false and no non-zero runAsUser is set',
      notEnforced: '{{type}} "{{container}}" may run as root: neither it nor its pod sets runAsNonRoot: true or a non-zero runAsUser'
    },
    example: {
      fail: [
        "apiVersion: v1",
        "kind: Pod",
        "metadata:",
        "  name: web",
        "spec:",
        "  containers:",
        "    - name: web",
        "      image: registry.example.com/web:3.2.0",
        "    - name: agent",
        "      image: registry.example.com/agent:1.0.4",
        "      securityContext:",
        "        runAsUser: 0",
        ""
      ].join("\n"),
      pass: [
        "apiVersion: v1",
        "kind: Pod",
        "metadata:",
        "  name: web",
        "spec:",
        "  securityContext:",
        "    runAsNonRoot: true",
        "  containers:",
        "    - name: web",
        "      image: registry.example.com/web:3.2.0",
        "    - name: agent",
        "      image: registry.example.com/agent:1.0.4",
        "      securityContext:",
        "        runAsUser: 10001",
        ""
      ].join("\n")
    }
  },
  *check(resource, params) {
    for (const ref of containersOf(resource)) {
      if (params.allowRootInUserNamespace && usesUserNamespace(ref.podSpec)) continue;
      if (isExemptImage(ref.container.image, params.exemptImages)) continue;
      const violation = checkContainer5(ref);
      if (violation) yield violation;
    }
  }
};
function checkContainer5(ref) {
  const context = effectiveSecurityContext(ref);
  const { runAsUser, runAsNonRoot } = context;
  const data = { type: ref.type, container: ref.name };
  if (runAsUser.value === 0) {
    const messageId = runAsNonRoot.value === true ? "rootUserDespiteNonRoot" : "rootUser";
    return { messageId, data: { ...data, field: describeField(runAsUser, "runAsUser") }, path: runAsUser.path };
  }
  if ((runAsUser.value ?? 0) > 0 || runAsNonRoot.value === true) return void 0;
  if (runAsNonRoot.value === false) {
    return {
      messageId: "rootAllowed",
      data: { ...data, field: describeField(runAsNonRoot, "runAsNonRoot") },
      path: runAsNonRoot.path
    };
  }
  return { messageId: "notEnforced", data, path: runAsNonRoot.path };
}
function describeField(setting, field) {
  return `${setting.source === "pod" ? "the pod's" : "its"} securityContext.${field}`;
}
var run_as_non_root_default = rule33;

// rules/secrets-as-volumes.ts
var rule34 = {
  meta: {
    id: "secrets-as-volumes",
    title: "Secrets are mounted as files",
    description: "Mount Secrets into containers as volumes instead of copying them into environment variables.",
    rationale: [
      "An environment variable is the leakiest place for a credential. It is inherited by every child process,",
      "printed by crash handlers, debug pages and `env` in a shell, often ends up in logs or error reports, and can be",
      "read through `/proc` by anything allowed to inspect the process. It is also fixed when the container starts,",
      "so a rotated Secret only reaches the application after a restart. A Secret mounted as a volume is a file with",
      "the permissions you choose, read only when the application opens it; it stays out of the environment, lives",
      "in memory on the node, and the kubelet refreshes it in place when the Secret changes."
    ].join(" "),
    remediation: [
      "Mount the Secret as a volume (`volumes[].secret.secretName` with a `volumeMounts` entry, optionally `items`",
      "to pick keys) and have the application read the file, for example through a `*_FILE` variable that holds the",
      "path. For third-party images that only read credentials from the environment, list them in `exemptImages`."
    ].join(" "),
    defaultSeverity: "warning",
    defaultKinds: WORKLOAD_KINDS,
    schema: {
      type: "object",
      additionalProperties: false,
      properties: {
        exemptImages: {
          type: "array",
          items: { type: "string" },
          default: [],
          description: "Images whose containers may read Secrets from the environment, such as third-party images that accept credentials no other way. Compared with the image as written; an entry ending in `*` matches every image that starts with the rest of it."
        }
      }
    },
    messages: {
      secretKeyRef: '{{type}} "{{container}}" reads key "{{key}}" of Secret "{{secret}}" into the environment variable "{{variable}}"',
      secretRef: '{{type}} "{{container}}" loads every key of Secret "{{secret}}" into its environment (envFrom)'
    },
    example: {
      fail: [
        "apiVersion: apps/v1",
        "kind: Deployment",
        "metadata:",
        "  name: api",
        "spec:",
        "  selector:",
        "    matchLabels: {app: api}",
        "  template:",
        "    metadata:",
        "      labels: {app: api}",
        "    spec:",
        "      containers:",
        "        - name: api",
        "          image: registry.example.com/api:1.4.2",
        "          env:",
        "            - name: DB_PASSWORD",
        "              valueFrom:",
        "                secretKeyRef: {name: db, key: password}",
        ""
      ].join("\n"),
      pass: [
        "apiVersion: apps/v1",
        "kind: Deployment",
        "metadata:",
        "  name: api",
        "spec:",
        "  selector:",
        "    matchLabels: {app: api}",
        "  template:",
        "    metadata:",
        "      labels: {app: api}",
        "    spec:",
        "      containers:",
        "        - name: api",
        "          image: registry.example.com/api:1.4.2",
        "          env:",
        "            - name: DB_PASSWORD_FILE",
        "              value: /etc/db/password",
        "          volumeMounts:",
        "            - {name: db, mountPath: /etc/db, readOnly: true}",
        "      volumes:",
        "        - name: db",
        "          secret: {secretName: db}",
        ""
      ].join("\n")
    }
  },
  *check(resource, params) {
    for (const reference of configReferencesOf(resource)) {
      const violation = environmentSecret(reference, params);
      if (violation) yield violation;
    }
  }
};
function environmentSecret(reference, params) {
  const { site } = reference;
  if (reference.kind !== "Secret" || site.via === "volume") return void 0;
  const image = site.container.container.image;
  if (typeof image === "string" && isExemptImage(image, params.exemptImages)) return void 0;
  const data = { type: site.container.type, container: site.container.name, secret: reference.name ?? "(unnamed)" };
  if (site.via === "envFrom") return { messageId: "secretRef", data, path: reference.path };
  return {
    messageId: "secretKeyRef",
    data: { ...data, key: site.key ?? "(none)", variable: site.variable },
    path: reference.path
  };
}
var secrets_as_volumes_default = rule34;

// rules/selector-matches-template.ts
var SELECTOR_KINDS = ["Deployment", "ReplicaSet", "DaemonSet"];
var APPS_LAYOUT = { spec: ["spec"], form: "labelSelector", manual: false };
var LAYOUTS = {
  apps: Object.fromEntries([...SELECTOR_KINDS, "StatefulSet"].map((kind) => [kind, APPS_LAYOUT])),
  extensions: Object.fromEntries(SELECTOR_KINDS.map((kind) => [kind, APPS_LAYOUT])),
  batch: {
    Job: { spec: ["spec"], form: "labelSelector", manual: true },
    CronJob: { spec: ["spec", "jobTemplate", "spec"], form: "labelSelector", manual: true }
  },
  "": { ReplicationController: { spec: ["spec"], form: "map", manual: false } }
};
var rule35 = {
  meta: {
    id: "selector-matches-template",
    title: "Selectors select their own pod template",
    description: "Make every controller's selector match the labels of its own pod template.",
    rationale: [
      "A Deployment, StatefulSet, DaemonSet or ReplicaSet finds the pods it owns by its selector, not by how they",
      "were created. When the template's labels do not satisfy the selector the API server refuses the object, so",
      "the mistake surfaces only at deploy time, often in the middle of a pipeline; when a label is renamed in one",
      "place but not the other, the next apply fails the same way, and because selectors cannot be changed later the",
      "fix may mean deleting and recreating the workload. Catching the mismatch in review keeps the selector and the",
      "labels it depends on in step."
    ].join(" "),
    remediation: [
      "Make the pod template's `metadata.labels` satisfy every `spec.selector` requirement, usually by selecting on",
      "one or two stable labels such as `app.kubernetes.io/name` and `app.kubernetes.io/instance` and setting both in",
      "the template; keep changing labels such as versions out of the selector. Where kustomize adds the selector",
      "(`labels` with `includeSelectors`, or `commonLabels`), lint the output of `kustomize build` instead of the base."
    ].join(" "),
    defaultSeverity: "error",
    defaultKinds: Object.entries(LAYOUTS).map(([group, kinds]) => ({ apiGroups: [group], kinds: Object.keys(kinds) })),
    schema: { type: "object", additionalProperties: false, properties: {} },
    messages: {
      labelMissing: '{{object}} selects pods with {{key}}={{value}}, but its pod template has no label "{{key}}"',
      labelDiffers: "{{object}} selects pods with {{key}}={{value}}, but its pod template sets {{key}}={{actual}}",
      expressionUnmet: `{{object}} selects pods with "{{expression}}", which its pod template's labels do not meet`,
      missingSelector: "{{object}} has no spec.selector, which {{apiVersion}} requires",
      emptySelector: "{{object}} has an empty spec.selector, which would claim every pod in its namespace"
    },
    example: {
      fail: [
        "apiVersion: apps/v1",
        "kind: Deployment",
        "metadata:",
        "  name: api",
        "spec:",
        "  selector:",
        "    matchLabels: {app: api}",
        "  template:",
        "    metadata:",
        "      labels: {app: api-server}",
        "    spec:",
        "      containers:",
        "        - name: api",
        "          image: registry.example.com/api:1.4.2",
        ""
      ].join("\n"),
      pass: [
        "apiVersion: apps/v1",
        "kind: Deployment",
        "metadata:",
        "  name: api",
        "spec:",
        "  selector:",
        "    matchLabels: {app: api}",
        "  template:",
        "    metadata:",
        "      labels: {app: api, version: 1.4.2}",
        "    spec:",
        "      containers:",
        "        - name: api",
        "          image: registry.example.com/api:1.4.2",
        ""
      ].join("\n")
    }
  },
  *check(resource) {
    const layout = LAYOUTS[resource.group]?.[resource.kind];
    if (!layout) return;
    const spec = getIn(resource.object, layout.spec);
    if (!isRecord(spec)) return;
    if (layout.manual && spec.manualSelector !== true) return;
    const object = describeObject(resource);
    const selectorPath = [...layout.spec, "selector"];
    if (spec.selector === void 0 || spec.selector === null) {
      if (resource.group === "apps" && resource.version === "v1") {
        yield {
          messageId: "missingSelector",
          data: { object, apiVersion: resource.object.apiVersion },
          path: selectorPath
        };
      }
      return;
    }
    const rawLabels = getIn(spec, ["template", "metadata", "labels"]);
    const templateLabels = isRecord(rawLabels) ? rawLabels : {};
    if (layout.form === "map") {
      yield* mapMismatches(object, spec.selector, selectorPath, templateLabels);
      return;
    }
    const selector = readLabelSelector(spec.selector);
    if (!selector) return;
    if (isEmptySelector(selector)) {
      if (!layout.manual) yield { messageId: "emptySelector", data: { object }, path: selectorPath };
      return;
    }
    yield* selectorMismatches(object, selector, selectorPath, templateLabels);
  }
};
function* selectorMismatches(object, selector, path6, templateLabels) {
  const labels = stringLabels2(templateLabels);
  if (labelSelectorMatches(selector, labels)) return;
  for (const [key, value] of Object.entries(selector.matchLabels ?? {})) {
    const violation = labelMismatch(object, key, value, templateLabels, [...path6, "matchLabels", key]);
    if (violation) yield violation;
  }
  const expressions = selector.matchExpressions ?? [];
  for (const [index, requirement] of expressions.entries()) {
    if (labelSelectorMatches({ matchExpressions: [requirement] }, labels)) continue;
    yield {
      messageId: "expressionUnmet",
      data: { object, expression: formatLabelSelector({ matchExpressions: [requirement] }) },
      path: [...path6, "matchExpressions", index]
    };
  }
}
function* mapMismatches(object, selector, path6, templateLabels) {
  if (!isRecord(selector)) return;
  for (const [key, value] of Object.entries(selector)) {
    if (typeof value !== "string") continue;
    const violation = labelMismatch(object, key, value, templateLabels, [...path6, key]);
    if (violation) yield violation;
  }
}
function labelMismatch(object, key, value, templateLabels, path6) {
  if (!Object.hasOwn(templateLabels, key)) {
    return { messageId: "labelMissing", data: { object, key, value }, path: path6 };
  }
  const actual = templateLabels[key];
  if (actual === value) return void 0;
  return { messageId: "labelDiffers", data: { object, key, value, actual: display(actual) }, path: path6 };
}
function stringLabels2(labels) {
  return Object.fromEntries(
    Object.entries(labels).filter((entry) => typeof entry[1] === "string")
  );
}
function display(value) {
  return typeof value === "string" ? value : `${JSON.stringify(value) ?? String(value)} (not a string)`;
}
var selector_matches_template_default = rule35;

// rules/unique-ingress-host.ts
var INGRESS_GROUPS3 = ["networking.k8s.io", "extensions"];
var INDEX_KEY3 = "unique-ingress-host/hosts";
var rule36 = {
  meta: {
    id: "unique-ingress-host",
    title: "Ingress hosts are unique",
    description: "Give each Ingress host to a single Ingress.",
    rationale: [
      "A host name is global to the cluster, not to a namespace. When two Ingresses claim the same host, the",
      "controller has to pick which rules win, and controllers pick differently: one team can silently take traffic",
      "meant for another, or a new release can shadow the old one depending on creation order. Catching the clash",
      "before it is applied keeps routing predictable and ownership of each host clear."
    ].join(" "),
    remediation: [
      "Serve the host from one Ingress and move the other paths into it, or give one of the two Ingresses a",
      "different host. If your controller merges Ingresses on purpose, turn the rule off for those namespaces",
      "with `match.excludedNamespaces`."
    ].join(" "),
    defaultSeverity: "error",
    defaultKinds: [{ apiGroups: [...INGRESS_GROUPS3], kinds: ["Ingress"] }],
    crossResource: true,
    schema: { type: "object", additionalProperties: false, properties: {} },
    messages: {
      conflict: 'host "{{host}}" is also claimed by {{others}}'
    },
    example: {
      fail: [
        "apiVersion: networking.k8s.io/v1",
        "kind: Ingress",
        "metadata: {name: shop, namespace: team-a}",
        "spec:",
        "  rules:",
        "    - host: shop.example.com",
        "---",
        "apiVersion: networking.k8s.io/v1",
        "kind: Ingress",
        "metadata: {name: shop-beta, namespace: team-b}",
        "spec:",
        "  rules:",
        "    - host: shop.example.com",
        ""
      ].join("\n"),
      pass: [
        "apiVersion: networking.k8s.io/v1",
        "kind: Ingress",
        "metadata: {name: shop, namespace: team-a}",
        "spec:",
        "  rules:",
        "    - host: shop.example.com",
        "---",
        "apiVersion: networking.k8s.io/v1",
        "kind: Ingress",
        "metadata: {name: shop-beta, namespace: team-b}",
        "spec:",
        "  rules:",
        "    - host: beta.shop.example.com",
        ""
      ].join("\n")
    }
  },
  *check(resource, _params, ctx) {
    if (!isIngress(resource)) return;
    const index = ctx.inventory.memo(INDEX_KEY3, buildIndex2);
    for (const claim of hostClaims(resource)) {
      const claimants = index.get(claim.host.toLowerCase()) ?? [];
      const others = claimants.filter((other) => !isSameObject(other.resource, resource, ctx.defaultNamespace));
      if (others.length === 0) continue;
      const labels = others.map((other) => `"${ingressLabel(other.resource, ctx.defaultNamespace)}"`);
      yield {
        messageId: "conflict",
        data: { host: claim.host, others: `${others.length === 1 ? "Ingress" : "Ingresses"} ${labels.join(", ")}` },
        path: hostPath(claim),
        related: others.map((other) => relatedClaim(other, ctx.defaultNamespace))
      };
    }
  }
};
function isIngress(resource) {
  return resource.kind === "Ingress" && INGRESS_GROUPS3.includes(resource.group);
}
function buildIndex2(inventory) {
  const index = /* @__PURE__ */ new Map();
  for (const resource of ingressesInInputOrder(inventory)) {
    for (const claim of hostClaims(resource)) {
      const key = claim.host.toLowerCase();
      const list = index.get(key);
      if (list) list.push(claim);
      else index.set(key, [claim]);
    }
  }
  return index;
}
function ingressesInInputOrder(inventory) {
  const perGroup = INGRESS_GROUPS3.map((group) => inventory.ofKind(group, "Ingress"));
  const ingresses = perGroup.flat();
  if (perGroup.filter((list) => list.length > 0).length < 2) return ingresses;
  const rank = new Map(inventory.resources.map((resource, position) => [resource, position]));
  return ingresses.sort((a, b) => (rank.get(a) ?? 0) - (rank.get(b) ?? 0));
}
function hostClaims(resource) {
  const rules = getIn(resource.object, ["spec", "rules"]);
  if (!Array.isArray(rules)) return [];
  const seen = /* @__PURE__ */ new Set();
  const claims = [];
  rules.forEach((entry, ruleIndex) => {
    const host = getIn(entry, ["host"]);
    if (typeof host !== "string" || host === "" || seen.has(host.toLowerCase())) return;
    seen.add(host.toLowerCase());
    claims.push({ resource, ruleIndex, host });
  });
  return claims;
}
function isSameObject(a, b, defaultNamespace) {
  if (a === b) return true;
  if (a.name === void 0 || a.name !== b.name) return false;
  return (a.namespace ?? defaultNamespace) === (b.namespace ?? defaultNamespace);
}
function ingressLabel(resource, defaultNamespace) {
  const name = resource.name ?? "(unnamed)";
  const namespace = resource.namespace ?? defaultNamespace;
  return namespace === void 0 ? name : `${namespace}/${name}`;
}
function hostPath(claim) {
  return ["spec", "rules", claim.ruleIndex, "host"];
}
function relatedClaim(claim, defaultNamespace) {
  const label2 = ingressLabel(claim.resource, defaultNamespace);
  return {
    resource: claim.resource,
    path: hostPath(claim),
    message: `Ingress "${label2}" claims host "${claim.host}" here`
  };
}
var unique_ingress_host_default = rule36;

// rules/versioned-configmap.ts
var DEFAULT_PATTERN2 = "-v\\d+$";
var MAX_NAME_LENGTH = 253;
var BUILT_IN_CONFIGMAPS = ["kube-root-ca.crt"];
var rule37 = {
  meta: {
    id: "versioned-configmap",
    title: "ConfigMaps in use are versioned",
    description: "Reference ConfigMaps from workloads by a versioned name such as `settings-v3`.",
    rationale: [
      "Editing a ConfigMap in place changes configuration behind the back of the rollout machinery: pods that read",
      "it through environment variables keep the old values until they happen to restart, mounted files change at a",
      "moment nobody chose and only in applications that reload them, and a bad change cannot be rolled back because",
      "the previous content is gone. Treating each version as a new ConfigMap (`settings-v2` next to `settings-v1`)",
      "and pointing the workload at it turns every configuration change into an ordinary rollout, visible in the",
      "pod template, applied to all pods the same way, and undone by rolling back to the template that named",
      "`settings-v1`, which still exists."
    ].join(" "),
    remediation: [
      "Rename the ConfigMap with a version suffix (`settings-v1`), create a new one with the next number for each",
      "change, update the workload to reference it, and delete old versions only once no rollback needs them.",
      "Tools that add a content hash (kustomize `configMapGenerator`) do the same job: widen `pattern` to accept",
      "their suffix, for example `-(v\\d+|[a-z0-9]{10})$`."
    ].join(" "),
    defaultSeverity: "warning",
    defaultKinds: WORKLOAD_KINDS,
    schema: {
      type: "object",
      additionalProperties: false,
      properties: {
        pattern: {
          type: "string",
          minLength: 1,
          maxLength: MAX_USER_PATTERN_LENGTH,
          default: DEFAULT_PATTERN2,
          description: [
            "A regular expression that a versioned name contains. It is searched for anywhere in the name, so anchor",
            "it (`$`, `^`) as the default does. JavaScript syntax; a leading `(?i)` makes it ignore case, as in Go.",
            `Refused when the config loads if it does not compile or is longer than ${MAX_USER_PATTERN_LENGTH}`,
            "characters; avoid nested repetition such as `(a+)+`."
          ].join(" ")
        },
        exemptConfigMaps: {
          type: "array",
          items: { type: "string" },
          default: [],
          description: [
            "ConfigMap names the rule skips, such as ones another tool owns. An entry ending in `*` matches every",
            "name that starts with the rest of it. `kube-root-ca.crt`, which Kubernetes itself publishes, is always",
            "skipped."
          ].join(" ")
        }
      }
    },
    messages: {
      unversioned: '{{site}} uses ConfigMap "{{configMap}}"{{more}}, whose name has no version suffix matching /{{pattern}}/'
    },
    example: {
      fail: [
        "apiVersion: apps/v1",
        "kind: Deployment",
        "metadata:",
        "  name: api",
        "spec:",
        "  selector:",
        "    matchLabels: {app: api}",
        "  template:",
        "    metadata:",
        "      labels: {app: api}",
        "    spec:",
        "      containers:",
        "        - name: api",
        "          image: registry.example.com/api:1.4.2",
        "          envFrom:",
        "            - configMapRef: {name: api-settings}",
        ""
      ].join("\n"),
      pass: [
        "apiVersion: apps/v1",
        "kind: Deployment",
        "metadata:",
        "  name: api",
        "spec:",
        "  selector:",
        "    matchLabels: {app: api}",
        "  template:",
        "    metadata:",
        "      labels: {app: api}",
        "    spec:",
        "      containers:",
        "        - name: api",
        "          image: registry.example.com/api:1.4.2",
        "          envFrom:",
        "            - configMapRef: {name: api-settings-v3}",
        ""
      ].join("\n")
    }
  },
  validate(params) {
    const problem = userRegexProblem(params.pattern);
    return problem === void 0 ? [] : [`pattern "${params.pattern}" ${problem}`];
  },
  *check(resource, params) {
    const matcher = compileUserRegex(params.pattern);
    if (!(matcher instanceof RegExp)) return;
    const unversioned = /* @__PURE__ */ new Map();
    for (const reference of configReferencesOf(resource)) {
      if (isVersioned(reference, params, matcher)) continue;
      const name = reference.name ?? "";
      const list = unversioned.get(name);
      if (list) list.push(reference);
      else unversioned.set(name, [reference]);
    }
    for (const [name, [first, ...others]] of unversioned) {
      if (!first) continue;
      const site = describeReferenceSite(first.site);
      const more = others.length === 0 ? "" : ` (and ${others.length} more reference${others.length === 1 ? "" : "s"})`;
      yield {
        messageId: "unversioned",
        data: { site, configMap: name, pattern: params.pattern, more },
        path: first.namePath
      };
    }
  }
};
function isVersioned(reference, params, matcher) {
  const name = reference.name;
  if (reference.kind !== "ConfigMap" || name === void 0 || name === "") return true;
  if (BUILT_IN_CONFIGMAPS.includes(name) || isExemptName2(name, params.exemptConfigMaps)) return true;
  return name.length <= MAX_NAME_LENGTH && matcher.test(name);
}
function isExemptName2(name, patterns) {
  return patterns.some((pattern) => pattern.endsWith("*") ? name.startsWith(pattern.slice(0, -1)) : name === pattern);
}
var versioned_configmap_default = rule37;

// rules/webhook-scope.ts
var ADMISSION_GROUP2 = "admissionregistration.k8s.io";
var WEBHOOK_KINDS = ["MutatingWebhookConfiguration", "ValidatingWebhookConfiguration"];
var KUBE_SYSTEM = "kube-system";
var NAME_LABEL = "kubernetes.io/metadata.name";
var OPERATORS3 = /* @__PURE__ */ new Set(["In", "NotIn", "Exists", "DoesNotExist"]);
var rule38 = {
  meta: {
    id: "webhook-scope",
    title: "Admission webhooks are narrowly scoped",
    description: "Keep every admission webhook out of kube-system and away from Secrets and catch-all resource rules.",
    rationale: [
      "Every request an admission webhook matches waits for it, and fails or skips policy when it is down. If it",
      "matches kube-system, an outage of the webhook can stop the very components that would bring it back, such as",
      "DNS, the CNI or the pods of the webhook itself, and the cluster cannot heal. Matching every resource multiplies that",
      "risk and the load, and sending Secrets to a webhook exposes every credential written to the cluster to one",
      "more service. A selector that excludes kube-system and rules that list only the resources the webhook acts on",
      "keep its blast radius small."
    ].join(" "),
    remediation: [
      "Give the webhook a `namespaceSelector` that leaves kube-system out, for example a `matchExpressions` entry",
      "with key `kubernetes.io/metadata.name`, operator `NotIn` and values `[kube-system]`, and list only the",
      "resources it needs in its rules. A policy engine that must see everything goes in `exemptWebhooks`."
    ].join(" "),
    defaultSeverity: "error",
    defaultKinds: [{ apiGroups: [ADMISSION_GROUP2], kinds: [...WEBHOOK_KINDS] }],
    crossResource: true,
    schema: {
      type: "object",
      additionalProperties: false,
      properties: {
        exemptWebhooks: {
          type: "array",
          items: { type: "string" },
          default: [],
          description: "Names of webhooks (`webhooks[].name`) that may match every resource or Secrets. An entry may start or end with `*`, as in `argocd-*` or `*.example.com`."
        },
        kubeSystemLabels: {
          type: "object",
          additionalProperties: { type: "string" },
          default: {},
          description: "Labels your kube-system Namespace carries besides `kubernetes.io/metadata.name`, for clusters whose manifests do not include it (for example a label a webhook excludes)."
        }
      }
    },
    messages: {
      noNamespaceSelector: 'webhook "{{webhook}}" of {{object}} has no namespaceSelector, so it intercepts kube-system too',
      selectsKubeSystem: 'webhook "{{webhook}}" of {{object}} has a namespaceSelector that matches kube-system, whose labels are {{labels}}',
      allResources: 'webhook "{{webhook}}" of {{object}} matches every resource: rules[{{rule}}].resources has "{{resource}}"',
      secrets: 'webhook "{{webhook}}" of {{object}} receives Secrets: rules[{{rule}}].resources has "{{resource}}"'
    },
    example: {
      fail: [
        "apiVersion: admissionregistration.k8s.io/v1",
        "kind: MutatingWebhookConfiguration",
        "metadata:",
        "  name: sidecar-injector",
        "webhooks:",
        "  - name: inject.example.com",
        "    clientConfig: {service: {name: injector, namespace: injector}}",
        "    admissionReviewVersions: [v1]",
        "    sideEffects: None",
        "    rules:",
        '      - apiGroups: ["*"]',
        '        apiVersions: ["*"]',
        "        operations: [CREATE]",
        '        resources: ["*"]',
        ""
      ].join("\n"),
      pass: [
        "apiVersion: admissionregistration.k8s.io/v1",
        "kind: MutatingWebhookConfiguration",
        "metadata:",
        "  name: sidecar-injector",
        "webhooks:",
        "  - name: inject.example.com",
        "    clientConfig: {service: {name: injector, namespace: injector}}",
        "    admissionReviewVersions: [v1]",
        "    sideEffects: None",
        "    namespaceSelector:",
        "      matchExpressions:",
        "        - {key: kubernetes.io/metadata.name, operator: NotIn, values: [kube-system]}",
        "    rules:",
        '      - apiGroups: [""]',
        "        apiVersions: [v1]",
        "        operations: [CREATE]",
        "        resources: [pods]",
        ""
      ].join("\n")
    }
  },
  *check(resource, params, ctx) {
    if (resource.group !== ADMISSION_GROUP2 || !WEBHOOK_KINDS.includes(resource.kind)) return;
    const object = `${resource.kind} "${resource.name ?? "(unnamed)"}"`;
    const labels = kubeSystemLabels(params, ctx);
    for (const ref of webhooksOf(resource)) {
      const data = { webhook: ref.name, object };
      if (ref.rules.some(({ rule: entry }) => reachesBuiltInNamespacedObjects(entry))) {
        const violation = kubeSystemViolation(ref, labels);
        if (violation) yield { ...violation, data: { ...data, ...violation.data } };
      }
      if (isExemptName(ref.name, params.exemptWebhooks)) continue;
      for (const violation of scopeViolations(ref)) yield { ...violation, data: { ...data, ...violation.data } };
    }
  }
};
function kubeSystemLabels(params, ctx) {
  const namespace = ctx.inventory.namespaceObject(KUBE_SYSTEM);
  return { ...params.kubeSystemLabels, ...namespace?.labels, [NAME_LABEL]: KUBE_SYSTEM };
}
function reachesBuiltInNamespacedObjects(entry) {
  const groups = entry["apiGroups"];
  if (entry["scope"] === "Cluster" || !Array.isArray(groups)) return false;
  return groups.some(
    (group) => typeof group === "string" && (group === "*" || !group.includes(".") || group.endsWith(".k8s.io"))
  );
}
function webhooksOf(resource) {
  const webhooks = resource.object["webhooks"];
  if (!Array.isArray(webhooks)) return [];
  const result = [];
  webhooks.forEach((webhook, index) => {
    if (!isRecord(webhook)) return;
    const list = webhook["rules"];
    const rules = (Array.isArray(list) ? list : []).flatMap(
      (entry, ruleIndex) => isRecord(entry) ? [{ index: ruleIndex, rule: entry }] : []
    );
    if (rules.length === 0) return;
    const name = typeof webhook["name"] === "string" ? webhook["name"] : `#${index}`;
    result.push({ path: ["webhooks", index], name, webhook, rules });
  });
  return result;
}
function kubeSystemViolation(ref, labels) {
  const path6 = [...ref.path, "namespaceSelector"];
  const raw = ref.webhook["namespaceSelector"];
  if (raw === void 0 || raw === null) return { messageId: "noNamespaceSelector", path: path6 };
  const selector = readLabelSelector2(raw);
  if (!selector || !labelSelectorMatches(selector, labels)) return void 0;
  const shown2 = Object.entries(labels).map(([key, value]) => `${key}=${value}`).join(", ");
  return { messageId: "selectsKubeSystem", data: { labels: shown2 }, path: path6 };
}
function* scopeViolations(ref) {
  for (const { index, rule: entry } of ref.rules) {
    const resources = entry["resources"];
    if (!Array.isArray(resources)) continue;
    const groups = entry["apiGroups"];
    const coreGroup = Array.isArray(groups) && (groups.includes("") || groups.includes("*"));
    for (const [itemIndex, item] of resources.entries()) {
      if (typeof item !== "string") continue;
      const base = item.split("/")[0];
      const messageId = base === "*" ? "allResources" : base === "secrets" && coreGroup ? "secrets" : void 0;
      if (messageId === void 0) continue;
      yield {
        messageId,
        data: { rule: index, resource: item },
        path: [...ref.path, "rules", index, "resources", itemIndex]
      };
    }
  }
}
function readLabelSelector2(value) {
  if (!isRecord(value)) return void 0;
  const matchLabels = value["matchLabels"] ?? {};
  const expressions = value["matchExpressions"] ?? [];
  if (!isRecord(matchLabels) || !Object.values(matchLabels).every((label2) => typeof label2 === "string")) {
    return void 0;
  }
  if (!Array.isArray(expressions)) return void 0;
  const matchExpressions = [];
  for (const expression of expressions) {
    const requirement = readRequirement2(expression);
    if (!requirement) return void 0;
    matchExpressions.push(requirement);
  }
  return { matchLabels, matchExpressions };
}
function readRequirement2(value) {
  const key = getIn(value, ["key"]);
  const operator = getIn(value, ["operator"]);
  const values = getIn(value, ["values"]) ?? [];
  if (typeof key !== "string" || typeof operator !== "string" || !OPERATORS3.has(operator)) return void 0;
  if (!Array.isArray(values) || !values.every((entry) => typeof entry === "string")) return void 0;
  return { key, operator, values };
}
var webhook_scope_default = rule38;

// rules/index.ts
var builtinRules = [
  allowed_repos_default,
  container_limits_default,
  container_requests_default,
  dangling_references_default,
  dedicated_service_account_default,
  default_storage_class_name_default,
  deprecated_api_version_default,
  drop_all_capabilities_default,
  https_only_ingress_default,
  image_tag_format_default,
  namespace_default_deny_default,
  namespace_has_limit_range_default,
  namespace_has_resource_quota_default,
  namespace_metadata_default,
  namespace_pod_security_default,
  no_host_namespaces_default,
  no_host_path_default,
  no_host_ports_default,
  no_latest_tag_default,
  no_privilege_escalation_default,
  no_privileged_default,
  no_public_services_default,
  pdb_for_replicated_workloads_default,
  probes_configured_default,
  rbac_namespace_scoped_edit_default,
  rbac_no_wildcards_default,
  rbac_secrets_read_default,
  rbac_webhook_admin_default,
  read_only_root_filesystem_default,
  replicas_spread_default,
  requests_equal_limits_default,
  required_labels_default,
  run_as_non_root_default,
  secrets_as_volumes_default,
  selector_matches_template_default,
  unique_ingress_host_default,
  versioned_configmap_default,
  webhook_scope_default
];

// src/config/load.ts
import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { Ajv } from "ajv";
import { LineCounter, parseDocument } from "yaml";

// src/load/locator.ts
import { isMap, isPair, isScalar, isSeq } from "yaml";
function createYamlLocator(document, lineCounter) {
  return {
    locate(path6) {
      return toSourceRange(findRange(document, path6), lineCounter);
    }
  };
}
function findRange(document, path6) {
  let node = document.contents;
  let range = rangeOf(node) ?? [0, 0];
  for (const segment of path6) {
    const step = stepInto(node, segment);
    if (!step) break;
    node = step.node;
    range = step.range;
  }
  return range;
}
function stepInto(node, segment) {
  if (isMap(node)) {
    for (const pair of node.items) {
      if (!isPair(pair) || !keyEquals(pair.key, segment)) continue;
      const keyRange = rangeOf(pair.key);
      if (!keyRange) return void 0;
      const valueRange = rangeOf(pair.value);
      return { node: pair.value, range: [keyRange[0], valueRange?.[1] ?? keyRange[1]] };
    }
    return void 0;
  }
  if (isSeq(node) && typeof segment === "number") {
    const item = node.items[segment];
    const itemRange = rangeOf(item);
    return itemRange ? { node: item, range: itemRange } : void 0;
  }
  return void 0;
}
function keyEquals(key, segment) {
  if (isScalar(key)) return String(key.value) === String(segment);
  return false;
}
function rangeOf(node) {
  const range = node?.range;
  return range ? [range[0], range[1]] : void 0;
}
function toSourceRange([start, end], lineCounter) {
  const from = lineCounter.linePos(start);
  const to = lineCounter.linePos(Math.max(start, end));
  return { line: from.line, column: from.col, endLine: to.line, endColumn: to.col };
}

// src/config/ajv-errors.ts
function describeSchemaErrors(errors) {
  if (!errors || errors.length === 0) return [];
  const depth = (error) => pointerToPath(error.instancePath).length + (error.keyword === "additionalProperties" ? 1 : 0);
  const deepest = Math.max(...errors.map(depth));
  const seen = /* @__PURE__ */ new Set();
  const problems = [];
  for (const error of errors.filter((candidate) => depth(candidate) === deepest && candidate.keyword !== "oneOf")) {
    const problem = describe2(error);
    const key = `${problem.path.join("/")}|${problem.message}`;
    if (!seen.has(key)) problems.push(problem);
    seen.add(key);
  }
  return problems;
}
function describe2(error) {
  const path6 = pointerToPath(error.instancePath);
  const params = error.params;
  switch (error.keyword) {
    case "additionalProperties":
      return { path: [...path6, String(params.additionalProperty)], message: "is not a known field" };
    case "enum":
      return {
        path: path6,
        message: `must be one of ${params.allowedValues.map((value) => JSON.stringify(value)).join(", ")}`
      };
    case "required":
      return { path: path6, message: `needs the field "${String(params.missingProperty)}"` };
    case "type":
      return { path: path6, message: `must be ${article(String(params.type))}` };
    default:
      return { path: path6, message: error.message ?? `fails the ${error.keyword} check` };
  }
}
function article(type) {
  if (type === "object") return "a mapping";
  if (type === "array") return "a list";
  return /^[aeiou]/.test(type) ? `an ${type}` : `a ${type}`;
}

// src/config/errors.ts
var ConfigError = class extends UsageError {
  constructor(message, code, place) {
    super(place ? `${place.file}:${place.line}:${place.column}: ${message}` : message, code);
    this.place = place;
    this.name = "ConfigError";
  }
  place;
};

// src/config/schema.ts
var stringList = { type: "array", items: { type: "string" } };
var labelSelector = {
  type: "object",
  additionalProperties: false,
  properties: {
    matchLabels: { type: "object", additionalProperties: { type: "string" } },
    matchExpressions: {
      type: "array",
      items: {
        type: "object",
        additionalProperties: false,
        required: ["key", "operator"],
        properties: {
          key: { type: "string" },
          operator: { enum: ["In", "NotIn", "Exists", "DoesNotExist"] },
          values: stringList
        }
      }
    }
  }
};
var matchSchema = {
  type: "object",
  additionalProperties: false,
  properties: {
    kinds: {
      type: "array",
      items: {
        type: "object",
        additionalProperties: false,
        properties: { apiGroups: stringList, kinds: stringList }
      }
    },
    namespaces: stringList,
    excludedNamespaces: stringList,
    labelSelector,
    namespaceSelector: labelSelector,
    name: { type: "string" },
    scope: { enum: ["Namespaced", "Cluster", "*"] },
    source: { enum: ["All", "Original", "Generated"] }
  }
};
var ENFORCEMENT_ACTIONS = ["deny", "warn", "dryrun", "scoped"];
var scopedEnforcementActions = {
  type: "array",
  items: {
    type: "object",
    additionalProperties: false,
    required: ["action", "enforcementPoints"],
    properties: {
      action: { enum: ["deny", "warn", "dryrun"] },
      enforcementPoints: {
        type: "array",
        items: {
          type: "object",
          additionalProperties: false,
          required: ["name"],
          properties: { name: { type: "string" } }
        }
      }
    }
  }
};
var constraintFields = {
  enforcementAction: { enum: ENFORCEMENT_ACTIONS },
  scopedEnforcementActions,
  match: matchSchema,
  parameters: { type: "object" }
};
var configSchema = {
  type: "object",
  additionalProperties: false,
  properties: {
    extends: { enum: ["recommended", "strict", "none"] },
    namespace: { type: "string", minLength: 1 },
    namespacesComplete: { type: "boolean" },
    exclude: stringList,
    rules: {
      type: "object",
      additionalProperties: {
        oneOf: [
          { enum: ["off", "deny", "warn", "dryrun"] },
          { type: "object", additionalProperties: false, properties: constraintFields }
        ]
      }
    },
    constraints: {
      type: "array",
      items: {
        type: "object",
        additionalProperties: false,
        required: ["rule"],
        properties: {
          rule: { type: "string" },
          name: { type: "string", pattern: "^[a-z0-9]([-a-z0-9.]*[a-z0-9])?$" },
          ...constraintFields
        }
      }
    }
  }
};

// src/config/load.ts
var CONFIG_FILE_NAMES = [".k8s-bp.yaml", ".k8s-bp.yml"];
function findConfigFile(cwd) {
  for (let directory = path.resolve(cwd); ; directory = path.dirname(directory)) {
    for (const name of CONFIG_FILE_NAMES) {
      const candidate = path.join(directory, name);
      if (existsSync(candidate)) return candidate;
    }
    if (path.dirname(directory) === directory) return void 0;
  }
}
var validateConfig = new Ajv({ allErrors: true, strict: false }).compile(configSchema);
async function loadConfigFile(file, cwd) {
  const shown2 = path.relative(cwd, file) || file;
  const text = await readFile(file, "utf8").catch((error) => {
    throw new ConfigError(`cannot read config file ${shown2}: ${error.code ?? error.message}`, "CONFIG_UNREADABLE");
  });
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { lineCounter, prettyErrors: false });
  const firstError = document.errors[0];
  if (firstError) {
    const at = lineCounter.linePos(firstError.pos[0]);
    const message = `invalid YAML: ${firstError.message.split("\n")[0]}`;
    throw new ConfigError(message, "CONFIG_SYNTAX", { file: shown2, line: at.line, column: at.col });
  }
  const locator = createYamlLocator(document, lineCounter);
  const placeOf = (objectPath) => ({ file: shown2, ...pick2(locator, objectPath) });
  const value = document.toJS({ maxAliasCount: 100 }) ?? {};
  if (!validateConfig(value)) {
    const [problem] = describeSchemaErrors(validateConfig.errors);
    const where = problem ? formatPath(problem.path) || "the config" : "the config";
    throw new ConfigError(
      `${where} ${problem?.message ?? "is not valid"}`,
      "CONFIG_INVALID",
      placeOf(problem?.path ?? [])
    );
  }
  return { config: value, file: shown2, directory: path.dirname(file), placeOf };
}
function pick2(locator, objectPath) {
  const range = locator.locate(objectPath);
  return { line: range.line, column: range.column };
}

// src/config/presets.ts
var WORKLOADS = {
  kinds: [
    { apiGroups: [""], kinds: ["Pod", "ReplicationController"] },
    { apiGroups: ["apps"], kinds: ["Deployment", "StatefulSet", "DaemonSet", "ReplicaSet"] },
    { apiGroups: ["batch"], kinds: ["Job", "CronJob"] }
  ]
};
var nameLabel = {
  rule: "required-labels",
  enforcementAction: "warn",
  parameters: { labels: [{ key: "app.kubernetes.io/name" }] },
  match: WORKLOADS
};
var recommended = [
  { rule: "container-limits" },
  { rule: "container-requests" },
  { rule: "dangling-references" },
  { rule: "dedicated-service-account" },
  { rule: "deprecated-api-version" },
  { rule: "https-only-ingress" },
  { rule: "namespace-pod-security" },
  { rule: "no-host-namespaces" },
  { rule: "no-host-path" },
  { rule: "no-host-ports" },
  { rule: "no-latest-tag" },
  { rule: "no-privilege-escalation" },
  { rule: "no-privileged" },
  { rule: "no-public-services" },
  { rule: "pdb-for-replicated-workloads" },
  { rule: "probes-configured" },
  { rule: "rbac-namespace-scoped-edit" },
  { rule: "rbac-no-wildcards", enforcementAction: "warn" },
  { rule: "rbac-webhook-admin", enforcementAction: "warn" },
  { rule: "replicas-spread" },
  { rule: "requests-equal-limits" },
  nameLabel,
  { rule: "run-as-non-root" },
  { rule: "secrets-as-volumes" },
  { rule: "selector-matches-template" },
  { rule: "unique-ingress-host" },
  { rule: "webhook-scope", enforcementAction: "warn" }
];
var strict = [
  { rule: "container-limits" },
  { rule: "container-requests" },
  { rule: "dangling-references" },
  { rule: "dedicated-service-account" },
  { rule: "default-storage-class-name" },
  { rule: "deprecated-api-version" },
  { rule: "drop-all-capabilities" },
  { rule: "https-only-ingress" },
  { rule: "image-tag-format" },
  { rule: "namespace-default-deny" },
  { rule: "namespace-has-limit-range" },
  { rule: "namespace-has-resource-quota" },
  { rule: "namespace-metadata" },
  { rule: "namespace-pod-security" },
  { rule: "no-host-namespaces" },
  { rule: "no-host-path" },
  { rule: "no-host-ports" },
  { rule: "no-latest-tag" },
  { rule: "no-privilege-escalation" },
  { rule: "no-privileged" },
  { rule: "no-public-services" },
  { rule: "pdb-for-replicated-workloads" },
  { rule: "probes-configured" },
  { rule: "rbac-namespace-scoped-edit" },
  { rule: "rbac-no-wildcards" },
  { rule: "rbac-secrets-read" },
  { rule: "rbac-webhook-admin" },
  { rule: "read-only-root-filesystem" },
  { rule: "replicas-spread" },
  { rule: "requests-equal-limits" },
  { ...nameLabel, enforcementAction: "deny" },
  { rule: "run-as-non-root" },
  { rule: "secrets-as-volumes" },
  { rule: "selector-matches-template" },
  { rule: "unique-ingress-host" },
  { rule: "versioned-configmap" },
  { rule: "webhook-scope" }
];
var PRESETS = { recommended, strict, none: [] };
function presetsOf(id) {
  return Object.entries(PRESETS).flatMap(([name, entries]) => {
    const entry = entries.find((candidate) => candidate.rule === id);
    if (!entry) return [];
    return [
      entry.enforcementAction && entry.enforcementAction !== "deny" ? `${name} (${entry.enforcementAction})` : name
    ];
  });
}

// src/cli/args.ts
import { parseArgs } from "node:util";
function parseOptions(args, options) {
  try {
    return parseArgs({ args: [...args], options, allowPositionals: true, strict: true });
  } catch (error) {
    throw toUsageError(error, options);
  }
}
function toUsageError(error, options) {
  const message = error instanceof Error ? error.message : String(error);
  const code = error.code ?? "";
  const unknown = /'(-{1,2}[^'\s]+)'/.exec(message)?.[1];
  if (code === "ERR_PARSE_ARGS_UNKNOWN_OPTION" && unknown) {
    const names = Object.keys(options).map((name) => `--${name}`);
    const bare = unknown.split("=")[0] ?? unknown;
    return new UsageError(`unknown option ${bare}${didYouMean(bare, names)}`, "UNKNOWN_OPTION");
  }
  return new UsageError(message.split("\n")[0] ?? message, "BAD_ARGUMENTS");
}

// src/cli/init-command.ts
var INIT_OPTIONS = { help: { type: "boolean", short: "h", default: false } };
var CONFIG_NAME = ".k8s-bp.yaml";
async function runInit(args, io) {
  const { values, positionals } = parseOptions(args, INIT_OPTIONS);
  if (values.help) {
    io.stdout.write(INIT_HELP);
    return 0;
  }
  if (positionals.length > 0) throw new UsageError("k8s-bp init takes no arguments", "BAD_ARGUMENTS");
  const existing = CONFIG_FILE_NAMES.find((name) => existsSync2(path2.join(io.cwd, name)));
  if (existing !== void 0) throw alreadyThere(existing);
  const file = path2.join(io.cwd, CONFIG_NAME);
  await writeFile(file, initialConfig(builtinRules), { flag: "wx" }).catch((error) => {
    if (error.code === "EEXIST") throw alreadyThere(CONFIG_NAME);
    throw new UsageError(`cannot write ${CONFIG_NAME}: ${error.code ?? error.message}`, "CONFIG_UNWRITABLE");
  });
  io.stdout.write(`Wrote ${CONFIG_NAME}, starting from the recommended rules. Next: k8s-bp lint .
`);
  return 0;
}
function alreadyThere(name) {
  return new UsageError(`${name} already exists here; edit it, or remove it to start again`, "CONFIG_EXISTS");
}
function initialConfig(rules) {
  const width = Math.max(...rules.map((rule39) => rule39.meta.id.length));
  const ruleLines = rules.map((rule39) => {
    const presets = presetsOf(rule39.meta.id).join(", ") || "no preset";
    return `#   ${rule39.meta.id.padEnd(width)}  (${presets}) ${rule39.meta.description}`;
  });
  return `${HEADER}
# Start from a preset: recommended runs the rules that need no team-specific
# parameters; none starts with no rules at all.
extends: recommended

# Where manifests without metadata.namespace will be applied, like kubectl -n.
# namespace: default

# Files that are never linted, relative to the working directory.
# exclude: ['charts/**', 'vendor/**']

# Adjust rules by id: deny (an error, which fails the run), warn, dryrun (a
# note) or off; or an object with enforcementAction, match and parameters.
# rules:
#   no-latest-tag: warn
#   container-limits:
#     parameters: { cpu: '2', memory: 4Gi }

# More constraints, Gatekeeper style: a rule with parameters, a match and an
# enforcement action.
# constraints:
#   - rule: allowed-repos
#     name: production-registries
#     enforcementAction: deny
#     match:
#       namespaces: [prod-*]
#     parameters:
#       repos: [registry.example.com/]

# The built-in rules (and the presets that run them); k8s-bp rules <id> shows a
# rule's documentation and parameters:
${ruleLines.join("\n")}
`;
}
var HEADER = `# k8s-bp configuration, written by k8s-bp init.
# k8s-bp lint uses the nearest .k8s-bp.yaml from the working directory upward.
# k8s-bp rules lists the rules; k8s-bp lint --help lists the options.
`;

// src/cli/lint-command.ts
import { writeFile as writeFile2 } from "node:fs/promises";
import path5 from "node:path";

// src/pipeline.ts
import { readFile as readFile2 } from "node:fs/promises";
import path4 from "node:path";

// src/engine/params.ts
import { Ajv as Ajv2 } from "ajv";
var ajv = new Ajv2({ allErrors: true, useDefaults: true, allowUnionTypes: true, strict: true });
var compiled = /* @__PURE__ */ new WeakMap();
function compileParameters(rule39) {
  const known = compiled.get(rule39);
  if (known) return known;
  let validate;
  try {
    validate = ajv.compile(rule39.meta.schema);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(`rule ${rule39.meta.id} has an invalid parameter schema: ${reason}`);
  }
  const checker = (params) => {
    const value = params === void 0 || params === null ? {} : structuredClone(params);
    if (!validate(value)) return { ok: false, errors: describeErrors(validate.errors) };
    const checked = value;
    const problems = rule39.validate?.(checked) ?? [];
    if (problems.length > 0) return { ok: false, errors: problems.map((message) => ({ path: "", message })) };
    return { ok: true, value: checked };
  };
  compiled.set(rule39, checker);
  return checker;
}
function describeErrors(errors) {
  const unique = /* @__PURE__ */ new Map();
  for (const error of (errors ?? []).map(describeError)) unique.set(`${error.path}|${error.message}`, error);
  return [...unique.values()];
}
function describeError(error) {
  const path6 = pointerToPath(error.instancePath);
  const params = error.params;
  switch (error.keyword) {
    case "additionalProperties":
      return { path: formatPath([...path6, String(params.additionalProperty)]), message: "is not a known parameter" };
    case "required":
      return { path: formatPath([...path6, String(params.missingProperty)]), message: "is required" };
    case "minItems":
      return {
        path: formatPath(path6),
        message: `must list at least ${String(params.limit)} item${params.limit === 1 ? "" : "s"}`
      };
    case "type":
      return { path: formatPath(path6), message: `must be of type ${String(params.type).split(",").join(" or ")}` };
    case "enum":
      return { path: formatPath(path6), message: `must be one of ${JSON.stringify(params.allowedValues)}` };
    default:
      return { path: formatPath(path6), message: error.message ?? `fails the ${error.keyword} check` };
  }
}

// src/config/resolve.ts
var OFFLINE_ENFORCEMENT_POINTS = /* @__PURE__ */ new Set(["*", "gator.gatekeeper.sh"]);
function resolveConstraints(loaded, rules, options) {
  const registry = new Map(rules.map((rule39) => [rule39.meta.id, rule39]));
  const place = (at) => loaded?.placeOf(at);
  const requireRule = (id, at, flag) => {
    const rule39 = registry.get(id);
    if (rule39) return rule39;
    const where = flag ?? "rule";
    throw new ConfigError(
      `unknown ${where} "${id}"${didYouMean(id, registry.keys())}`,
      "UNKNOWN_RULE",
      flag ? void 0 : place(at)
    );
  };
  const drafts = draftsFromConfig(loaded?.config, requireRule);
  for (const id of options.enable) {
    requireRule(id, [], "--rule");
    if (!drafts.some((draft) => draft.rule === id)) drafts.push({ name: id, rule: id, at: [] });
  }
  for (const id of options.disable) requireRule(id, [], "--disable");
  const kept = drafts.filter((draft) => !options.disable.includes(draft.rule));
  checkUniqueNames(kept, place);
  const notes = [];
  const constraints = kept.flatMap((draft) => {
    const bound = bindDraft(draft, requireRule(draft.rule, draft.at), place);
    if (!bound) notes.push(`constraint "${draft.name}" skipped: no scoped enforcement action applies offline`);
    return bound ? [bound] : [];
  });
  return { constraints, notes };
}
function draftsFromConfig(config, requireRule) {
  const presetName = config ? config.extends ?? "none" : "recommended";
  const drafts = (PRESETS[presetName] ?? []).map((entry) => ({ ...entry, name: entry.rule, at: ["extends"] }));
  for (const [id, setting] of Object.entries(config?.rules ?? {})) {
    const at = ["rules", id];
    requireRule(id, at);
    const index = drafts.findIndex((draft) => draft.name === id);
    if (setting === "off") {
      if (index !== -1) drafts.splice(index, 1);
      continue;
    }
    const settings = typeof setting === "string" ? { enforcementAction: setting } : setting;
    const base = index === -1 ? { name: id, rule: id } : drafts[index];
    const merged = { ...base, ...settings, at };
    if (index === -1) drafts.push(merged);
    else drafts[index] = merged;
  }
  for (const [index, entry] of (config?.constraints ?? []).entries()) {
    const at = ["constraints", index];
    requireRule(entry.rule, [...at, "rule"]);
    drafts.push({ ...entry, name: entry.name ?? entry.rule, at });
  }
  return drafts;
}
function checkUniqueNames(drafts, place) {
  const seen = /* @__PURE__ */ new Set();
  for (const draft of drafts) {
    if (seen.has(draft.name)) {
      const message = `two constraints are named "${draft.name}"; give each constraint of the same rule its own name`;
      throw new ConfigError(message, "DUPLICATE_CONSTRAINT", place(draft.at));
    }
    seen.add(draft.name);
  }
}
function bindDraft(draft, rule39, place) {
  const fail = (message, code, at) => {
    throw new ConfigError(`constraint "${draft.name}" (rule ${rule39.meta.id}): ${message}`, code, place(at));
  };
  const enforcementAction = chooseAction(draft, rule39, fail);
  if (!enforcementAction) return void 0;
  const match = draft.match ?? {};
  const [matchProblem] = validateMatch(match);
  if (matchProblem)
    fail(`${matchProblem.path ? `match.${matchProblem.path}` : "match"} ${matchProblem.message}`, "INVALID_MATCH", [
      ...draft.at,
      "match"
    ]);
  const checked = compileParameters(rule39)(draft.parameters ?? {});
  if (!checked.ok) {
    const [problem] = checked.errors;
    const field = problem?.path ? `parameters.${problem.path}` : "parameters";
    fail(`${field} ${problem?.message ?? "are not valid"}`, "INVALID_PARAMETERS", [...draft.at, "parameters"]);
  }
  return {
    name: draft.name,
    ruleId: rule39.meta.id,
    rule: rule39,
    match,
    parameters: checked.ok ? checked.value : {},
    enforcementAction
  };
}
function chooseAction(draft, rule39, fail) {
  const action = draft.enforcementAction ?? (rule39.meta.defaultSeverity === "error" ? "deny" : "warn");
  if (action !== "scoped") return action;
  if (!draft.scopedEnforcementActions) {
    return fail('enforcementAction "scoped" needs scopedEnforcementActions', "INVALID_ENFORCEMENT", [
      ...draft.at,
      "enforcementAction"
    ]);
  }
  return strictestOffline(draft.scopedEnforcementActions);
}
var STRICTNESS = ["deny", "warn", "dryrun"];
function strictestOffline(scoped) {
  const applicable = scoped.filter((entry) => entry.enforcementPoints.some((point) => OFFLINE_ENFORCEMENT_POINTS.has(point.name))).map((entry) => entry.action);
  return STRICTNESS.find((action) => applicable.includes(action));
}

// src/engine/inventory.ts
function createInventory(resources) {
  const byKind = /* @__PURE__ */ new Map();
  const namespaces = /* @__PURE__ */ new Map();
  for (const resource of resources) {
    const key = kindKey(resource.group, resource.kind);
    const list = byKind.get(key);
    if (list) list.push(resource);
    else byKind.set(key, [resource]);
    if (resource.group === "" && resource.kind === "Namespace" && resource.name !== void 0) {
      namespaces.set(resource.name, resource);
    }
  }
  const memos = /* @__PURE__ */ new Map();
  const inventory = {
    resources,
    ofKind: (group, kind) => byKind.get(kindKey(group, kind)) ?? [],
    namespaceObject: (name) => namespaces.get(name),
    memo(key, build) {
      if (!memos.has(key)) memos.set(key, build(inventory));
      return memos.get(key);
    }
  };
  return inventory;
}
function kindKey(group, kind) {
  return `${group}/${kind}`;
}

// src/engine/messages.ts
var MessageDataError = class extends Error {
  constructor(template, placeholder) {
    super(`message template "${template}" needs a value for {{${placeholder}}}`);
    this.template = template;
    this.placeholder = placeholder;
    this.name = "MessageDataError";
  }
  template;
  placeholder;
};
var PLACEHOLDER = /\{\{\s*(\w+)\s*\}\}/g;
function formatMessage(template, data = {}) {
  return template.replace(PLACEHOLDER, (_, key) => {
    const value = data[key];
    if (value === void 0) throw new MessageDataError(template, key);
    return String(value);
  });
}

// src/engine/run.ts
var RULE_ERROR_ID = "rule-error";
var SEVERITY = { deny: "error", warn: "warning", dryrun: "note" };
function evaluate(resources, constraints, options = {}) {
  const inventory = createInventory(resources);
  const context = {
    inventory,
    defaultNamespace: options.defaultNamespace,
    namespacesComplete: options.namespacesComplete ?? false
  };
  const findings = [];
  for (const resource of resources) {
    for (const constraint of constraints) {
      if (!matchesResource(constraint.match, resource, context, constraint.rule.meta.defaultKinds)) continue;
      findings.push(...checkOne(resource, constraint, context));
    }
  }
  return findings;
}
function checkOne(resource, constraint, context) {
  try {
    const violations = [...constraint.rule.check(resource, constraint.parameters, context)];
    return violations.map((violation) => toFinding(resource, constraint, violation, context.defaultNamespace));
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    const failure = toFinding(
      resource,
      constraint,
      { messageId: "", path: [] },
      context.defaultNamespace,
      `rule ${constraint.rule.meta.id} could not check this resource: ${reason}`
    );
    return [{ ...failure, ruleId: RULE_ERROR_ID, severity: "error" }];
  }
}
function toFinding(resource, constraint, violation, defaultNamespace, fixedMessage) {
  const documentPath = [...resource.pathInDocument, ...violation.path];
  const range = resource.locator.locate(documentPath);
  const template = constraint.rule.meta.messages[violation.messageId];
  const message = fixedMessage ?? formatMessage(template ?? violation.messageId, violation.data);
  const namespace = resource.namespace ?? defaultNamespace;
  const finding = {
    ruleId: constraint.rule.meta.id,
    constraintName: constraint.name,
    severity: SEVERITY[constraint.enforcementAction],
    message,
    file: resource.file,
    ...range,
    path: formatPath(documentPath),
    documentIndex: resource.documentIndex,
    object: {
      apiVersion: resource.object.apiVersion,
      kind: resource.kind,
      ...namespace !== void 0 && { namespace },
      ...resource.name !== void 0 && { name: resource.name }
    }
  };
  if (constraint.constraintKind) finding.constraintKind = constraint.constraintKind;
  if (violation.related?.length) finding.related = violation.related.map(toRelatedFinding);
  return finding;
}
function toRelatedFinding(related) {
  const path6 = [...related.resource.pathInDocument, ...related.path];
  const range = related.resource.locator.locate(path6);
  return { file: related.resource.file, line: range.line, column: range.column, message: related.message };
}
function sortFindings(findings, fileOrder) {
  const rank = new Map(fileOrder.map((file, index) => [file, index]));
  const fileRank = (file) => rank.get(file) ?? Number.MAX_SAFE_INTEGER;
  return [...findings].sort(
    (a, b) => fileRank(a.file) - fileRank(b.file) || a.documentIndex - b.documentIndex || a.line - b.line || a.column - b.column || compare(a.ruleId, b.ruleId) || compare(a.constraintName, b.constraintName) || compare(a.message, b.message)
  );
}
function compare(a, b) {
  return a < b ? -1 : a > b ? 1 : 0;
}

// src/load/parse.ts
import { LineCounter as LineCounter2, parseAllDocuments } from "yaml";

// src/load/problems.ts
var LOAD_RULES = {
  parseError: "parse-error",
  duplicateKey: "duplicate-key",
  helmTemplate: "helm-template"
};
function fileProblem(ruleId, severity, message, where) {
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
    path: "",
    documentIndex: where.documentIndex
  };
}
var LOAD_RULE_DOCS = [
  {
    id: LOAD_RULES.parseError,
    title: "Parse error",
    description: "Fix YAML or JSON that cannot be parsed.",
    rationale: "A manifest that cannot be parsed cannot be checked, and the API server would reject it as well.",
    remediation: "Correct the syntax at the reported line and column.",
    defaultSeverity: "error"
  },
  {
    id: LOAD_RULES.duplicateKey,
    title: "Duplicate key",
    description: "Write each key of a mapping once.",
    rationale: "When a key appears twice, only the last value takes effect, so the earlier one is silently lost; it is usually a merge or copy-and-paste mistake.",
    remediation: "Remove or merge the repeated key at the reported line.",
    defaultSeverity: "error"
  },
  {
    id: LOAD_RULES.helmTemplate,
    title: "Helm template",
    description: "Render Helm charts before linting them.",
    rationale: "A chart template is not a manifest until Helm fills in its values; linting the template would judge placeholders.",
    remediation: "Lint the rendered output instead: helm template <release> <chart> | k8s-bp lint -.",
    defaultSeverity: "warning"
  }
];

// src/load/resource.ts
function isKubeObject(value) {
  if (!isPlainObject(value)) return false;
  return typeof value.apiVersion === "string" && typeof value.kind === "string";
}
function isPlainObject(value) {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
function createResource(object, origin) {
  const slash = object.apiVersion.lastIndexOf("/");
  const metadata = isPlainObject(object.metadata) ? object.metadata : {};
  return {
    object: deepFreeze(object),
    file: origin.file,
    documentIndex: origin.documentIndex,
    pathInDocument: origin.pathInDocument,
    locator: origin.locator,
    group: slash === -1 ? "" : object.apiVersion.slice(0, slash),
    version: slash === -1 ? object.apiVersion : object.apiVersion.slice(slash + 1),
    kind: object.kind,
    name: typeof metadata.name === "string" ? metadata.name : void 0,
    namespace: typeof metadata.namespace === "string" ? metadata.namespace : void 0,
    labels: stringEntries(metadata.labels),
    annotations: stringEntries(metadata.annotations)
  };
}
function stringEntries(value) {
  if (!isPlainObject(value)) return Object.freeze({});
  const entries = Object.entries(value).filter((entry) => typeof entry[1] === "string");
  return Object.freeze(Object.fromEntries(entries));
}
function deepFreeze(value) {
  const stack = [value];
  while (stack.length > 0) {
    const item = stack.pop();
    if (typeof item !== "object" || item === null || Object.isFrozen(item)) continue;
    Object.freeze(item);
    for (const child of Object.values(item)) stack.push(child);
  }
  return value;
}

// src/load/parse.ts
var MAX_ALIAS_COUNT = 1e3;
var HELM_ACTION = /\{\{-?\s*(?:\.Values|\.Release|\.Chart|\.Capabilities|\.Files|include\s|template\s|toYaml\b|tpl\s|define\s|if\s|range\s|with\s)/;
function* parseManifests(text, file) {
  const helm = HELM_ACTION.exec(text);
  if (helm) {
    yield { type: "problem", finding: helmFinding(text, file, helm.index) };
    return;
  }
  const lineCounter = new LineCounter2();
  const documents = parseAllDocuments(text, { lineCounter, prettyErrors: false });
  const list = Array.isArray(documents) ? documents : [];
  for (const [documentIndex, document] of list.entries()) {
    yield* documentEvents(document, { file, documentIndex, lineCounter });
  }
}
function* documentEvents(document, context) {
  for (const error of document.errors) yield { type: "problem", finding: syntaxFinding(error, context) };
  if (document.errors.some((error) => error.code !== "DUPLICATE_KEY")) return;
  const start = document.contents?.range?.[0] ?? document.range[0];
  const line = context.lineCounter.linePos(start).line;
  let value;
  try {
    value = document.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (error) {
    const message = `cannot load document: ${error instanceof Error ? error.message : String(error)}`;
    yield {
      type: "problem",
      finding: fileProblem(LOAD_RULES.parseError, "error", message, { ...context, line, column: 1 })
    };
    return;
  }
  const locator = createYamlLocator(document, context.lineCounter);
  const origin = { file: context.file, documentIndex: context.documentIndex, locator };
  const skip = (reason, at = line) => ({ type: "skipped", ...origin, line: at, reason });
  if (value === null || value === void 0) return yield skip("empty document");
  if (!isKubeObject(value)) return yield skip(notAnObjectReason(value));
  if (isList(value)) {
    for (const [index, item] of value.items.entries()) {
      const pathInDocument = ["items", index];
      if (isKubeObject(item)) yield { type: "resource", resource: createResource(item, { ...origin, pathInDocument }) };
      else
        yield skip(
          `items[${index}] of the ${value.kind}: ${notAnObjectReason(item)}`,
          locator.locate(pathInDocument).line
        );
    }
    return;
  }
  yield { type: "resource", resource: createResource(value, { ...origin, pathInDocument: [] }) };
}
function isList(value) {
  return value.kind.endsWith("List") && Array.isArray(value.items);
}
function notAnObjectReason(value) {
  if (Array.isArray(value)) return "not a Kubernetes object (the document is a sequence)";
  if (!isPlainObject(value)) return `not a Kubernetes object (the document is a ${typeof value})`;
  return "not a Kubernetes object (no apiVersion and kind)";
}
function syntaxFinding(error, context) {
  const start = context.lineCounter.linePos(error.pos[0]);
  const end = context.lineCounter.linePos(Math.max(error.pos[0], error.pos[1]));
  const duplicate = error.code === "DUPLICATE_KEY";
  const message = duplicate ? "duplicate key: only the last value counts, which hides the earlier one" : `${shorten(error.message.split("\n")[0] ?? error.message)} (${error.code})`;
  return fileProblem(duplicate ? LOAD_RULES.duplicateKey : LOAD_RULES.parseError, "error", message, {
    ...context,
    line: start.line,
    column: start.col,
    endLine: end.line,
    endColumn: end.col
  });
}
var MAX_MESSAGE = 160;
function shorten(message) {
  return message.length <= MAX_MESSAGE ? message : `${message.slice(0, MAX_MESSAGE - 1)}…`;
}
function helmFinding(text, file, offset) {
  const before = text.slice(0, offset);
  const line = before.split("\n").length;
  const column = offset - before.lastIndexOf("\n");
  const message = "this file contains Helm template syntax; render the chart first and lint the output (helm template <release> <chart> | k8s-bp lint -)";
  return fileProblem(LOAD_RULES.helmTemplate, "warning", message, { file, documentIndex: 0, line, column });
}

// src/load/sources.ts
import { lstat, readdir, stat } from "node:fs/promises";
import path3 from "node:path";
import { glob, hasMagic } from "glob";
import { minimatch } from "minimatch";
var STDIN_ARG = "-";
var STDIN_NAME = "<stdin>";
var MANIFEST_EXTENSIONS = /* @__PURE__ */ new Set([".yaml", ".yml", ".json"]);
var NEVER_WALKED = /* @__PURE__ */ new Set(["node_modules", ".git"]);
async function resolveInputs(args, options) {
  const found = /* @__PURE__ */ new Set();
  const notes = [];
  let stdin = false;
  for (const arg of args) {
    if (arg === STDIN_ARG) {
      stdin = true;
      continue;
    }
    for (const file of await expandArgument(arg, options, notes)) found.add(file);
  }
  const files = [...found].filter((file) => !isExcluded(file, options.exclude)).sort(compareStrings);
  return { files, stdin, notes };
}
async function expandArgument(arg, options, notes) {
  const absolute = path3.resolve(options.cwd, arg);
  const info = await stat(absolute).catch(() => void 0);
  if (info?.isDirectory()) return walkDirectory(absolute, options, notes);
  if (info) return [toDisplayPath(absolute, options.cwd)];
  if (hasMagic(arg, { windowsPathsNoEscape: true })) return expandGlob(arg, options);
  throw new UsageError(`no such file or directory: ${arg}`, "PATH_NOT_FOUND");
}
async function expandGlob(pattern, options) {
  const matches = await glob(pattern, {
    cwd: options.cwd,
    nodir: true,
    dot: false,
    absolute: true,
    ignore: ["**/node_modules/**", "**/.git/**"]
  });
  if (matches.length === 0) throw new UsageError(`no files match the pattern: ${pattern}`, "GLOB_NO_MATCH");
  return matches.map((match) => toDisplayPath(match, options.cwd));
}
async function walkDirectory(root, options, notes) {
  const files = [];
  const pending = [root];
  while (pending.length > 0) {
    const directory = pending.pop();
    for (const entry of await readdir(directory, { withFileTypes: true })) {
      const full = path3.join(directory, entry.name);
      const display2 = toDisplayPath(full, options.cwd);
      if (NEVER_WALKED.has(entry.name) || isExcluded(display2, options.exclude)) continue;
      if (entry.isDirectory()) pending.push(full);
      else if (entry.isSymbolicLink()) await followFileLink(full, display2, files, notes);
      else if (entry.isFile() && MANIFEST_EXTENSIONS.has(path3.extname(entry.name).toLowerCase())) files.push(display2);
    }
  }
  return files;
}
async function followFileLink(full, display2, files, notes) {
  const target = await stat(full).catch(() => void 0);
  if (target?.isFile() && MANIFEST_EXTENSIONS.has(path3.extname(full).toLowerCase())) files.push(display2);
  else if (target?.isDirectory()) notes.push(`${display2}: symbolic link to a directory, not followed`);
  else if (!target && await lstat(full).catch(() => void 0)) notes.push(`${display2}: broken symbolic link`);
}
function isExcluded(file, patterns) {
  return patterns.some(
    (pattern) => minimatch(file, pattern, { dot: true }) || minimatch(file, `${pattern.replace(/\/$/, "")}/**`, { dot: true }) || !pattern.includes("/") && minimatch(path3.posix.basename(file), pattern, { dot: true })
  );
}
function toDisplayPath(absolute, cwd) {
  const relative2 = path3.relative(cwd, absolute);
  const shown2 = relative2.startsWith("..") || path3.isAbsolute(relative2) ? absolute : relative2;
  return shown2.split(path3.sep).join("/");
}
function compareStrings(a, b) {
  return a < b ? -1 : a > b ? 1 : 0;
}

// src/pipeline.ts
async function lint(options) {
  const config = await loadConfig(options);
  const { constraints, notes: constraintNotes } = resolveConstraints(config, builtinRules, options);
  const exclude = [...config?.config.exclude ?? [], ...options.exclude];
  const inputs = await resolveInputs(options.paths, { cwd: options.cwd, exclude });
  const sources = inputs.files.map((file) => ({ file, read: () => readFile2(path4.resolve(options.cwd, file), "utf8") }));
  if (inputs.stdin) sources.push({ file: STDIN_NAME, read: options.readStdin });
  const resources = [];
  const findings = [];
  const notes = [...constraintNotes, ...inputs.notes];
  for (const source of sources) {
    const text = await source.read().catch((error) => {
      const message = `cannot read this file: ${error.code ?? error.message}`;
      findings.push(
        fileProblem(LOAD_RULES.parseError, "error", message, {
          file: source.file,
          documentIndex: 0,
          line: 1,
          column: 1
        })
      );
      return "";
    });
    for (const event of parseManifests(text, source.file)) {
      if (event.type === "resource") resources.push(event.resource);
      else if (event.type === "problem") findings.push(event.finding);
      else notes.push(`${event.file}:${event.line}: skipped document ${event.documentIndex + 1}: ${event.reason}`);
    }
  }
  const namespace = options.namespace ?? config?.config.namespace;
  const namespacesComplete = options.namespacesComplete === true || config?.config.namespacesComplete === true;
  findings.push(
    ...evaluate(resources, constraints, {
      namespacesComplete,
      ...namespace !== void 0 && { defaultNamespace: namespace }
    })
  );
  return {
    findings: sortFindings(
      findings,
      sources.map((source) => source.file)
    ),
    rules: reportRules(constraints.map((constraint) => constraint.rule)),
    files: sources.length,
    resources: resources.length,
    notes,
    configFile: config?.file
  };
}
async function loadConfig(options) {
  if (options.configFile !== void 0) {
    const file = path4.resolve(options.cwd, options.configFile);
    return loadConfigFile(file, options.cwd).catch((error) => {
      if (error instanceof UsageError && error.code === "CONFIG_UNREADABLE") {
        throw new UsageError(`config file not found: ${options.configFile}`, "CONFIG_NOT_FOUND");
      }
      throw error;
    });
  }
  const found = findConfigFile(options.cwd);
  return found ? loadConfigFile(found, options.cwd) : void 0;
}
function reportRules(rules) {
  const unique = [...new Map(rules.map((rule39) => [rule39.meta.id, rule39.meta])).values()];
  const ruleError = {
    id: RULE_ERROR_ID,
    title: "Rule error",
    description: "A rule could not check a resource.",
    rationale: "A check that fails must not pass silently; the resource may break the practice the rule guards.",
    remediation: "Check that the resource is well formed; if it is, report the problem with the resource attached.",
    defaultSeverity: "error"
  };
  return [...unique.map((meta) => ({ ...meta, tags: ["kubernetes"] })), ...LOAD_RULE_DOCS, ruleError].sort(
    (a, b) => a.id < b.id ? -1 : a.id > b.id ? 1 : 0
  );
}

// src/report/summary.ts
function countFindings(findings) {
  const counts = { errors: 0, warnings: 0, notes: 0 };
  for (const finding of findings) {
    if (finding.severity === "error") counts.errors++;
    else if (finding.severity === "warning") counts.warnings++;
    else counts.notes++;
  }
  return counts;
}
function plural(count, noun) {
  return `${count} ${noun}${count === 1 ? "" : "s"}`;
}

// src/report/json.ts
var JSON_REPORT_VERSION = 1;
function formatJson(findings, options) {
  const report = {
    version: JSON_REPORT_VERSION,
    tool: { name: "k8s-bp", version: options.toolVersion },
    summary: { files: options.files, resources: options.resources, ...countFindings(findings) },
    findings: findings.map(orderFields)
  };
  return `${JSON.stringify(report, null, 2)}
`;
}
function orderFields(finding) {
  const ordered = {
    ruleId: finding.ruleId,
    constraintName: finding.constraintName,
    severity: finding.severity,
    message: finding.message,
    file: finding.file,
    line: finding.line,
    column: finding.column,
    endLine: finding.endLine,
    endColumn: finding.endColumn,
    path: finding.path,
    documentIndex: finding.documentIndex
  };
  if (finding.constraintKind !== void 0) ordered.constraintKind = finding.constraintKind;
  if (finding.object !== void 0) ordered.object = finding.object;
  if (finding.related !== void 0) ordered.related = finding.related;
  return ordered;
}

// src/report/sarif.ts
import { createHash } from "node:crypto";
import * as nodePath from "node:path";
import { pathToFileURL } from "node:url";
var SARIF_SCHEMA_URI = "https://json.schemastore.org/sarif-2.1.0.json";
var SARIF_VERSION = "2.1.0";
var SRCROOT = "%SRCROOT%";
var FINGERPRINT_KEY = "k8sBpFinding/v1";
var STDIN_FILE = "<stdin>";
function toSarif(findings, rules, options) {
  const descriptors = rules.map((rule39) => ruleDescriptor(rule39, options));
  const indexes = new Map(rules.map((rule39, index) => [rule39.id, index]));
  for (const finding of findings) {
    if (indexes.has(finding.ruleId)) continue;
    indexes.set(finding.ruleId, descriptors.length);
    descriptors.push(ruleDescriptor(unknownRule(finding.ruleId), options));
  }
  const fingerprints = new FingerprintCounter();
  const results = findings.map((finding) => {
    const result = toResult(finding, indexes.get(finding.ruleId) ?? 0, options);
    result.partialFingerprints = { [FINGERPRINT_KEY]: fingerprints.next(fingerprintOf(finding, options)) };
    return result;
  });
  return {
    $schema: SARIF_SCHEMA_URI,
    version: SARIF_VERSION,
    runs: [
      {
        tool: {
          driver: {
            name: "k8s-bp",
            version: options.toolVersion,
            semanticVersion: options.toolVersion,
            informationUri: options.informationUri,
            rules: descriptors
          }
        },
        originalUriBaseIds: { [SRCROOT]: { uri: directoryUri(options.rootDir) } },
        columnKind: "utf16CodeUnits",
        results
      }
    ]
  };
}
function formatSarif(findings, rules, options) {
  return `${JSON.stringify(toSarif(findings, rules, options), null, 2)}
`;
}
function pascalCase(id) {
  return id.split(/[^A-Za-z0-9]+/).filter((word) => word !== "").map((word) => word.charAt(0).toUpperCase() + word.slice(1)).join("");
}
function ruleDescriptor(rule39, options) {
  const helpUri = `${options.docsBaseUri}${rule39.id}.md`;
  return {
    id: rule39.id,
    name: pascalCase(rule39.id),
    shortDescription: { text: rule39.description },
    fullDescription: { text: `${rule39.description} ${rule39.rationale}` },
    help: {
      text: `${rule39.description}

${rule39.rationale}

Remediation: ${rule39.remediation}

Documentation: ${helpUri}`,
      markdown: [
        `# ${rule39.title}`,
        rule39.description,
        "## Rationale",
        rule39.rationale,
        "## Remediation",
        rule39.remediation,
        `[Documentation](${helpUri})`
      ].join("\n\n")
    },
    helpUri,
    defaultConfiguration: { level: rule39.defaultSeverity },
    properties: { tags: [...rule39.tags ?? []] }
  };
}
function unknownRule(id) {
  return {
    id,
    title: id,
    description: `Findings reported as ${id}.`,
    rationale: "This id had no description when the report was written.",
    remediation: "See the message of each finding.",
    defaultSeverity: "warning"
  };
}
function toResult(finding, ruleIndex, options) {
  const result = {
    ruleId: finding.ruleId,
    ruleIndex,
    level: finding.severity,
    message: { text: finding.message },
    locations: [primaryLocation(finding, options)]
  };
  if (finding.related !== void 0 && finding.related.length > 0) {
    result.relatedLocations = finding.related.map((related, id) => relatedLocation(related, id, options));
  }
  const properties = { constraintName: finding.constraintName };
  if (finding.constraintKind !== void 0) properties.constraintKind = finding.constraintKind;
  if (finding.path !== "") properties.path = finding.path;
  result.properties = properties;
  return result;
}
function primaryLocation(finding, options) {
  const location = {
    physicalLocation: { artifactLocation: artifactLocation(finding.file, options), region: regionOf(finding) }
  };
  const fullyQualifiedName = objectName(finding);
  if (fullyQualifiedName !== void 0) {
    location.logicalLocations = [
      { name: finding.object?.name ?? fullyQualifiedName, fullyQualifiedName, kind: "resource" }
    ];
  }
  return location;
}
function regionOf(finding) {
  const startLine = atLeastOne(finding.line);
  const startColumn = atLeastOne(finding.column);
  const endLine = Math.max(atLeastOne(finding.endLine), startLine);
  const endColumn = endLine === startLine ? Math.max(atLeastOne(finding.endColumn), startColumn) : atLeastOne(finding.endColumn);
  return { startLine, startColumn, endLine, endColumn };
}
function relatedLocation(related, id, options) {
  return {
    id,
    physicalLocation: {
      artifactLocation: artifactLocation(related.file, options),
      region: { startLine: atLeastOne(related.line), startColumn: atLeastOne(related.column) }
    },
    message: { text: related.message }
  };
}
function objectName(finding) {
  const object = finding.object;
  if (object === void 0) return void 0;
  return [object.kind, object.namespace, object.name].filter((part) => part !== void 0 && part !== "").join("/");
}
function artifactLocation(file, options) {
  return { uri: encodeUriPath(repositoryPath(file, options)), uriBaseId: SRCROOT };
}
function repositoryPath(file, options) {
  if (file === STDIN_FILE) return STDIN_FILE;
  const absolute = nodePath.resolve(options.cwd, file);
  const relative2 = nodePath.relative(nodePath.resolve(options.rootDir), absolute);
  const path6 = nodePath.isAbsolute(relative2) ? nodePath.basename(absolute) : relative2;
  return path6.split(nodePath.sep).join("/");
}
function encodeUriPath(path6) {
  return path6.split("/").map((segment) => encodeURIComponent(segment)).join("/");
}
function directoryUri(dir) {
  const href = pathToFileURL(nodePath.resolve(dir)).href;
  return href.endsWith("/") ? href : `${href}/`;
}
function fingerprintOf(finding, options) {
  const object = finding.object;
  const identity = object === void 0 ? [String(finding.documentIndex)] : [object.apiVersion, object.kind, object.namespace ?? "", object.name ?? ""];
  const parts = [
    finding.ruleId,
    finding.constraintName,
    repositoryPath(finding.file, options),
    ...identity,
    finding.path
  ];
  return createHash("sha256").update(JSON.stringify(parts)).digest("hex");
}
var FingerprintCounter = class {
  seen = /* @__PURE__ */ new Map();
  next(hash) {
    const count = (this.seen.get(hash) ?? 0) + 1;
    this.seen.set(hash, count);
    return `${hash}:${count}`;
  }
};
function atLeastOne(value) {
  return Number.isFinite(value) && value >= 1 ? Math.floor(value) : 1;
}

// src/report/terminal.ts
var wrap = (open, close) => (text) => `\x1B[${open}m${text}\x1B[${close}m`;
function palette(colour) {
  if (!colour) {
    const plain = (text) => text;
    return { red: plain, yellow: plain, blue: plain, dim: plain, bold: plain, underline: plain };
  }
  return {
    red: wrap(31, 39),
    yellow: wrap(33, 39),
    blue: wrap(34, 39),
    dim: wrap(2, 22),
    bold: wrap(1, 22),
    underline: wrap(4, 24)
  };
}
function shouldColour(stream, env) {
  if (env.NO_COLOR !== void 0 && env.NO_COLOR !== "") return false;
  if (env.FORCE_COLOR !== void 0 && env.FORCE_COLOR !== "0") return true;
  return stream.isTTY === true;
}
var CONTROL = /[\u0000-\u0008\u000a-\u001f\u007f-\u009f]/g;
function escapeForTerminal(text) {
  return text.replace(CONTROL, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, "0")}`);
}

// src/report/stylish.ts
function formatStylish(findings, options) {
  const paint = palette(options.colour);
  const byFile = /* @__PURE__ */ new Map();
  for (const finding of findings) byFile.set(finding.file, [...byFile.get(finding.file) ?? [], finding]);
  const blocks = [...byFile].map(([file, rows]) => formatFile(file, rows, paint));
  return [...blocks, summaryLine(findings, options, paint)].join("\n") + "\n";
}
function formatFile(file, findings, paint) {
  const cells = findings.map((finding) => ({
    position: `${finding.line}:${finding.column}`,
    severity: finding.severity,
    message: escapeForTerminal(finding.message),
    rule: finding.ruleId === finding.constraintName ? finding.ruleId : `${finding.ruleId} (${finding.constraintName})`
  }));
  const width = (pick3) => Math.max(...cells.map((cell2) => pick3(cell2).length));
  const positionWidth = width((cell2) => cell2.position);
  const severityWidth = width((cell2) => cell2.severity);
  const messageWidth = width((cell2) => cell2.message);
  const rows = cells.map(
    (cell2) => `  ${paint.dim(cell2.position.padEnd(positionWidth))}  ${severityColour(cell2.severity, paint)(cell2.severity.padEnd(severityWidth))}  ${cell2.message.padEnd(messageWidth)}  ${paint.dim(cell2.rule)}`
  );
  return `${paint.underline(escapeForTerminal(file))}
${rows.map((row) => row.trimEnd()).join("\n")}
`;
}
function severityColour(severity, paint) {
  if (severity === "error") return paint.red;
  if (severity === "warning") return paint.yellow;
  return paint.blue;
}
function summaryLine(findings, options, paint) {
  const counts = countFindings(findings);
  const scope = `${plural(options.files, "file")}, ${plural(options.resources, "resource")}`;
  if (findings.length === 0) return `✔ no problems (${scope})`;
  const parts = [plural(counts.errors, "error"), plural(counts.warnings, "warning")];
  if (counts.notes > 0) parts.push(plural(counts.notes, "note"));
  const line = `✖ ${plural(findings.length, "problem")} (${parts.join(", ")}) in ${scope}`;
  return counts.errors > 0 ? paint.bold(paint.red(line)) : paint.bold(paint.yellow(line));
}

// src/cli/version.ts
import { readFileSync } from "node:fs";
var MANIFEST_CANDIDATES = ["../package.json", "../../package.json", "../../../package.json"];
var cached;
function packageVersion() {
  cached ??= readVersion();
  return cached;
}
function readVersion() {
  for (const candidate of MANIFEST_CANDIDATES) {
    let manifest;
    try {
      manifest = JSON.parse(readFileSync(new URL(candidate, import.meta.url), "utf8"));
    } catch {
      continue;
    }
    if (manifest.name === "k8s-bp" && typeof manifest.version === "string") return manifest.version;
  }
  throw new Error(`no package.json of k8s-bp found near ${import.meta.url}`);
}

// src/cli/lint-command.ts
var FORMATS = ["stylish", "json", "sarif"];
var LINT_OPTIONS = {
  format: { type: "string", short: "f", default: "stylish" },
  output: { type: "string", short: "o" },
  config: { type: "string", short: "c" },
  rule: { type: "string", multiple: true, default: [] },
  disable: { type: "string", multiple: true, default: [] },
  exclude: { type: "string", multiple: true, default: [] },
  namespace: { type: "string", short: "n" },
  "namespaces-complete": { type: "boolean", default: false },
  "max-warnings": { type: "string" },
  verbose: { type: "boolean", default: false },
  help: { type: "boolean", short: "h", default: false }
};
async function runLint(args, io) {
  const { values, positionals } = parseOptions(args, LINT_OPTIONS);
  if (values.help) {
    io.stdout.write(LINT_HELP);
    return 0;
  }
  const format2 = checkFormat(values.format);
  const maxWarnings = parseMaxWarnings(values["max-warnings"]);
  if (positionals.length === 0)
    throw new UsageError("no paths given; try k8s-bp lint . or k8s-bp lint --help", "NO_PATHS");
  const result = await lint({
    paths: positionals,
    cwd: io.cwd,
    exclude: values.exclude,
    enable: values.rule,
    disable: values.disable,
    namespacesComplete: values["namespaces-complete"],
    readStdin: io.readStdin,
    ...values.config !== void 0 && { configFile: values.config },
    ...values.namespace !== void 0 && { namespace: values.namespace }
  });
  if (values.verbose) writeNotes(result, io);
  const report = render(format2, result, io, values.output === void 0);
  if (values.output === void 0) io.stdout.write(report);
  else await writeFile2(path5.resolve(io.cwd, values.output), report);
  const counts = countFindings(result.findings);
  return counts.errors > 0 || maxWarnings !== void 0 && counts.warnings > maxWarnings ? 1 : 0;
}
function render(format2, result, io, toTerminal) {
  const version = packageVersion();
  const scope = { files: result.files, resources: result.resources };
  if (format2 === "json") return formatJson(result.findings, { toolVersion: version, ...scope });
  if (format2 === "sarif") {
    return formatSarif(result.findings, result.rules, { ...sarifLinks(version), rootDir: io.cwd, cwd: io.cwd });
  }
  return formatStylish(result.findings, { colour: toTerminal && shouldColour(io.stdout, io.env), ...scope });
}
function sarifLinks(version) {
  return {
    toolVersion: version,
    informationUri: "https://www.npmjs.com/package/k8s-bp",
    docsBaseUri: `https://unpkg.com/k8s-bp@${version}/docs/rules/`
  };
}
function writeNotes(result, io) {
  if (result.configFile) io.stderr.write(`k8s-bp: using config ${result.configFile}
`);
  else io.stderr.write("k8s-bp: no .k8s-bp.yaml found; using the recommended rules\n");
  for (const note of result.notes) io.stderr.write(`k8s-bp: ${note}
`);
}
function checkFormat(value) {
  if (FORMATS.includes(value)) return value;
  throw new UsageError(`unknown format "${value}"; use one of ${FORMATS.join(", ")}`, "UNKNOWN_FORMAT");
}
function parseMaxWarnings(value) {
  if (value === void 0) return void 0;
  if (!/^\d+$/.test(value))
    throw new UsageError(`--max-warnings takes a whole number, not "${value}"`, "BAD_ARGUMENTS");
  return Number(value);
}

// src/docs/rule-doc.ts
import { stringify } from "yaml";
var GENERATED = "<!-- Generated by `npm run gen` from the rule module. Do not edit by hand. -->";
function renderRuleDoc(rule39) {
  const { meta } = rule39;
  const sections = [
    GENERATED,
    `# ${meta.id}: ${meta.title}`,
    meta.description,
    summaryTable(rule39),
    `## Why

${meta.rationale}`,
    `## How to fix

${meta.remediation}`,
    `## Parameters

${parametersSection(meta.schema)}`,
    exampleSection(rule39)
  ];
  return `${sections.join("\n\n")}
`;
}
function summaryTable(rule39) {
  const { meta } = rule39;
  const rows = [
    `| Rule id | \`${meta.id}\` |`,
    `| Default severity | ${meta.defaultSeverity} |`,
    `| Default kinds | ${describeKinds(meta.defaultKinds)} |`
  ];
  if (meta.crossResource) rows.push("| Cross-resource | yes: compares each object with the others in the input |");
  return ["| | |", "| --- | --- |", ...rows].join("\n");
}
function describeKinds(selectors) {
  if (selectors.length === 0) return "all";
  const names = selectors.flatMap((selector) => {
    const groups = selector.apiGroups?.length ? selector.apiGroups : ["*"];
    const kinds = selector.kinds?.length ? selector.kinds : ["*"];
    return groups.flatMap((group) => kinds.map((kind) => group === "" ? kind : `${group}/${kind}`));
  });
  return names.map((name) => `\`${name}\``).join(", ");
}
function parametersSection(schema) {
  const properties = asNode(schema.properties);
  const names = Object.keys(properties);
  if (names.length === 0) return "This rule has no parameters.";
  const rows = names.map((name) => {
    const property = asNode(properties[name]);
    const fields = [
      `\`${name}\``,
      cell(typeOf(property)),
      `\`${JSON.stringify(property.default)}\``,
      cell(describe3(property))
    ];
    return `| ${fields.join(" | ")} |`;
  });
  return ["| Name | Type | Default | Description |", "| --- | --- | --- | --- |", ...rows].join("\n");
}
function typeOf(property) {
  const type = property.type;
  if (Array.isArray(type)) return type.map(String).join(" | ");
  if (type === "array") {
    const items = typeOf(asNode(property.items));
    return items.includes(" | ") ? `(${items})[]` : `${items}[]`;
  }
  return typeof type === "string" ? type : "any";
}
function describe3(property) {
  const notes = [];
  if (Array.isArray(property.enum))
    notes.push(`One of ${property.enum.map((value) => `\`${JSON.stringify(value)}\``).join(", ")}.`);
  return [String(property.description ?? ""), ...notes].join(" ").trim();
}
function exampleSection(rule39) {
  const { meta } = rule39;
  const parameters = meta.example.parameters ?? schemaDefaults(meta.schema);
  const constraint = { rule: meta.id, ...Object.keys(parameters).length > 0 && { parameters } };
  const config = stringify({ constraints: [constraint] }, { flowCollectionPadding: false });
  return [
    "## Example",
    "This manifest breaks the rule:",
    fence(meta.example.fail),
    "This one follows it:",
    fence(meta.example.pass),
    `A constraint for it in \`.k8s-bp.yaml\`:`,
    fence(config)
  ].join("\n\n");
}
function schemaDefaults(schema) {
  const properties = asNode(schema.properties);
  return Object.fromEntries(Object.entries(properties).map(([name, property]) => [name, asNode(property).default]));
}
function fence(yaml) {
  return `\`\`\`yaml
${yaml.trimEnd()}
\`\`\``;
}
function cell(text) {
  return text.replace(/\|/g, "\\|").replace(/\n/g, " ");
}
function asNode(value) {
  return typeof value === "object" && value !== null && !Array.isArray(value) ? value : {};
}

// src/cli/rules-command.ts
var RULES_OPTIONS = { help: { type: "boolean", short: "h", default: false } };
async function runRules(args, io) {
  const { values, positionals } = parseOptions(args, RULES_OPTIONS);
  if (values.help) {
    io.stdout.write(RULES_HELP);
    return 0;
  }
  const [id, extra] = positionals;
  if (extra !== void 0) throw new UsageError("k8s-bp rules takes at most one rule id", "BAD_ARGUMENTS");
  if (id === void 0) {
    io.stdout.write(formatRuleTable(builtinRules));
    return 0;
  }
  const rule39 = builtinRules.find((candidate) => candidate.meta.id === id);
  const ids = builtinRules.map((candidate) => candidate.meta.id);
  if (!rule39)
    throw new UsageError(`unknown rule "${id}"${didYouMean(id, ids)}; k8s-bp rules lists them`, "UNKNOWN_RULE");
  io.stdout.write(renderRuleDoc(rule39));
  return 0;
}
function formatRuleTable(rules) {
  const rows = rules.map((rule39) => [
    rule39.meta.id,
    rule39.meta.defaultSeverity,
    presetsOf(rule39.meta.id).join(", ") || "-",
    rule39.meta.description
  ]);
  const header = ["RULE", "SEVERITY", "PRESETS", "DESCRIPTION"];
  const widths = header.map(
    (title, column) => Math.max(title.length, ...rows.map((row) => (row[column] ?? "").length))
  );
  const line = (cells) => cells.map((cell2, column) => column === cells.length - 1 ? cell2 : cell2.padEnd(widths[column] ?? 0)).join("  ").trimEnd();
  return [line(header), ...rows.map(line)].join("\n") + `

${rules.length} rules. k8s-bp rules <rule> shows one rule's documentation.
`;
}

// src/cli/main.ts
var COMMANDS = {
  lint: runLint,
  rules: runRules,
  init: runInit
};
async function main(argv, io = processIo()) {
  try {
    return await dispatch(argv, io);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    io.stderr.write(`k8s-bp: ${error.message}
`);
    return 2;
  }
}
async function dispatch(argv, io) {
  const [first, ...rest] = argv;
  if (first === "help" && rest.length > 0) return dispatch([...rest.slice(0, 1), "--help"], io);
  if (first === void 0 || first === "-h" || first === "--help" || first === "help") {
    io.stdout.write(MAIN_HELP);
    return 0;
  }
  if (first === "-v" || first === "--version") {
    io.stdout.write(`${packageVersion()}
`);
    return 0;
  }
  const command = COMMANDS[first];
  if (!command) {
    const what = first.startsWith("-") ? `unknown option ${first}` : `unknown command "${first}"`;
    throw new UsageError(`${what}${didYouMean(first, Object.keys(COMMANDS))}; see k8s-bp --help`, "UNKNOWN_COMMAND");
  }
  return command(rest, io);
}
function processIo() {
  return {
    cwd: process.cwd(),
    env: process.env,
    stdout: process.stdout,
    stderr: process.stderr,
    readStdin: async () => {
      const chunks = [];
      for await (const chunk of process.stdin) chunks.push(chunk);
      return Buffer.concat(chunks).toString("utf8");
    }
  };
}
export {
  main
};
