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
import type { SourceDocument, SourceFiles } from './source-files.js';

export interface ProvenanceContext {
  /** The overlay's layers, outermost (the entry point) first, down to the one that read or generated the object. */
  chain: readonly Kustomization[];
  /** The run's files: what is read to place one object's findings is read once for all. */
  sources: Pick<SourceFiles, 'get' | 'parsed'>;
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
  const memo = objectMemo(built, context);
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
        if (consider(layerSite({ layer, built, objectPath, context, names: names[index]!, memo })))
          return rangeOf(best!, at, objectPath.length);
      }
      if (consider(originSite(built, objectPath, context, memo))) return rangeOf(best!, at, objectPath.length);
      return best ? rangeOf(best, at, objectPath.length) : fileStart(context.chain[0]!.file, context);
    },
  };
  return locator;
}

/** What is the same for every path asked about one object, worked out once. */
interface ObjectMemo {
  /** The patches of each layer asked so far, by kustomization file. */
  patches: Map<string, PatchEntry[]>;
  /** The document the object was read from, if it was read from one. */
  origin(): SourceDocument | undefined;
}

function objectMemo(built: BuiltObject, context: ProvenanceContext): ObjectMemo {
  let origin: { document: SourceDocument | undefined } | undefined;
  return {
    patches: new Map(),
    origin: () => (origin ??= { document: originDocument(built, context) }).document,
  };
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

function originSite(
  built: BuiltObject,
  objectPath: ObjectPath,
  context: ProvenanceContext,
  memo: ObjectMemo,
): Site | undefined {
  const { origin } = built;
  if (origin.path !== undefined) {
    const document = memo.origin();
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
 * taken away); of two such, the one in the object's namespace. When no
 * document has its kind, a patch changed the kind, and the name alone tells.
 */
function findDocument(
  documents: readonly SourceDocument[],
  object: Record<string, unknown>,
): SourceDocument | undefined {
  const candidates = documents.flatMap(listItems);
  const sameKind = candidates.filter((document) => isRecord(document.value) && document.value.kind === object.kind);
  if (sameKind.length === 0) return namedDocument(candidates, object, true);
  return namedDocument(sameKind, object, false) ?? sameKind[0];
}

/**
 * A document, or when it is a list (`kind: List`, `PodList`, …) the objects
 * it holds, each as a document of its own: Kustomize reads the items of a
 * list as separate objects.
 */
function listItems(document: SourceDocument): SourceDocument[] {
  const { value } = document;
  if (!isRecord(value) || typeof value.kind !== 'string' || !value.kind.endsWith('List')) return [document];
  if (!Array.isArray(value.items)) return [document];
  return value.items.map((item, index) => ({
    index: document.index,
    value: item,
    locator: {
      locate: (objectPath, at) => document.locator.locate(['items', index, ...objectPath], at),
    },
  }));
}

/**
 * Of documents that could hold the object, the one whose name the object's
 * name holds, longest and in its namespace first; one without a name only
 * when no name is asked for.
 */
function namedDocument(
  documents: readonly SourceDocument[],
  object: Record<string, unknown>,
  nameRequired: boolean,
): SourceDocument | undefined {
  const name = nameOf(object) ?? '';
  const namespace = namespaceOf(object);
  let best: SourceDocument | undefined;
  let bestScore = -1;
  for (const document of documents) {
    if (!isRecord(document.value)) continue;
    const candidate = nameOf(document.value);
    if (candidate === undefined && nameRequired) continue;
    const nameScore = candidate === undefined ? 0 : name.includes(candidate) ? 2 * candidate.length + 2 : -1;
    if (nameScore < 0) continue;
    const score = nameScore + (namespaceOf(document.value) === namespace ? 1 : 0);
    if (score > bestScore) {
      best = document;
      bestScore = score;
    }
  }
  return best;
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
  const lines = context.sources.get(file)?.lines;
  if (lines === undefined) return undefined;
  const index = lines.findIndex((line) => line.trimStart().startsWith(`${key}=`) || line.trim() === key);
  return index === -1 ? undefined : index + 1;
}

function kustomizationDocument(file: string, context: ProvenanceContext): PlacedDocument | undefined {
  const document = context.sources.get(file)?.documents[0];
  return document === undefined ? undefined : placedSource(document, file, context);
}

// ---------------------------------------------------------------------------
// What one layer of the overlay changed.

function layerSite(asked: Omit<LayerQuery, 'kustomization' | 'document'>): Site | undefined {
  const document = kustomizationDocument(asked.layer.file, asked.context);
  if (document === undefined || !isRecord(document.value)) return undefined;
  const query: LayerQuery = { ...asked, kustomization: document.value, document };
  const { objectPath } = query;
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
  memo: ObjectMemo;
}

/**
 * A value that a `replacements` entry copied in from another object: the
 * entry's source, which names where the value comes from, is the place.
 */
function replacementSite(query: LayerQuery): Site | undefined {
  const { built, objectPath, names } = query;
  const candidates = replacementCandidates(query);
  if (candidates.length === 0) return undefined;
  // A field path written with list indexes counts items as the layer saw them; an outer layer may since have added some.
  const origin = query.memo.origin();
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

/** A replacement as written, where it is written. */
interface ReplacementCandidate {
  replacement: unknown;
  at: PlacedDocument;
  path: ObjectPath;
}

/**
 * A layer's replacements in the order they run: its `replacements` field,
 * then the `ReplacementTransformer` configs its `transformers` name, which
 * Kustomize runs after the transformers of the layer's own fields.
 */
function replacementCandidates(query: LayerQuery): ReplacementCandidate[] {
  const { layer, kustomization, document, context } = query;
  const candidates: ReplacementCandidate[] = [];
  const collect = (entries: unknown[], at: PlacedDocument) => {
    for (const [index, entry] of entries.entries()) {
      if (isRecord(entry) && typeof entry.path === 'string') {
        const absolute = path.resolve(layer.folder, entry.path);
        for (const source of context.sources.get(absolute)?.documents ?? []) {
          const placed = placedSource(source, absolute, context);
          if (Array.isArray(source.value)) {
            source.value.forEach((replacement, item) => candidates.push({ replacement, at: placed, path: [item] }));
          } else candidates.push({ replacement: source.value, at: placed, path: [] });
        }
      } else candidates.push({ replacement: entry, at, path: ['replacements', index] });
    }
  };
  collect(list(kustomization.replacements), document);
  for (const entry of list(kustomization.transformers)) {
    if (typeof entry !== 'string' || entry.includes('\n')) continue;
    const absolute = path.resolve(layer.folder, entry);
    for (const source of context.sources.get(absolute)?.documents ?? []) {
      if (!isRecord(source.value) || source.value.kind !== 'ReplacementTransformer') continue;
      collect(list(source.value.replacements), placedSource(source, absolute, context));
    }
  }
  return candidates;
}

/**
 * Whether a Kustomize field path (`spec.containers.[name=web].image`, `*` for
 * any item, `[a.b/c]` for a key that holds dots) names this path of the
 * object, or a map or list that holds it: a replacement that writes a whole
 * subtree writes every value in it.
 */
function fieldPathMatches(fieldPath: string, object: unknown, objectPath: ObjectPath): boolean {
  const segments = fieldPath.match(/\[[^\]]*\]|[^.]+/g) ?? [];
  if (segments.length === 0 || segments.length > objectPath.length) return false;
  let at = object;
  for (const [index, segment] of segments.entries()) {
    const step = objectPath[index]!;
    const item: unknown =
      isRecord(at) || Array.isArray(at) ? (at as Record<string, unknown>)[step as string] : undefined;
    const selector = /^\[([^=\]]+)=([^\]]*)\]$/.exec(segment);
    const key = /^\[([^=\]]*)\]$/.exec(segment)?.[1] ?? segment;
    if (selector !== null) {
      if (typeof step !== 'number' || !isRecord(item) || String(item[selector[1]!]) !== selector[2]) return false;
    } else if (key !== '*' && key !== String(step)) return false;
    at = item;
  }
  return true;
}

