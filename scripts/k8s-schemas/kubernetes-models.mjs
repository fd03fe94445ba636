// Reads the type declarations of kubernetes-models (and @kubernetes-models/apimachinery): one
// merged copy of the API, with Kubernetes' definition names and, for each field, the definition
// it refers to. client-node loses some of that: a Quantity is a plain string there, and a field
// of an object type with no properties (RawExtension, JSON, FieldsV1, an empty struct) is `any`.
import { definitionOfPascalName } from './names.mjs';

/** Which files of the tarballs the reader needs. */
export function isModelDeclaration(file) {
  return file.endsWith('.d.ts') && !file.startsWith('_schemas/') && !file.endsWith('index.d.ts');
}

/**
 * The definitions declared: definition name → Map of JSON field name → the definition names its
 * type mentions (`['io.k8s.apimachinery.pkg.api.resource.Quantity']` for a map of quantities).
 */
export function readModelDeclarations(files) {
  const definitions = new Map();
  for (const text of files.values()) {
    const exported = /export type \{ I(\w+) as I(IoK8s\w+),/.exec(text);
    if (!exported) continue;
    const name = definitionOfPascalName(exported[2]);
    const body = interfaceBody(text, `I${exported[1]}`);
    if (name === undefined || body === undefined) continue;
    const fields = new Map();
    for (const [field, type] of declaredFields(body)) {
      const mentioned = [...type.matchAll(/\bI(IoK8s\w+)/g)].map((match) => definitionOfPascalName(match[1]));
      if (new RegExp(`\\bI${exported[1]}\\b`).test(type)) mentioned.push(name);
      fields.set(field, mentioned.filter(Boolean));
    }
    definitions.set(name, fields);
  }
  return definitions;
}

function interfaceBody(text, interfaceName) {
  const start = new RegExp(`export interface ${interfaceName}\\b[^{]*\\{`).exec(text);
  if (!start) return undefined;
  let depth = 1;
  let index = start.index + start[0].length;
  for (; index < text.length && depth > 0; index++) {
    if (text[index] === '{') depth++;
    else if (text[index] === '}') depth--;
  }
  return text.slice(start.index + start[0].length, index - 1);
}

/** The fields of an interface body, as [name, type text], comments dropped. */
function declaredFields(body) {
  const code = body.replace(/\/\*[\s\S]*?\*\//g, '').replace(/\s+/g, ' ');
  const fields = [];
  let depth = 0;
  let current = '';
  for (const char of code) {
    if (char === '{' || char === '<' || char === '(') depth++;
    if (char === '}' || char === '>' || char === ')') depth--;
    if (char === ';' && depth === 0) {
      const match = /^\s*"([^"]+)"\??:\s*(.*)$/.exec(current);
      if (match) fields.push([match[1], match[2]]);
      current = '';
    } else current += char;
  }
  return fields;
}
