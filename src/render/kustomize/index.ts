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
import { readKustomization, type Kustomization } from './kustomization.js';
import { provenanceLocator } from './provenance.js';
import { SourceFiles } from './source-files.js';

export { planKustomize, type KustomizePlan } from './discover.js';

export interface KustomizeOptions {
  cwd: string;
  /** The binary the user named (`--kustomize-binary`, the config), resolved against `cwd`. */
  binary?: string;
  env: Readonly<Record<string, string | undefined>>;
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
  const sources = new SourceFiles();
  const layers = new LayerIndex();
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
  for (const [file, source] of sources.read()) render.sources.push({ file: show(file), text: source.text });
  return render;
}

function buildProblem(file: string, message: string): Finding {
  return fileProblem(LOAD_RULES.kustomizeBuild, 'error', message, { file, documentIndex: 0, line: 1, column: 1 });
}

/**
 * The layers between an overlay and the file an object came from: the
 * kustomizations it builds on, followed down to the one that lists the file
 * (or generated the object).
 */
class LayerIndex {
  private readonly kustomizations = new Map<string, Kustomization | undefined>();

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

  /** The layers from the overlay down to the one that lists the object's file or generated it. */
  private path(entry: Kustomization, built: BuiltObject): Kustomization[] {
    const target = built.origin.path ?? built.origin.configuredIn;
    if (target === undefined) return [entry];
    const parents = new Map<Kustomization, Kustomization | undefined>([[entry, undefined]]);
    const queue = [entry];
    while (queue.length > 0) {
      const layer = queue.shift()!;
      if (layer.file === target || layer.files.includes(target)) {
        const chain: Kustomization[] = [];
        for (let at: Kustomization | undefined = layer; at !== undefined; at = parents.get(at)) chain.unshift(at);
        return chain;
      }
      for (const folder of layer.folders) {
        const next = this.read(folder);
        if (next !== undefined && !parents.has(next)) {
          parents.set(next, layer);
          queue.push(next);
        }
      }
    }
    return [entry];
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
    if (!this.kustomizations.has(folder)) this.kustomizations.set(folder, readKustomization(folder));
    return this.kustomizations.get(folder);
  }
}