/** The kustomization's own fields that write one value: images, replicas, namespace, name prefix and suffix, labels, annotations. */
function fieldSite(query: LayerQuery): Site | undefined {
  return (
    imageSite(query) ??
    replicaSite(query) ??
    namespaceSite(query) ??
    nameSite(query) ??
    labelSite(query) ??
    annotationSite(query)
  );
}

/** A container's image at the `images` entry that produced it (its tag, digest or name), the last one first. */
function imageSite({ kustomization, document, built, objectPath }: LayerQuery): Site | undefined {
  const containers = ['containers', 'initContainers', 'ephemeralContainers'];
  if (objectPath.at(-1) !== 'image' || !objectPath.some((segment) => containers.includes(String(segment))))
    return undefined;
  const image = getIn(built.value, objectPath);
  if (typeof image !== 'string') return undefined;
  const repository = imageRepository(image);
  const entries = list(kustomization.images);
  for (let index = entries.length - 1; index >= 0; index--) {
    const entry = entries[index];
    if (!isRecord(entry)) continue;
    const produced = typeof entry.newName === 'string' ? entry.newName : entry.name;
    if (produced !== repository) continue;
    const key = ['newTag', 'digest', 'newName'].find((field) => entry[field] !== undefined);
    return siteIn(document, key === undefined ? ['images', index] : ['images', index, key], objectPath.length);
  }
  return undefined;
}

