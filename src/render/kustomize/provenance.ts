/**
 * Where a value of a built object was written: the base file that holds it,
 * the patch (strategic merge or JSON 6902) that set it, or the kustomization
 * entry (`images`, `replicas`, `namespace`, labels, name prefix, generators)
 * that produced it. A finding on a built object is placed there, so that a
 * pull request that changes one patch fails on the line it changed.
 *
 * Kustomize's origin annotation names the file an object came from; the rest
 * is found here by reading the overlay's layers from the outermost in, as the
 * last layer to touch a value is the one that wrote it.
 */
import path from 'node:path';
import type { LocateAt, Locator, ObjectPath, PathSegment, SourceRange, ValueSite } from '../../model/types.js';
import { getIn, isRecord } from '../../model/records.js';
import type { BuiltObject } from './build.js';
import { list, type Kustomization } from './kustomization.js';
import { parseSourceDocuments, type SourceDocument, type SourceFiles } from './source-files.js';

export interface ProvenanceContext {
  /** The overlay's layers, outermost (the entry point) first, down to the one that read or generated the object. */
  chain: readonly Kustomization[];
  sources: SourceFiles;
  /** How a file is shown in reports. */
  show(absolute: string): string;
}

/** A candidate place: how much of the path it holds, and where. */
interface Site {
  matched: number;
  range: SourceRange;
  /** The range of the value alone, when the site is a map entry whose value can be pointed at. */
  valueRange?: () => SourceRange;
}

export function provenanceLocator(built: BuiltObject, context: ProvenanceContext): Locator {
  const overlay = context.show(context.chain[0]!.file);
  const names = namesByLayer(built, context.chain);
  const locator: Locator = {
    // The overlay that built the object is where the finding was found: a related place, unless it is the place.
    broughtBy(objectPath: ObjectPath): ValueSite[] {
      if (locator.locate(objectPath).file === overlay) return [];
      return [{ file: overlay, line: 1, column: 1, message: `built by ${overlay}` }];
    },
    locate(objectPath: ObjectPath, at?: LocateAt): SourceRange {
      let best: Site | undefined;
      const consider = (site: Site | undefined) => {
        if (site !== undefined && (best === undefined || site.matched > best.matched)) best = site;
        return site !== undefined && site.matched === objectPath.length;
      };
      for (const [index, layer] of context.chain.entries()) {
        if (consider(layerSite(layer, built, objectPath, context, names[index]!)))
          return rangeOf(best!, at, objectPath.length);
      }
      if (consider(originSite(built, objectPath, context))) return rangeOf(best!, at, objectPath.length);
      return best ? rangeOf(best, at, objectPath.length) : fileStart(context.chain[0]!.file, context);
    },
  };
  return locator;
}

/** A site's range, or its value's when asked for and the site holds the whole path. */
function rangeOf(site: Site, at: LocateAt | undefined, pathLength: number): SourceRange {
  return at === 'value' && site.valueRange && site.matched === pathLength ? site.valueRange() : site.range;
}

function fileStart(file: string, context: ProvenanceContext): SourceRange {
  return { line: 1, column: 1, endLine: 1, endColumn: 1, file: context.show(file), documentIndex: 0 };
}

/** A place in a document of a source file (or of a patch inside a kustomization). */
function siteIn(document: PlacedDocument, documentPath: ObjectPath, matched: number): Site {
  const range = document.locator.locate(documentPath);
  return {
    matched,
    range: document.place(range),
    valueRange: () => document.place(document.locator.locate(documentPath, 'value')),
  };
}

/** A document with a locator, and how to turn its ranges into ranges of the file the user edits. */
interface PlacedDocument {
  value: unknown;
  locator: Locator;
  place(range: SourceRange): SourceRange;
}

function placedSource(document: SourceDocument, file: string, context: ProvenanceContext): PlacedDocument {
  const shown = context.show(file);
  return {
    value: document.value,
    locator: document.locator,
    place: (range) => ({ ...range, file: shown, documentIndex: document.index }),
  };
}

