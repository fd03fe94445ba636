export const MAIN_HELP = `Usage: k8s-bp <command> [options]

Check Kubernetes manifests against best practices and policy before they reach a cluster.

Commands:
  lint [paths...]    Check manifests: files, directories, globs, or - for standard input
  rules [rule]       List the rules, or show one rule's documentation
  init               Write a commented .k8s-bp.yaml that starts from the recommended rules
  verify [suites...] Run Gatekeeper test suites (suite.yaml) against k8s-bp's implementations
  render <folder>    Print what a kustomization builds, as the linted objects

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

export const LINT_HELP = `Usage: k8s-bp lint [options] <path|glob|-> [...]

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
      --constraints <path>  Also enforce the Gatekeeper constraints in this file, directory
                            or glob (repeatable); ConstraintTemplates found there give the
                            parameter schemas
      --strict-constraints  A constraint whose kind k8s-bp does not implement is an error
                            (default: a warning)
      --policies <path>     Also evaluate the ValidatingAdmissionPolicies and bindings in this
                            file, directory or glob (repeatable), with the parameter objects
                            found there (policies among the linted files are linted as
                            objects, not enforced)
      --inventory <path>    Objects that cross-resource rules and constraints may look up but
                            that are not linted, such as a dump of the cluster's Ingresses or
                            Namespaces: a file, directory or glob (repeatable)
      --kubernetes-version <release>
                            The Kubernetes release the manifests are for, such as 1.33, or a
                            range such as 1.29-1.35, for schema checks and API versions
                            (default: the config's kubernetesVersion, else 1.35)
      --kustomize-binary <path>
                            The kustomize (or kubectl) that builds kustomizations (default:
                            kustomize on PATH, else kubectl kustomize)
      --kustomize-entry <glob>
                            Build only the kustomization folders matching this pattern, such
                            as 'overlays/*' (repeatable; default: every kustomization)
      --include-policy-manifests
                            Also lint Gatekeeper constraints and templates found among the
                            manifests (by default they are policy, not workloads, and skipped)
      --max-warnings <n>    Also fail when there are more than n warnings (default: no limit)
      --max-file-size <n>   Report files larger than this instead of reading them: bytes,
                            or with k, M or G (default: 20M)
      --verbose             Say which documents and constraints were skipped, and why
  -q, --quiet               Report errors only (warnings still count for --max-warnings)
  -h, --help                Show this help

Adopting in an existing repository:
      --baseline <file>     Fail only on findings this baseline does not hold; the others
                            are reported as suppressed
      --write-baseline <file>
                            Record every current finding in a new baseline file
      --prune-baseline      With --baseline: remove the entries whose finding is gone
      --changed-since <ref> Fail only on findings in lines changed since this git revision
                            (and cross-resource findings that involve a changed object);
                            everything is still linted and reported
      --require-ignore-reason
                            A suppression without a reason is an error
      --show-suppressed     Also list suppressed findings, and those outside the changes
  Suppress in a manifest with a comment on the finding's line or the line above,
  # k8s-bp-ignore <rule>[,<rule>] -- <reason>, or with the annotations
  k8s-bp.dev/ignore: "<rule>,<rule>" and k8s-bp.dev/ignore-reason.

Exit status:
  0  no error-level findings that count (suppressed ones never do)
  1  at least one error-level finding, or more warnings than --max-warnings
  2  a usage or configuration error (also: a baseline that cannot be read, or
     --changed-since outside a git repository or with an unknown revision)

Examples:
  k8s-bp lint k8s/
  k8s-bp lint 'deploy/**/*.yaml' --exclude 'deploy/legacy/**'
  helm template my-release ./chart | k8s-bp lint -
  k8s-bp lint --format sarif --output k8s-bp.sarif .
  k8s-bp lint --constraints policy/gatekeeper/ k8s/
  k8s-bp lint --policies policy/admission/ k8s/
  k8s-bp lint --write-baseline .k8s-bp-baseline.json .
  k8s-bp lint --baseline .k8s-bp-baseline.json --changed-since origin/main .
`;

export const RULES_HELP = `Usage: k8s-bp rules [rule]

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

export const RENDER_HELP = `Usage: k8s-bp render [options] <folder>

Print what the kustomization in the folder builds, as kubectl kustomize prints
it: the objects that k8s-bp lint checks for that folder. Kustomize does the
build (kustomize on PATH, else kubectl kustomize, or the binary named).

Options:
      --kustomize-binary <path>
                     The kustomize (or kubectl) to build with
  -h, --help         Show this help

Examples:
  k8s-bp render overlays/production
`;

export const INIT_HELP = `Usage: k8s-bp init

Write a .k8s-bp.yaml in the working directory that starts from the
recommended rules, with every other setting shown in comments. An existing
.k8s-bp.yaml (or .k8s-bp.yml) is never replaced: init then stops with exit
status 2.

Options:
  -h, --help         Show this help

Examples:
  k8s-bp init && k8s-bp lint .
`;

export const VERIFY_HELP = `Usage: k8s-bp verify [options] <suite.yaml|directory> [...]

Run Gatekeeper test suites (kind: Suite, the format of gator verify) offline.
Each test names a template, a constraint and cases; each case reviews one
object, with optional inventory objects, and asserts how many violations it
produces (violations: yes, no or a number; message: a regular expression that
selects which violations count). The constraint's kind chooses k8s-bp's
built-in implementation of the template. A directory is searched for
suite.yaml files.

Options:
  -f, --format <name>   stylish (default) or json
  -h, --help            Show this help

Exit codes:
  0  every case passed
  1  a case failed, or its constraint kind is not supported
  2  a suite, or a file it names, cannot be read

Examples:
  k8s-bp verify policy/gatekeeper/
  k8s-bp verify --format json library/general/allowedrepos/suite.yaml
`;