function replicaSite({ kustomization, document, objectPath, names }: LayerQuery): Site | undefined {
  if (objectPath.length !== 2 || objectPath[0] !== 'spec' || objectPath[1] !== 'replicas') return undefined;
  const entries = list(kustomization.replicas);
  for (let index = entries.length - 1; index >= 0; index--) {
    const entry = entries[index];
    if (isRecord(entry) && typeof entry.name === 'string' && names.includes(entry.name)) {
      return siteIn(document, ['replicas', index, 'count'], objectPath.length);
    }
  }
  return undefined;
}

/**
 * The `namespace` field for a namespace it set: the object's, and those of
 * subjects and webhook services that name the object's namespace. It also
 * names a Namespace object after the namespace it sets.
 */
function namespaceSite({ kustomization, document, built, objectPath }: LayerQuery): Site | undefined {
  const namespace = kustomization.namespace;
  if (typeof namespace !== 'string') return undefined;
  const isNamespaceName =
    built.value.kind === 'Namespace' && objectPath.length === 2 && objectPath.join('.') === 'metadata.name';
  if (objectPath.at(-1) !== 'namespace' && !isNamespaceName) return undefined;
  return getIn(built.value, objectPath) === namespace ? siteIn(document, ['namespace'], objectPath.length) : undefined;
}

/** The name prefix or suffix, when the name holds it: Kustomize passes some kinds by (Namespace among them). */
function nameSite({ kustomization, document, built, objectPath }: LayerQuery): Site | undefined {
  if (objectPath.length !== 2 || objectPath[0] !== 'metadata' || objectPath[1] !== 'name') return undefined;
  const name = nameOf(built.value) ?? '';
  for (const field of ['namePrefix', 'nameSuffix']) {
    const affix = kustomization[field];
    if (typeof affix === 'string' && affix !== '' && name.includes(affix))
      return siteIn(document, [field], objectPath.length);
  }
  return undefined;
}

function labelSite({ kustomization, document, objectPath }: LayerQuery): Site | undefined {
  const labelKey = labelKeyOf(objectPath);
  if (labelKey === undefined) return undefined;
  const labels = list(kustomization.labels);
  for (let index = labels.length - 1; index >= 0; index--) {
    const pairs = isRecord(labels[index]) ? (labels[index] as Record<string, unknown>).pairs : undefined;
    if (isRecord(pairs) && labelKey in pairs)
      return siteIn(document, ['labels', index, 'pairs', labelKey], objectPath.length);
  }
  if (isRecord(kustomization.commonLabels) && labelKey in kustomization.commonLabels) {
    return siteIn(document, ['commonLabels', labelKey], objectPath.length);
  }
  return undefined;
}