// ---------------------------------------------------------------------------
// The object's own file, or the generator that made it.

/** The document of the file the object was read from, if it was read from one. */
function originDocument(built: BuiltObject, context: ProvenanceContext): SourceDocument | undefined {
  const file = built.origin.path === undefined ? undefined : context.sources.get(built.origin.path);
  return file && findDocument(file.documents, built.value);
}

function originSite(built: BuiltObject, objectPath: ObjectPath, context: ProvenanceContext): Site | undefined {
  const { origin } = built;
  if (origin.path !== undefined) {
    const document = originDocument(built, context);
    if (document === undefined) return undefined;
    const placed = placedSource(document, origin.path, context);
    const translated = translatePath(built.value, document.value, objectPath);
    return siteIn(placed, translated.path, translated.matched);
  }
  if (origin.configuredIn !== undefined) return generatorSite(built, objectPath, origin.configuredIn, context);
  return undefined;
}

/**
 * The document of a file that holds the object: same kind, and the name
 * Kustomize started from (a prefix, suffix or hash may have been added, never
 * taken away); of two such, the one in the object's namespace.
 */
function findDocument(
  documents: readonly SourceDocument[],
  object: Record<string, unknown>,
): SourceDocument | undefined {
  const name = nameOf(object) ?? '';
  const namespace = namespaceOf(object);
  let best: SourceDocument | undefined;
  let bestScore = -1;
  for (const document of documents) {
    if (!isRecord(document.value) || document.value.kind !== object.kind) continue;
    const candidate = nameOf(document.value);
    const nameScore = candidate === undefined ? 0 : name.includes(candidate) ? 2 * candidate.length + 2 : -1;
    if (nameScore < 0) continue;
    const score = nameScore + (namespaceOf(document.value) === namespace ? 1 : 0);
    if (score > bestScore) {
      best = document;
      bestScore = score;
    }
  }
  return best ?? documents.find((document) => isRecord(document.value) && document.value.kind === object.kind);
}

function namespaceOf(object: Record<string, unknown>): string | undefined {
  const metadata = object.metadata;
  return isRecord(metadata) && typeof metadata.namespace === 'string' ? metadata.namespace : undefined;
}

function nameOf(object: Record<string, unknown>): string | undefined {
  const metadata = object.metadata;
  return isRecord(metadata) && typeof metadata.name === 'string' ? metadata.name : undefined;
}

/** A generated ConfigMap or Secret: its key at the literal or file entry that made it, else the generator entry. */
function generatorSite(
  built: BuiltObject,
  objectPath: ObjectPath,
  kustomizationFile: string,
  context: ProvenanceContext,
): Site | undefined {
  const document = kustomizationDocument(kustomizationFile, context);
  if (document === undefined || !isRecord(document.value)) return undefined;
  // An object a Helm chart rendered: its findings land on the `helmCharts` entry that inflated the chart.
  if (built.origin.configuredBy?.kind === 'HelmChartInflationGenerator') {
    const charts = list(document.value.helmCharts);
    const named = charts.findIndex((chart) => isRecord(chart) && chart.name === built.origin.configuredBy?.name);
    return siteIn(document, ['helmCharts', Math.max(named, 0)], objectPath.length);
  }
  const kind = built.origin.configuredBy?.kind === 'SecretGenerator' ? 'secretGenerator' : 'configMapGenerator';
  const name = nameOf(built.value) ?? '';
  // A generator may also be written as an object of its own (kind: ConfigMapGenerator) in a file that `generators` names.
  if (typeof document.value.kind === 'string' && /^(ConfigMap|Secret)Generator$/.test(document.value.kind)) {
    return generatorEntrySite(document.value, [], document, built, objectPath, kustomizationFile, context);
  }
  const entries = list(document.value[kind]);
  let index = -1;
  let length = -1;
  for (const [at, entry] of entries.entries()) {
    const entryName = isRecord(entry) && typeof entry.name === 'string' ? entry.name : undefined;
    if (entryName !== undefined && name.includes(entryName) && entryName.length > length) {
      index = at;
      length = entryName.length;
    }
  }
  if (index === -1) return siteIn(document, [kind], 0);
  return generatorEntrySite(
    entries[index] as Record<string, unknown>,
    [kind, index],
    document,
    built,
    objectPath,
    kustomizationFile,
    context,
  );
}

