/**
 * The files an overlay is made of (kustomizations, bases, patches), read once
 * per run and shared by its stages: planning reads the kustomizations to find
 * the overlays, building follows their layers, and placing findings reads
 * their text and documents. Each file is read at most once, and parsed only
 * when its documents are asked for. One instance belongs to one run; nothing
 * outlives it.
 */
import { readFileSync } from 'node:fs';
import { LineCounter, parseAllDocuments } from 'yaml';
import type { Locator } from '../../model/types.js';
import { decodeDocument, YAML_PARSE_OPTIONS } from '../../load/kube-yaml/decode.js';
import { createYamlLocator } from '../../load/locator.js';
import { readKustomization, type Kustomization } from './kustomization.js';

export interface SourceDocument {
  index: number;
  value: unknown;
  locator: Locator;
}

export interface SourceFile {
  text: string;
  /** Its documents, parsed on first use. */
  readonly documents: SourceDocument[];
  /** Its lines, split on first use. */
  readonly lines: string[];
}

/** Reads a file's text; throws when it cannot be read. */
export type ReadText = (absolute: string) => string;

export class SourceFiles {
  private readonly files = new Map<string, SourceFile | undefined>();
  private readonly kustomizations = new Map<string, Kustomization | undefined>();
  private readonly texts = new Map<string, SourceDocument[]>();

  /** `readText` is how files are read: the file system, unless a test counts the reads. */
  constructor(private readonly readText: ReadText = (absolute) => readFileSync(absolute, 'utf8')) {}

  /** The file's text and documents, or undefined when it cannot be read. */
  get(absolute: string): SourceFile | undefined {
    if (!this.files.has(absolute)) this.files.set(absolute, this.readSource(absolute));
    return this.files.get(absolute);
  }

  /** The kustomization of a folder, read through the same files; undefined when the folder has none. */
  kustomization(folder: string): Kustomization | undefined {
    if (!this.kustomizations.has(folder))
      this.kustomizations.set(
        folder,
        readKustomization(folder, (file) => this.get(file)?.text),
      );
    return this.kustomizations.get(folder);
  }

  /** The documents of a text written inside a file (a patch inside a kustomization), parsed once. */
  parsed(text: string): SourceDocument[] {
    let documents = this.texts.get(text);
    if (documents === undefined) {
      documents = parseSourceDocuments(text);
      this.texts.set(text, documents);
    }
    return documents;
  }

  private readSource(absolute: string): SourceFile | undefined {
    let text: string;
    try {
      text = this.readText(absolute);
    } catch {
      return undefined;
    }
    return sourceFile(text);
  }
}

/** A file's text, with its documents and lines worked out when first asked for. */
function sourceFile(text: string): SourceFile {
  let documents: SourceDocument[] | undefined;
  let lines: string[] | undefined;
  return {
    text,
    get documents() {
      return (documents ??= parseSourceDocuments(text));
    },
    get lines() {
      return (lines ??= text.split(/\r?\n/));
    },
  };
}

/** Each document of a text with its value as Kubernetes tools read it (undefined when it does not decode) and a locator. */
export function parseSourceDocuments(text: string): SourceDocument[] {
  const lineCounter = new LineCounter();
  return parseAllDocuments(text, { ...YAML_PARSE_OPTIONS, lineCounter }).map((document, index) => {
    let value: unknown;
    try {
      value = decodeDocument(document).value;
    } catch {
      value = undefined;
    }
    return { index, value, locator: createYamlLocator(document, lineCounter) };
  });
}