function annotationSite({ kustomization, document, objectPath }: LayerQuery): Site | undefined {
  const [first, key] = objectPath;
  if (objectPath.length !== 3 || first !== 'metadata' || key !== 'annotations') return undefined;
  const annotation = objectPath[2];
  if (typeof annotation !== 'string' || !isRecord(kustomization.commonAnnotations)) return undefined;
  return annotation in kustomization.commonAnnotations
    ? siteIn(document, ['commonAnnotations', annotation], objectPath.length)
    : undefined;
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

/** A patch entry of a kustomization: what it selects, its options, and its documents. */
interface PatchEntry {
  target: unknown;
  options: unknown;
  documents: PlacedDocument[];
}

function* patchSites(query: LayerQuery): Generator<Site | undefined> {
  const { layer, built, objectPath, names } = query;
  let entries = query.memo.patches.get(layer.file);
  if (entries === undefined) {
    entries = layerPatches(query);
    query.memo.patches.set(layer.file, entries);
  }
  // Later patches apply later, so they are asked first.
  for (let index = entries.length - 1; index >= 0; index--) {
    const { target, options, documents } = entries[index]!;
    if (target !== undefined && !targets(target, built.value, names)) continue;
    for (let at = documents.length - 1; at >= 0; at--) {
      const patch = documents[at]!;
      if (Array.isArray(patch.value)) yield jsonPatchSite(patch, built.value, objectPath);
      else if (
        isRecord(patch.value) &&
        patchWrites(objectPath, target, options) &&
        (target !== undefined || sameObject(patch.value, built.value, names))
      ) {
        const translated = translatePath(built.value, patch.value, objectPath);
        if (translated.matched === objectPath.length) yield siteIn(patch, translated.path, translated.matched);
      }
    }
  }
}

/** A layer's patches in the order they apply: strategic merge, JSON 6902, then `patches`, each in its order. */
function layerPatches(query: LayerQuery): PatchEntry[] {
  const { layer, kustomization, document, context } = query;
  const entries: PatchEntry[] = [];
  const layerLines = context.sources.get(layer.file)?.lines ?? [];
  const inline = (text: string, at: ObjectPath) => inlineDocuments(text, document, at, layerLines, context);
  const fromFile = (file: string) => {
    const absolute = path.resolve(layer.folder, file);
    const source = context.sources.get(absolute);
    return source === undefined ? [] : source.documents.map((each) => placedSource(each, absolute, context));
  };
  for (const key of ['patchesStrategicMerge', 'patchesJson6902', 'patches'] as const) {
    for (const [index, entry] of list(kustomization[key]).entries()) {
      if (typeof entry === 'string') {
        const documents = entry.includes('\n') ? inline(entry, [key, index]) : fromFile(entry);
        entries.push({ target: undefined, options: undefined, documents });
      } else if (isRecord(entry)) {
        const documents =
          typeof entry.path === 'string'
            ? fromFile(entry.path)
            : typeof entry.patch === 'string'
              ? inline(entry.patch, [key, index, 'patch'])
              : [];
        entries.push({ target: entry.target, options: entry.options, documents });
      }
    }
  }
  return entries;
}

/** A patch written inside the kustomization as a block scalar: its lines are lines of the kustomization. */
function inlineDocuments(
  text: string,
  kustomization: PlacedDocument,
  at: ObjectPath,
  fileLines: readonly string[],
  context: ProvenanceContext,
): PlacedDocument[] {
  const key = kustomization.place(kustomization.locator.locate(at));
  const indent = blockIndent(fileLines, key.line);
  return context.sources.parsed(text).map(({ value, locator }) => {
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
function blockIndent(lines: readonly string[], keyLine: number): number {
  const line = lines[keyLine] ?? '';
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

/**
 * Whether a strategic-merge patch writes this path. Its apiVersion, kind, name
 * and namespace say which object it patches; only a patch that selects its
 * object by `target` and allows the change (`allowKindChange`,
 * `allowNameChange`) sets the kind or name it holds. Every other path it holds
 * it writes.
 */
function patchWrites(objectPath: ObjectPath, target: unknown, options: unknown): boolean {
  const [first, second] = objectPath;
  const allows = (option: string) => target !== undefined && isRecord(options) && options[option] === true;
  if (objectPath.length === 1 && (first === 'apiVersion' || first === 'kind')) return allows('allowKindChange');
  if (objectPath.length !== 2 || first !== 'metadata') return true;
  if (second === 'name') return allows('allowNameChange');
  return second !== 'namespace';
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
 * patch): list items are matched by their merge key, and plain values by
 * value, so that an item the overlay added or moved still finds its twin.
 * Stops where the other document has nothing; `matched` says how far it got.
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
      const twin = twinIndex(from, segment, to);
      if (twin === -1 || twin >= to.length) return { path: translated, matched: index };
      translated.push(twin);
      from = from[segment];
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

/**
 * Where the item at `segment` of a built list stands in another document's
 * list: the item with the same merge key, or for a plain value the same value.
 * Where several share it (a list a custom resource keeps whole may repeat a
 * name; arguments may repeat), the one as many places down as in the built
 * list. An item with neither stands at the same index; so does a plain value
 * that Kustomize rewrote in place (a name reference), when no item was added.
 */
function twinIndex(from: readonly unknown[], segment: number, to: readonly unknown[]): number {
  const item = from[segment];
  const key = isRecord(item) ? MERGE_KEYS.find((candidate) => item[candidate] !== undefined) : undefined;
  const isPlain = !isRecord(item) && !Array.isArray(item);
  if (key === undefined && !isPlain) return segment;
  if (isPlain && to[segment] === item) return segment;
  const same = (each: unknown) =>
    key === undefined ? each === item : isRecord(each) && each[key] === (item as Record<string, unknown>)[key];
  const twins = to.flatMap((each, at) => (same(each) ? [at] : []));
  if (twins.length === 0) return isPlain && from.length === to.length ? segment : -1;
  const before = from.slice(0, segment).filter(same).length;
  return twins[Math.min(before, twins.length - 1)]!;
}