/** A generated key at its literal, file or env-file line; anything else at the generator entry. */
function generatorEntrySite(
  entry: Record<string, unknown>,
  entryPath: ObjectPath,
  document: PlacedDocument,
  built: BuiltObject,
  objectPath: ObjectPath,
  kustomizationFile: string,
  context: ProvenanceContext,
): Site {
  const key =
    (objectPath[0] === 'data' || objectPath[0] === 'stringData') && typeof objectPath[1] === 'string'
      ? objectPath[1]
      : undefined;
  if (key !== undefined) {
    for (const field of ['literals', 'files'] as const) {
      for (const [at, item] of list(entry[field]).entries()) {
        if (typeof item !== 'string') continue;
        const itemKey =
          field === 'literals' ? item.split('=')[0] : item.includes('=') ? item.split('=')[0] : path.basename(item);
        if (itemKey === key) return siteIn(document, [...entryPath, field, at], objectPath.length);
      }
    }
    for (const envFile of [...list(entry.envs), entry.env]) {
      if (typeof envFile !== 'string') continue;
      const absolute = path.resolve(path.dirname(kustomizationFile), envFile);
      const line = envLine(absolute, key, context);
      if (line !== undefined) {
        return {
          matched: objectPath.length,
          range: { line, column: 1, endLine: line, endColumn: 1, file: context.show(absolute), documentIndex: 0 },
        };
      }
    }
  }
  return siteIn(document, entryPath, 1);
}

function envLine(file: string, key: string, context: ProvenanceContext): number | undefined {
  const text = context.sources.get(file)?.text;
  if (text === undefined) return undefined;
  const index = text.split(/\r?\n/).findIndex((line) => line.trimStart().startsWith(`${key}=`) || line.trim() === key);
  return index === -1 ? undefined : index + 1;
}

function kustomizationDocument(file: string, context: ProvenanceContext): PlacedDocument | undefined {
  const document = context.sources.get(file)?.documents[0];
  return document === undefined ? undefined : placedSource(document, file, context);
}

// ---------------------------------------------------------------------------
// What one layer of the overlay changed.

function layerSite(
  layer: Kustomization,
  built: BuiltObject,
  objectPath: ObjectPath,
  context: ProvenanceContext,
  names: readonly string[],
): Site | undefined {
  const document = kustomizationDocument(layer.file, context);
  if (document === undefined || !isRecord(document.value)) return undefined;
  const query: LayerQuery = { layer, kustomization: document.value, document, built, objectPath, context, names };
  // Kustomize runs a layer's image, replica, label and namespace transformers after its patches, so they are asked first.
  const field = replacementSite(query) ?? fieldSite(query);
  if (field !== undefined) return field;
  // Only a patch that writes the whole path explains a value; one that writes part of the way to a missing field does not.
  for (const site of patchSites(query)) {
    if (site !== undefined && site.matched === objectPath.length) return site;
  }
  return undefined;
}

/** One question to one layer: where, if anywhere, did it write this path of this built object? */
interface LayerQuery {
  layer: Kustomization;
  /** The layer's kustomization, as read. */
  kustomization: Record<string, unknown>;
  /** The kustomization file's document, for places in it. */
  document: PlacedDocument;
  built: BuiltObject;
  objectPath: ObjectPath;
  context: ProvenanceContext;
  /** The names the object had at this layer. */
  names: readonly string[];
}

