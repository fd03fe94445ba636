import { STDIN_NAME } from '../model/stdin.js';
import path from 'node:path';
import { scanIgnoreComments, type IgnoreComment } from '../adopt/index.js';
import type { LoadedConfig } from '../config/load.js';
import type { Finding, Resource } from '../model/types.js';
import { loadManifestFiles } from '../load/manifest-files.js';
import { parseManifests } from '../load/parse.js';
import { fileProblem } from '../load/problems.js';
import { LOAD_RULES } from '../model/finding-ids.js';
import { decodeManifest, readManifestFile, unreadableFile, type ReadOutcome } from '../load/read.js';
import { setAside } from '../load/set-aside.js';
import { planKustomize } from '../render/kustomize/discover.js';
import type { Kustomization } from '../render/kustomize/kustomization.js';
import { SourceFiles } from '../render/kustomize/source-files.js';
import { resolveInputs } from '../load/sources.js';
import type { LintOptions } from '../lint.js';
import { classifyResource } from './classify-resource.js';
import { kustomizeEntries } from './render-inputs.js';
import { configRelative } from './load-run-config.js';

/** The objects to lint, and what the files told on the way. */
export interface Inputs {
  /** The files read, in report order (relative paths, or `<stdin>`). */
  files: string[];
  resources: Resource[];
  /** Objects that cross-resource rules may look up but that are not linted (`--inventory`). */
  inventory: Resource[];
  /** Every `k8s-bp-ignore` comment, read while the text is at hand. */
  comments: IgnoreComment[];
  /** The kustomizations to build (stage 4). */
  kustomizations: Kustomization[];
  /** The files of the kustomizations, as this stage read them: stage 4 reads on from there. */
  kustomizeFiles: SourceFiles;
  /** Input files (as shown) that are only inputs of some kustomization, linted through what it builds. */
  kustomizationInputs: string[];
  findings: Finding[];
  notes: string[];
}

/**
 * Stage 3: the inventory, then the inputs: paths become files, files that are
 * not objects of their own are set aside, and each file is read and parsed
 * into resources, problems (findings) and skipped documents (notes).
 */
export async function loadInputs(
  config: LoadedConfig | undefined,
  options: LintOptions,
  maxFileSize: number,
): Promise<Inputs> {
  const inventory = await loadManifestFiles(options.inventory ?? [], {
    cwd: options.cwd,
    maxFileSize,
    option: '--inventory',
  });
  // The config's CRD folders are inventory too: custom resources are validated against them, nothing in them is linted.
  const crdPaths = (config?.config.crds ?? []).map((entry) => configRelative(config, options.cwd, entry));
  const crds = await loadManifestFiles(crdPaths, { cwd: options.cwd, maxFileSize, option: "the config's crds" });
  const exclude = [...(config?.config.exclude ?? []), ...options.exclude];
  const inputs = await resolveInputs(options.paths, { cwd: options.cwd, exclude });
  // Kustomize first: a chart that a kustomization inflates is one of its inputs, not a chart to report on its own.
  const kustomizeFiles = new SourceFiles();
  const kustomize = planKustomize(inputs.files, options.cwd, kustomizeEntries(config, options), kustomizeFiles);
  const unbuilt = inputs.files.filter((file) => !kustomize.inputs.has(file));
  const { files, setAside: aside } = setAside(unbuilt, options.cwd);
  const sources = files.map((file) => ({
    file,
    read: () => readManifestFile(path.resolve(options.cwd, file), file, maxFileSize),
  }));
  if (inputs.stdin) sources.push({ file: STDIN_NAME, read: () => readStdin(options) });

  const loaded: Inputs = {
    files: sources.map((source) => source.file),
    resources: [],
    inventory: [...inventory.resources, ...crds.resources],
    comments: [],
    kustomizations: kustomize.entries,
    kustomizeFiles,
    kustomizationInputs: [...kustomize.inputs.keys()],
    findings: [...inventory.findings, ...crds.findings, ...aside.charts.map(chartFinding)],
    notes: [
      ...inventory.notes,
      ...crds.notes,
      ...inputs.notes,
      ...aside.notes,
      ...[...kustomize.inputs].map(([file, reason]) => `${file}: ${reason}`),
    ],
  };
  const includePolicyManifests = options.includePolicyManifests === true;
  for (const source of sources) {
    const outcome = await source.read().catch((error: NodeJS.ErrnoException) => unreadableFile(source.file, error));
    if ('finding' in outcome) {
      loaded.findings.push(outcome.finding);
      continue;
    }
    loaded.comments.push(...scanIgnoreComments(outcome.text, source.file));
    for (const event of parseManifests(outcome.text, source.file)) {
      if (event.type === 'resource') {
        const classified = classifyResource(event.resource, includePolicyManifests);
        loaded.notes.push(...classified.notes);
        if (classified.lint) loaded.resources.push(event.resource);
      } else if (event.type === 'problem') loaded.findings.push(event.finding);
      else
        loaded.notes.push(`${event.file}:${event.line}: skipped document ${event.documentIndex + 1}: ${event.reason}`);
    }
  }
  return loaded;
}

async function readStdin(options: LintOptions): Promise<ReadOutcome> {
  const input = await options.readStdin();
  return decodeManifest(typeof input === 'string' ? Buffer.from(input, 'utf8') : input, STDIN_NAME);
}

/** One finding for a chart whose files were among the inputs: they are not manifests, and the chart is not linted. */
function chartFinding(chart: string): Finding {
  const message = `Helm chart ${chart}: its templates and values files are not manifests, so they are not linted; lint what the chart renders (helm template <release> ${chart} | k8s-bp lint -)`;
  const file = chart === '.' ? 'Chart.yaml' : `${chart}/Chart.yaml`;
  return fileProblem(LOAD_RULES.helmChart, 'warning', message, { file, documentIndex: 0, line: 1, column: 1 });
}
