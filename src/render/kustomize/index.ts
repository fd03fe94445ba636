/**
 * The Kustomize part of a run: every kustomization among the inputs is built
 * with the real Kustomize, and the objects it builds are linted as resources
 * whose findings land in the files that wrote them.
 */
import path from 'node:path';
import type { Finding, KubeObject, Resource } from '../../model/types.js';
import { fileProblem } from '../../load/problems.js';
import { LOAD_RULES } from '../../model/finding-ids.js';
import { createResource, isKubeObject } from '../../load/resource.js';
import { toDisplayPath } from '../../load/sources.js';
import { findKustomize, INSTALL_HINT } from './binary.js';
import { buildOverlay, type BuiltObject } from './build.js';
import type { Kustomization } from './kustomization.js';
import { provenanceLocator, type ProvenanceContext } from './provenance.js';
import { SourceFiles } from './source-files.js';

export { planKustomize, type KustomizePlan } from './discover.js';

export interface KustomizeOptions {
  cwd: string;
  /** The binary the user named (`--kustomize-binary`, the config), resolved against `cwd`. */
  binary?: string;
  env: Readonly<Record<string, string | undefined>>;
  /** The run's files, as planning read them: a kustomization it read is not read again. */
  files?: SourceFiles;
}

export interface KustomizeRender {
  resources: Resource[];
  findings: Finding[];
  notes: string[];
  /** Every source file read to place findings, as shown, with its text: their comments can silence findings. */
  sources: Array<{ file: string; text: string }>;
}

export async function renderKustomizations(
  entries: readonly Kustomization[],
  options: KustomizeOptions,
): Promise<KustomizeRender> {
  const render: KustomizeRender = { resources: [], findings: [], notes: [], sources: [] };
  if (entries.length === 0) return render;
  const show = (absolute: string) => toDisplayPath(absolute, options.cwd);
  const binary = findKustomize(options.binary, options.env, options.cwd);
  const files = options.files ?? new SourceFiles();
  const { sources, used } = recordingReads(files);
  const layers = new LayerIndex(files);
  for (const entry of entries) {
    const shown = show(entry.file);
    // Every file the overlay is made of is read now: their suppression comments apply to what is found in them.
    for (const file of layers.filesOf(entry)) sources.get(file);
    if (binary === undefined) {
      render.findings.push(buildProblem(shown, `cannot build this kustomization: no Kustomize found; ${INSTALL_HINT}`));
      continue;
    }
    const outcome = await buildOverlay(entry, binary);
    if ('error' in outcome) {
      // Paths in Kustomize's message are absolute; shown from the working directory, a report reads the same anywhere.
      const message = outcome.error.split(`${options.cwd}${path.sep}`).join('');
      render.findings.push(buildProblem(shown, `kustomize could not build this kustomization: ${message}`));
      continue;
    }
    for (const [index, built] of outcome.objects.entries()) {
      if (!isKubeObject(built.value)) {
        render.notes.push(`${shown}: skipped built object ${index + 1}: it has no apiVersion or kind`);
        continue;
      }
      const chain = layers.chain(entry, built);
      const locator = provenanceLocator(built, { chain, sources, show });
      const object = built.value as unknown as KubeObject;
      render.resources.push(createResource(object, { file: shown, documentIndex: index, pathInDocument: [], locator }));
    }
  }
  for (const file of used) {
    const source = files.get(file);
    if (source !== undefined) render.sources.push({ file: show(file), text: source.text });
  }
  return render;
}

/**
 * The run's files as this stage reads them, and which it read: the sources it
 * reports are those of the overlays it built, not every kustomization that
 * planning looked at.
 */
function recordingReads(files: SourceFiles): { sources: ProvenanceContext['sources']; used: Set<string> } {
  const used = new Set<string>();
  const sources: ProvenanceContext['sources'] = {
    get: (absolute) => {
      used.add(absolute);
      return files.get(absolute);
    },
    parsed: (text) => files.parsed(text),
  };
  return { sources, used };
}

function buildProblem(file: string, message: string): Finding {
  return fileProblem(LOAD_RULES.kustomizeBuild, 'error', message, { file, documentIndex: 0, line: 1, column: 1 });
}

/** Kustomize lists each transformer that changed an object; more than a few layers on one way is beyond real overlays. */
const MAX_WAYPOINTS = 12;

