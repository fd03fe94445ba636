import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { CONFIG_FILE_NAMES } from '../config/load.js';
import { presetsOf } from '../config/presets.js';
import type { Rule } from '../model/types.js';
import { UsageError } from '../model/errors.js';
import { parseOptions } from './args.js';
import { INIT_HELP } from './help.js';
import type { Io } from './lint-command.js';

const INIT_OPTIONS = { help: { type: 'boolean', short: 'h', default: false } } as const;
const CONFIG_NAME = '.k8s-bp.yaml';

/** `k8s-bp init`: writes a commented `.k8s-bp.yaml` in the working directory, never over an existing one. */
export async function runInit(args: readonly string[], io: Io, catalogue: readonly Rule[]): Promise<number> {
  const { values, positionals } = parseOptions(args, INIT_OPTIONS);
  if (values.help) {
    io.stdout.write(INIT_HELP);
    return 0;
  }
  if (positionals.length > 0) throw new UsageError('k8s-bp init takes no arguments', 'BAD_ARGUMENTS');
  const existing = CONFIG_FILE_NAMES.find((name) => existsSync(path.join(io.cwd, name)));
  if (existing !== undefined) throw alreadyThere(existing);
  const file = path.join(io.cwd, CONFIG_NAME);
  // `wx` fails if the file appeared meanwhile, so an existing config is never replaced.
  await writeFile(file, initialConfig(catalogue), { flag: 'wx' }).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'EEXIST') throw alreadyThere(CONFIG_NAME);
    throw new UsageError(`cannot write ${CONFIG_NAME}: ${error.code ?? error.message}`, 'CONFIG_UNWRITABLE');
  });
  io.stdout.write(`Wrote ${CONFIG_NAME}, starting from the recommended rules. Next: k8s-bp lint .\n`);
  return 0;
}

function alreadyThere(name: string): UsageError {
  return new UsageError(`${name} already exists here; edit it, or remove it to start again`, 'CONFIG_EXISTS');
}

/** The starting config: the recommended preset, and every other setting shown in comments. */
export function initialConfig(rules: readonly Rule[]): string {
  const width = Math.max(...rules.map((rule) => rule.meta.id.length));
  const ruleLines = rules.map((rule) => {
    const presets = presetsOf(rule.meta.id).join(', ') || 'no preset';
    return `#   ${rule.meta.id.padEnd(width)}  (${presets}) ${rule.meta.description}`;
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

# Rules silenced for some files, with the reason; globs are relative to this
# file. Findings stay in the report, marked suppressed. In a manifest, use a
# "# k8s-bp-ignore <rule> -- <reason>" comment or a k8s-bp.dev/ignore annotation.
# ignore:
#   - paths: ['legacy/**']
#     rules: [no-latest-tag]
#     reason: frozen until the service is retired

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

# ValidatingAdmissionPolicies, bindings and parameters to enforce, as
# --policies; relative to this file. One that merely sits among the linted
# manifests is linted as an object, not enforced.
# policies: [policy/admission/]

# The built-in rules (and the presets that run them); k8s-bp rules <id> shows a
# rule's documentation and parameters:
${ruleLines.join('\n')}
`;
}

const HEADER = `# k8s-bp configuration, written by k8s-bp init.
# k8s-bp lint uses the nearest .k8s-bp.yaml from the working directory upward.
# k8s-bp rules lists the rules; k8s-bp lint --help lists the options.
`;
