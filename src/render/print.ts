/**
 * Prints rendered objects as YAML that Kubernetes tools read back to the same
 * values: any string that a YAML 1.1 reader would take for something else
 * (`yes`, `0o17`, `1:20`) is quoted.
 */
import { Document, isScalar, visit } from 'yaml';
import { resolvePlain, TAG } from '../load/kube-yaml/scalars.js';

export function printDocuments(objects: readonly unknown[]): string {
  return objects.map(printDocument).join('---\n');
}

function printDocument(object: unknown): string {
  const document = new Document(object, { version: '1.1' });
  visit(document, {
    Scalar(_key, node) {
      if (typeof node.value === 'string' && needsQuotes(node.value)) node.type = 'QUOTE_DOUBLE';
    },
    Pair(_key, pair) {
      if (isScalar(pair.key) && typeof pair.key.value === 'string' && needsQuotes(pair.key.value)) {
        pair.key.type = 'QUOTE_DOUBLE';
      }
    },
  });
  return document.toString({ lineWidth: 0 });
}

function needsQuotes(text: string): boolean {
  try {
    return resolvePlain(text).tag !== TAG.str;
  } catch {
    return true;
  }
}