/** One step of a way down the layers: the layer, the waypoints passed (one bit each), and the step before. */
interface WayStep {
  layer: Kustomization;
  passed: number;
  previous?: WayStep;
}

function countBits(bits: number): number {
  let count = 0;
  for (let rest = bits; rest !== 0; rest &= rest - 1) count++;
  return count;
}

/**
 * The layers between an overlay and the file an object came from: the
 * kustomizations it builds on, followed down to the one that lists the file
 * (or generated the object).
 */
class LayerIndex {
  private readonly paths = new Map<string, Kustomization[]>();

  constructor(private readonly files: SourceFiles) {}

  /**
   * Outermost first, each layer followed by the components it applies (the
   * last one first): a layer's own transformers run after its components.
   */
  chain(entry: Kustomization, built: BuiltObject): Kustomization[] {
    const layers = this.path(entry, built);
    const chain: Kustomization[] = [];
    for (const layer of layers) {
      chain.push(layer);
      for (const component of this.componentsOf(layer, new Set()))
        if (!layers.includes(component)) chain.push(component);
    }
    return chain;
  }

  /** The components a layer applies, the last first, each followed by the components it applies in turn. */
  private componentsOf(layer: Kustomization, seen: Set<string>): Kustomization[] {
    const components = layer.folders
      .map((folder) => this.read(folder))
      .filter((next): next is Kustomization => next?.isComponent === true && !seen.has(next.folder));
    return components.reverse().flatMap((component) => {
      seen.add(component.folder);
      return [component, ...this.componentsOf(component, seen)];
    });
  }

  /**
   * The layers from the overlay down to the one that lists the object's file
   * or generated it. Where more than one way leads there (a base that the
   * overlay reaches directly and through another overlay, each building its
   * own copy), the way through the most layers whose transformers Kustomize
   * says changed the object, then the shortest.
   */
  private path(entry: Kustomization, built: BuiltObject): Kustomization[] {
    const target = built.origin.path ?? built.origin.configuredIn;
    if (target === undefined) return [entry];
    const key = [entry.folder, target, ...built.transformedIn].join('\0');
    let found = this.paths.get(key);
    if (found === undefined) {
      found = this.searchPath(entry, target, built.transformedIn.slice(0, MAX_WAYPOINTS));
      this.paths.set(key, found);
    }
    return found;
  }

  /** A breadth-first search over (layer, which of the waypoints the way has passed). */
  private searchPath(entry: Kustomization, target: string, waypoints: readonly string[]): Kustomization[] {
    const bit = (layer: Kustomization) => (waypoints.includes(layer.file) ? 1 << waypoints.indexOf(layer.file) : 0);
    const queue: WayStep[] = [{ layer: entry, passed: bit(entry) }];
    const visited = new Set([`${entry.folder}\0${queue[0]!.passed}`]);
    let best: WayStep | undefined;
    for (let at = 0; at < queue.length; at++) {
      const step = queue[at]!;
      const lists = step.layer.file === target || step.layer.files.includes(target);
      if (lists && (best === undefined || countBits(step.passed) > countBits(best.passed))) best = step;
      for (const folder of step.layer.folders) {
        const next = this.read(folder);
        if (next === undefined) continue;
        const passed = step.passed | bit(next);
        if (visited.has(`${next.folder}\0${passed}`)) continue;
        visited.add(`${next.folder}\0${passed}`);
        queue.push({ layer: next, passed, previous: step });
      }
    }
    const chain: Kustomization[] = [];
    for (let step = best; step !== undefined; step = step.previous) chain.unshift(step.layer);
    return chain.length > 0 ? chain : [entry];
  }

  /** The kustomization files and input files of an overlay, through every layer. */
  filesOf(entry: Kustomization): string[] {
    const files: string[] = [];
    const seen = new Set<string>();
    const pending = [entry];
    while (pending.length > 0) {
      const layer = pending.pop()!;
      if (seen.has(layer.folder)) continue;
      seen.add(layer.folder);
      files.push(layer.file, ...layer.files);
      for (const folder of layer.folders) {
        const next = this.read(folder);
        if (next !== undefined) pending.push(next);
      }
    }
    return files;
  }

  private read(folder: string): Kustomization | undefined {
    return this.files.kustomization(folder);
  }
}
