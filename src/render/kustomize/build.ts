/**
 * Builds one kustomization with the real Kustomize and reads back what it
 * built, with where each object came from. The user's files are never
 * touched: a temporary kustomization wraps the overlay and asks Kustomize for
 * origin and transformer annotations, which are taken off again before any
 * rule sees the objects.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse, parseAllDocuments } from 'yaml';
import { decodeDocument, YAML_PARSE_OPTIONS } from '../../load/kube-yaml/decode.js';
import { isRecord } from '../../model/records.js';
import type { KustomizeBinary } from './binary.js';
import { list, type Kustomization } from './kustomization.js';

const ORIGIN = 'config.kubernetes.io/origin';
const TRANSFORMATIONS = 'alpha.config.kubernetes.io/transformations';

/** Where Kustomize says a built object came from. Paths are absolute. */
export interface Origin {
  /** The file the object was read from. */
  path?: string;
  /** The kustomization whose generator made it. */
  configuredIn?: string;
  /** The generator, e.g. `{ kind: ConfigMapGenerator }`. */
  configuredBy?: { kind?: string; name?: string };
}

export interface BuiltObject {
  /** The object as `kustomize build` prints it, without the annotations asked for here. */
  value: Record<string, unknown>;
  origin: Origin;
  /** The kustomizations (absolute) whose transformers changed it, as Kustomize lists them. */
  transformedIn: string[];
}

export type BuildOutcome = { objects: BuiltObject[] } | { error: string };

/** Builds a kustomization as `kustomize build` would print it, keeping the build annotations it asks for itself. */
export function buildOverlay(kustomization: Kustomization, binary: KustomizeBinary): Promise<BuildOutcome> {
  const asked = list(kustomization.value?.buildMetadata);
  const keep = {
    origin: asked.includes('originAnnotations'),
    transformations: asked.includes('transformerAnnotations'),
  };
  return buildKustomization(kustomization.folder, binary, keep, kustomization.isComponent);
}

/** 64 MiB of output: far above a real overlay's build. */
const MAX_OUTPUT = 64 * 1024 * 1024;

/** Build annotations the user's own kustomization asks for stay, as they would in its plain build. */
export interface KeepAnnotations {
  origin: boolean;
  transformations: boolean;
}

export async function buildKustomization(
  folder: string,
  binary: KustomizeBinary,
  keep: KeepAnnotations = { origin: false, transformations: false },
  isComponent = false,
): Promise<BuildOutcome> {
  const wrapper = await mkdtemp(path.join(tmpdir(), 'k8s-bp-kustomize-'));
  try {
    const overlay = path.relative(wrapper, folder).split(path.sep).join('/');
    await writeFile(
      path.join(wrapper, 'kustomization.yaml'),
      // A component is built by applying it to nothing, as Kustomize does when asked to build one on its own.
      `${isComponent ? 'components' : 'resources'}:\n- ${JSON.stringify(overlay)}\nbuildMetadata: [originAnnotations, transformerAnnotations]\n`,
    );
    const run = await runBinary(binary, binary.buildArgs(wrapper));
    if ('error' in run) {
      // The wrapper adds a layer to Kustomize's message; the overlay built on its own says it as the user would see it.
      const plain = await runBinary(binary, binary.buildArgs(folder));
      return { error: cleanMessage('error' in plain ? plain.error : run.error) };
    }
    return { objects: readBuild(run.stdout, wrapper, keep, folder) };
  } finally {
    await rm(wrapper, { recursive: true, force: true });
  }
}

function runBinary(binary: KustomizeBinary, args: string[]): Promise<{ stdout: string } | { error: string }> {
  return new Promise((resolve) => {
    const env = Object.fromEntries(Object.entries(binary.env).filter((entry) => entry[1] !== undefined));
    execFile(binary.command, args, { maxBuffer: MAX_OUTPUT, encoding: 'utf8', env }, (error, stdout, stderr) => {
      if (error === null) resolve({ stdout });
      else resolve({ error: stderr.trim() || error.message });
    });
  });
}

/** Kustomize's message without its `Error: ` prefix, and without the warnings it printed before it. */
function cleanMessage(message: string): string {
  const lines = message.split('\n').filter((line) => !line.startsWith('# Warning:'));
  const text = lines.join(' ').trim();
  // Some kubectl builds log the error through klog: `E1208 01:38:52.879735  30694 run.go:72] "command failed" err="…"`.
  const logged = /^[EWIF]\d{4} [\d:.]+\s+\d+ \S+\] .*?\berr=("(?:[^"\\]|\\.)*")/.exec(text);
  if (logged !== null) {
    try {
      return JSON.parse(logged[1]!) as string;
    } catch {
      return text;
    }
  }
  return text.replace(/^Error: /i, '');
}

/** The built objects, their build annotations read and removed. */
export function readBuild(output: string, wrapper: string, keep: KeepAnnotations, folder: string): BuiltObject[] {
  const objects: BuiltObject[] = [];
  for (const document of parseAllDocuments(output, YAML_PARSE_OPTIONS)) {
    if (document.contents === null) continue;
    const { value } = decodeDocument(document);
    if (!isRecord(value)) continue;
    objects.push(takeAnnotations(value, wrapper, keep, folder));
  }
  return objects;
}

function takeAnnotations(
  value: Record<string, unknown>,
  wrapper: string,
  keep: KeepAnnotations,
  folder: string,
): BuiltObject {
  const metadata = isRecord(value.metadata) ? value.metadata : undefined;
  const annotations = metadata !== undefined && isRecord(metadata.annotations) ? metadata.annotations : undefined;
  const origin: Origin = {};
  const transformedIn: string[] = [];
  if (annotations !== undefined) {
    const written = readYaml(annotations[ORIGIN]);
    if (isRecord(written)) {
      if (typeof written.path === 'string' && written.repo === undefined)
        origin.path = path.resolve(wrapper, written.path);
      if (typeof written.configuredIn === 'string') origin.configuredIn = path.resolve(wrapper, written.configuredIn);
      if (isRecord(written.configuredBy)) origin.configuredBy = written.configuredBy as Origin['configuredBy'] & object;
    }
    const transformations = readYaml(annotations[TRANSFORMATIONS]);
    for (const entry of Array.isArray(transformations) ? transformations : []) {
      if (isRecord(entry) && typeof entry.configuredIn === 'string') {
        const file = path.resolve(wrapper, entry.configuredIn);
        if (!transformedIn.includes(file)) transformedIn.push(file);
      }
    }
    for (const [key, kept] of [
      [ORIGIN, keep.origin],
      [TRANSFORMATIONS, keep.transformations],
    ] as const) {
      if (!kept) delete annotations[key];
      else if (typeof annotations[key] === 'string') annotations[key] = relativeTo(annotations[key], wrapper, folder);
    }
    if (Object.keys(annotations).length === 0) delete metadata!.annotations;
  }
  return { value, origin, transformedIn };
}

/**
 * An annotation the user asked for, with its paths relative to the overlay
 * rather than to the wrapper, as the overlay's own build writes them.
 */
function relativeTo(text: string, wrapper: string, folder: string): string {
  return text.replace(/^(\s*(?:- )?(?:path|configuredIn): )(.+)$/gm, (line, key: string, written: string) => {
    if (/^[a-z]+:\/\//i.test(written)) return line;
    const absolute = path.resolve(wrapper, written);
    return key + path.relative(folder, absolute).split(path.sep).join('/');
  });
}

function readYaml(text: unknown): unknown {
  if (typeof text !== 'string') return undefined;
  try {
    return parse(text) as unknown;
  } catch {
    return undefined;
  }
}