/**
 * A value that a `replacements` entry copied in from another object: the
 * entry's source, which names where the value comes from, is the place.
 */
function replacementSite(query: LayerQuery): Site | undefined {
  const { layer, kustomization, document, built, objectPath, context, names } = query;
  const candidates: Array<{ replacement: unknown; at: PlacedDocument; path: ObjectPath }> = [];
  for (const [index, entry] of list(kustomization.replacements).entries()) {
    if (isRecord(entry) && typeof entry.path === 'string') {
      const absolute = path.resolve(layer.folder, entry.path);
      for (const source of context.sources.get(absolute)?.documents ?? []) {
        const placed = placedSource(source, absolute, context);
        if (Array.isArray(source.value)) {
          source.value.forEach((replacement, at) => candidates.push({ replacement, at: placed, path: [at] }));
        } else candidates.push({ replacement: source.value, at: placed, path: [] });
      }
    } else candidates.push({ replacement: entry, at: document, path: ['replacements', index] });
  }
  if (candidates.length === 0) return undefined;
  // A field path written with list indexes counts items as the layer saw them; an outer layer may since have added some.
  const origin = originDocument(built, context);
  const originPath = origin && translatePath(built.value, origin.value, objectPath);
  const namesField = (fieldPath: string) =>
    fieldPathMatches(fieldPath, built.value, objectPath) ||
    (originPath?.matched === objectPath.length && fieldPathMatches(fieldPath, origin!.value, originPath.path));
  for (let index = candidates.length - 1; index >= 0; index--) {
    const { replacement, at, path: entryPath } = candidates[index]!;
    if (!isRecord(replacement)) continue;
    const hit = list(replacement.targets).some(
      (target) =>
        isRecord(target) &&
        targets(target.select, built.value, names) &&
        list(target.fieldPaths).some((fieldPath) => typeof fieldPath === 'string' && namesField(fieldPath)),
    );
    if (hit) return siteIn(at, [...entryPath, 'source'], objectPath.length);
  }
  return undefined;
}

/** Whether a Kustomize field path (`spec.containers.[name=web].image`, `*` for any) names this path of the object. */
function fieldPathMatches(fieldPath: string, object: unknown, objectPath: ObjectPath): boolean {
  const segments = fieldPath.match(/\[[^\]]*\]|[^.]+/g) ?? [];
  if (segments.length !== objectPath.length) return false;
  let at = object;
  for (const [index, segment] of segments.entries()) {
    const step = objectPath[index]!;
    const item: unknown =
      isRecord(at) || Array.isArray(at) ? (at as Record<string, unknown>)[step as string] : undefined;
    const selector = /^\[([^=\]]+)=([^\]]*)\]$/.exec(segment);
    if (selector !== null) {
      if (typeof step !== 'number' || !isRecord(item) || String(item[selector[1]!]) !== selector[2]) return false;
    } else if (segment !== '*' && segment !== String(step)) return false;
    at = item;
  }
  return true;
}

