/**
 * The files an overlay is made of (bases, patches, kustomizations), parsed
 * once per run, each document with its value and a locator: a finding on a
 * built object is placed in one of them.
 */
import { readFileSync } from 'node:fs';
import { LineCounter, parseAllDocuments } from 'yaml';
import type { Locator } from '../../model/types.js';
import { decodeDocument, YAML_PARSE_OPTIONS } from '../../load/kube-yaml/decode.js';
import { createYamlLocator } from '../../load/locator.js';

export interface SourceDocument {
  index: number;
  value: unknown;
  locator: Locator;
}

export interface SourceFile {
  text: string;
  documents: SourceDocument[];
}

export class SourceFiles {
  private readonly files = new Map<string, SourceFile | undefined>();

  /** The file's documents, or undefined when it cannot be read. */
  get(absolute: string): SourceFile | undefined {
    if (!this.files.has(absolute)) this.files.set(absolute, readSource(absolute));
    return this.files.get(absolute);
  }

  /** Every file read so far that could be read, with its text. */
  read(): Array<[string, SourceFile]> {
    return [...this.files].filter((entry): entry is [string, SourceFile] => entry[1] !== undefined);
  }
}

function readSource(absolute: string): SourceFile | undefined {
  let text: string;
  try {
    text = readFileSync(absolute, 'utf8');
  } catch {
    return undefined;
  }
  return { text, documents: parseSourceDocuments(text) };
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