/** The kustomization's own fields that write one value: images, replicas, namespace, name prefix and suffix, labels, annotations. */
function fieldSite(query: LayerQuery): Site | undefined {
  const { kustomization, document, built, objectPath, names } = query;
  const full = objectPath.length;
  const last = objectPath[full - 1];
  const [first, second, third] = objectPath;
  if (
    last === 'image' &&
    objectPath.some(
      (segment) => segment === 'containers' || segment === 'initContainers' || segment === 'ephemeralContainers',
    )
  ) {
    const image = getIn(built.value, objectPath);
    if (typeof image === 'string') {
      const repository = imageRepository(image);
      const entries = list(kustomization.images);
      for (let index = entries.length - 1; index >= 0; index--) {
        const entry = entries[index];
        if (!isRecord(entry)) continue;
        const produced = typeof entry.newName === 'string' ? entry.newName : entry.name;
        if (produced !== repository) continue;
        const key = ['newTag', 'digest', 'newName'].find((field) => entry[field] !== undefined);
        return siteIn(document, key === undefined ? ['images', index] : ['images', index, key], full);
      }
    }
  }
  if (first === 'spec' && second === 'replicas' && full === 2) {
    const entries = list(kustomization.replicas);
    for (let index = entries.length - 1; index >= 0; index--) {
      const entry = entries[index];
      if (isRecord(entry) && typeof entry.name === 'string' && names.includes(entry.name)) {
        return siteIn(document, ['replicas', index, 'count'], full);
      }
    }
  }
  // The namespace transformer also sets the namespace of subjects and webhook services that name the object's namespace.
  if (
    last === 'namespace' &&
    typeof kustomization.namespace === 'string' &&
    getIn(built.value, objectPath) === kustomization.namespace
  ) {
    return siteIn(document, ['namespace'], full);
  }
  if (first === 'metadata' && second === 'name' && full === 2) {
    for (const field of ['namePrefix', 'nameSuffix']) {
      if (typeof kustomization[field] === 'string' && kustomization[field] !== '')
        return siteIn(document, [field], full);
    }
  }
  const labelKey = labelKeyOf(objectPath);
  if (labelKey !== undefined) {
    const labels = list(kustomization.labels);
    for (let index = labels.length - 1; index >= 0; index--) {
      const pairs = isRecord(labels[index]) ? (labels[index] as Record<string, unknown>).pairs : undefined;
      if (isRecord(pairs) && labelKey in pairs) return siteIn(document, ['labels', index, 'pairs', labelKey], full);
    }
    if (isRecord(kustomization.commonLabels) && labelKey in kustomization.commonLabels) {
      return siteIn(document, ['commonLabels', labelKey], full);
    }
  }
  if (first === 'metadata' && second === 'annotations' && typeof third === 'string' && full === 3) {
    if (isRecord(kustomization.commonAnnotations) && third in kustomization.commonAnnotations) {
      return siteIn(document, ['commonAnnotations', third], full);
    }
  }
  return undefined;
}

/** The label key of a path into labels Kustomize adds to: the object's, selectors', and pod templates'. */
function labelKeyOf(objectPath: ObjectPath): string | undefined {
  const key = objectPath[objectPath.length - 1];
  if (typeof key !== 'string') return undefined;
  const parent = objectPath.slice(0, -1).join('.');
  return /(^|\.)(metadata\.labels|selector\.matchLabels|selector)$/.test(parent) ? key : undefined;
}

function imageRepository(image: string): string {
  const withoutDigest = image.split('@')[0]!;
  const slash = withoutDigest.lastIndexOf('/');
  const colon = withoutDigest.lastIndexOf(':');
  return colon > slash ? withoutDigest.slice(0, colon) : withoutDigest;
}

// ---------------------------------------------------------------------------
// Patches.

function* patchSites(query: LayerQuery): Generator<Site | undefined> {
  const { layer, kustomization, document, built, objectPath, context, names } = query;
  // Later patches apply later, so they are asked first.
  const entries: Array<{ target: unknown; documents: PlacedDocument[] }> = [];
  const layerText = context.sources.get(layer.file)?.text ?? '';
  const fromFile = (file: string) => {
    const absolute = path.resolve(layer.folder, file);
    const source = context.sources.get(absolute);
    return source === undefined ? [] : source.documents.map((each) => placedSource(each, absolute, context));
  };
  for (const key of ['patchesStrategicMerge', 'patchesJson6902', 'patches'] as const) {
    for (const [index, entry] of list(kustomization[key]).entries()) {
      if (typeof entry === 'string') {
        const documents = entry.includes('\n')
          ? inlineDocuments(entry, document, [key, index], layerText)
          : fromFile(entry);
        entries.push({ target: undefined, documents });
      } else if (isRecord(entry)) {
        const documents =
          typeof entry.path === 'string'
            ? fromFile(entry.path)
            : typeof entry.patch === 'string'
              ? inlineDocuments(entry.patch, document, [key, index, 'patch'], layerText)
              : [];
        entries.push({ target: entry.target, documents });
      }
    }
  }
  for (let index = entries.length - 1; index >= 0; index--) {
    const { target, documents } = entries[index]!;
    if (target !== undefined && !targets(target, built.value, names)) continue;
    for (let at = documents.length - 1; at >= 0; at--) {
      const patch = documents[at]!;
      if (Array.isArray(patch.value)) yield jsonPatchSite(patch, built.value, objectPath);
      else if (
        isRecord(patch.value) &&
        !namesObject(objectPath) &&
        (target !== undefined || sameObject(patch.value, built.value, names))
      ) {
        const translated = translatePath(built.value, patch.value, objectPath);
        if (translated.matched === objectPath.length) yield siteIn(patch, translated.path, translated.matched);
      }
    }
  }
}

/** A patch written inside the kustomization as a block scalar: its lines are lines of the kustomization. */
function inlineDocuments(
  text: string,
  kustomization: PlacedDocument,
  at: ObjectPath,
  fileText: string,
): PlacedDocument[] {
  const key = kustomization.place(kustomization.locator.locate(at));
  const indent = blockIndent(fileText, key.line);
  return parseSourceDocuments(text).map(({ value, locator }) => {
    return {
      value,
      locator,
      // A block scalar's text starts on the line after its key, indented; where that cannot be known, the key stands.
      place: (range: SourceRange) => ({
        ...key,
        line: key.line + range.line,
        endLine: key.line + range.endLine,
        column: range.column + indent,
        endColumn: range.endColumn + indent,
      }),
    };
  });
}

/** The indentation of a block scalar's text: that of its first line, the line after its key. */
function blockIndent(fileText: string, keyLine: number): number {
  const line = fileText.split(/\r?\n/)[keyLine] ?? '';
  return line.length - line.trimStart().length;
}

function jsonPatchSite(
  patch: PlacedDocument,
  object: Record<string, unknown>,
  objectPath: ObjectPath,
): Site | undefined {
  const operations = patch.value as unknown[];
  for (let index = operations.length - 1; index >= 0; index--) {
    const operation = operations[index];
    if (!isRecord(operation) || typeof operation.path !== 'string') continue;
    if (operation.op !== 'add' && operation.op !== 'replace' && operation.op !== 'copy' && operation.op !== 'move')
      continue;
    const written = pointerSegments(operation.path, object);
    if (
      written.length > objectPath.length ||
      !written.every((segment, at) => String(segment) === String(objectPath[at]))
    )
      continue;
    if (operation.op === 'copy' || operation.op === 'move' || !('value' in operation)) {
      return siteIn(patch, [index, 'path'], objectPath.length);
    }
    const rest = objectPath.slice(written.length);
    return siteIn(patch, [index, 'value', ...rest], objectPath.length);
  }
  return undefined;
}

/** A JSON pointer as path segments; `-` (append) is the last item of the list in the built object. */
function pointerSegments(pointer: string, object: unknown): PathSegment[] {
  const segments: PathSegment[] = [];
  let at: unknown = object;
  for (const raw of pointer.split('/').slice(1)) {
    const token = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    let segment: PathSegment = token;
    if (Array.isArray(at)) segment = token === '-' ? at.length - 1 : Number(token);
    segments.push(segment);
    at = isRecord(at) || Array.isArray(at) ? (at as Record<string, unknown>)[segment as string] : undefined;
  }
  return segments;
}

/** A strategic-merge patch's name and namespace say which object it patches; they never set them. */
function namesObject(objectPath: ObjectPath): boolean {
  return (
    objectPath.length === 2 &&
    objectPath[0] === 'metadata' &&
    (objectPath[1] === 'name' || objectPath[1] === 'namespace')
  );
}

/** A strategic-merge patch without a target names its object by kind and name, as the layer knows it. */
function sameObject(
  patch: Record<string, unknown>,
  object: Record<string, unknown>,
  names: readonly string[],
): boolean {
  if (patch.kind !== undefined && patch.kind !== object.kind) return false;
  const name = nameOf(patch);
  return name === undefined || names.includes(name);
}

/** A patch or replacement target: kind and name are regular expressions that must match whole. */
function targets(target: unknown, object: Record<string, unknown>, names: readonly string[]): boolean {
  if (!isRecord(target)) return true;
  if (typeof target.kind === 'string' && !wholeMatch(target.kind, String(object.kind))) return false;
  if (typeof target.name === 'string' && !names.some((name) => wholeMatch(target.name as string, name))) return false;
  return true;
}

function wholeMatch(pattern: string, text: string): boolean {
  return pattern === text || (safeRegExp(`^(?:${pattern})$`)?.test(text) ?? false);
}

/**
 * The names an object had at each layer: its built name without the
 * prefixes and suffixes of that layer and those outside it (and without a
 * generator's hash), its original name, and the built name itself, in case a
 * layer's name transformer did not apply to it.
 */
function namesByLayer(built: BuiltObject, chain: readonly Kustomization[]): string[][] {
  const builtName = nameOf(built.value) ?? '';
  let name = built.origin.configuredIn !== undefined ? builtName.replace(/-[a-z0-9]{10}$/, '') : builtName;
  const atLayer = chain.map((layer) => {
    const value = layer.value ?? {};
    const prefix = typeof value.namePrefix === 'string' ? value.namePrefix : '';
    const suffix = typeof value.nameSuffix === 'string' ? value.nameSuffix : '';
    if (prefix !== '' && name.startsWith(prefix)) name = name.slice(prefix.length);
    if (suffix !== '' && name.endsWith(suffix)) name = name.slice(0, -suffix.length);
    return name;
  });
  // Kustomize also finds a patch's object by the name it had where it was first read.
  const original = name;
  return atLayer.map((layerName) => [...new Set([layerName, original, builtName])]);
}

function safeRegExp(pattern: string): RegExp | undefined {
  try {
    return new RegExp(pattern);
  } catch {
    return undefined;
  }
}

// ---------------------------------------------------------------------------
// Paths across documents.

/** The keys that identify an item of a list that strategic merge merges by key, in the order Kubernetes' lists use them. */
const MERGE_KEYS = ['name', 'containerPort', 'mountPath', 'devicePath', 'ip', 'topologyKey', 'key', 'type'];

/**
 * A path of the built object as a path of another document (a base or a
 * patch): list items are matched by their merge key, so that an item the
 * overlay added or moved still finds its twin. Stops where the other document
 * has nothing; `matched` says how far it got.
 */
export function translatePath(
  built: unknown,
  other: unknown,
  objectPath: ObjectPath,
): { path: PathSegment[]; matched: number } {
  const translated: PathSegment[] = [];
  let from = built;
  let to = other;
  for (const [index, segment] of objectPath.entries()) {
    if (typeof segment === 'number') {
      if (!Array.isArray(from) || !Array.isArray(to)) return { path: translated, matched: index };
      const item = from[segment];
      const key = isRecord(item) ? MERGE_KEYS.find((candidate) => item[candidate] !== undefined) : undefined;
      const twin =
        key === undefined
          ? segment
          : to.findIndex((each) => isRecord(each) && each[key] === (item as Record<string, unknown>)[key]);
      if (twin === -1 || twin >= to.length) return { path: translated, matched: index };
      translated.push(twin);
      from = item;
      to = to[twin];
    } else {
      if (!isRecord(from) || !isRecord(to) || !(segment in to)) return { path: translated, matched: index };
      translated.push(segment);
      from = from[segment];
      to = to[segment];
    }
  }
  return { path: translated, matched: objectPath.length };
}
