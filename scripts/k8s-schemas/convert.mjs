// Turns client-node models into schema nodes of the shape src/schema/types.ts declares.
import { KNOWN_EMPTY_STRUCTS, KNOWN_QUANTITIES } from './facts.mjs';
import { splitDefinition } from './names.mjs';

const QUANTITY = 'io.k8s.apimachinery.pkg.api.resource.Quantity';
const RAW_EXTENSION = 'io.k8s.apimachinery.pkg.runtime.RawExtension';

/**
 * Definitions that are written inline wherever they are used, as the validator reads them: a
 * quantity (a number, or a string of quantity syntax), int-or-string, timestamps, and the
 * definitions that hold any JSON (an embedded object, a CRD's default or example, a schema
 * that may also be a boolean or an array).
 */
const INLINE = {
  [QUANTITY]: { type: 'string', format: 'quantity' },
  'io.k8s.apimachinery.pkg.util.intstr.IntOrString': { 'x-kubernetes-int-or-string': true },
  'io.k8s.apimachinery.pkg.apis.meta.v1.Time': { type: 'string', format: 'date-time' },
  'io.k8s.apimachinery.pkg.apis.meta.v1.MicroTime': { type: 'string', format: 'date-time' },
  [RAW_EXTENSION]: { type: 'object', 'x-kubernetes-preserve-unknown-fields': true },
  'io.k8s.apimachinery.pkg.apis.meta.v1.FieldsV1': { type: 'object', 'x-kubernetes-preserve-unknown-fields': true },
  'io.k8s.apiextensions-apiserver.pkg.apis.apiextensions.v1.JSON': { 'x-kubernetes-preserve-unknown-fields': true },
  'io.k8s.apiextensions-apiserver.pkg.apis.apiextensions.v1.JSONSchemaPropsOrArray': {
    'x-kubernetes-preserve-unknown-fields': true,
  },
  'io.k8s.apiextensions-apiserver.pkg.apis.apiextensions.v1.JSONSchemaPropsOrBool': {
    'x-kubernetes-preserve-unknown-fields': true,
  },
  'io.k8s.apiextensions-apiserver.pkg.apis.apiextensions.v1.JSONSchemaPropsOrStringArray': {
    'x-kubernetes-preserve-unknown-fields': true,
  },
};

/**
 * The schema of one model. `context` holds the release's `names` (client-node name →
 * definition name), `declared` (kubernetes-models' field facts) and `formatOf(definition,
 * field)` (a number's format where client-node 0.x gives none).
 */
export function modelSchema(definition, model, context) {
  const properties = {};
  const required = [];
  for (const field of model.fields) {
    const facts = { definition, field: field.json, format: field.format, context };
    properties[field.json] = typeSchema(field.type.trim(), facts);
    if (field.required) required.push(field.json);
  }
  return { type: 'object', properties, ...(required.length > 0 ? { required: required.sort() } : {}) };
}

function typeSchema(type, facts) {
  const array = /^Array<(.+)>$/.exec(type);
  if (array) return { type: 'array', items: typeSchema(array[1].trim(), facts) };
  const map = /^\{ \[key: string\]: (.+); \}$/.exec(type);
  if (map) return { type: 'object', additionalProperties: typeSchema(map[1].trim(), facts) };
  const { names } = facts.context;
  if (names.has(type)) return refOrInline(names.get(type));
  if (type === 'V1MicroTime' || type === 'Date') return INLINE['io.k8s.apimachinery.pkg.apis.meta.v1.Time'];
  if (type === 'IntOrString') return INLINE['io.k8s.apimachinery.pkg.util.intstr.IntOrString'];
  if (type === 'any' || type === 'object') return untypedSchema(facts);
  if (type === 'string') return stringSchema(facts);
  if (type === 'boolean') return { type: 'boolean' };
  if (type === 'number') return numberSchema(facts);
  throw new Error(`build-schemas: ${facts.definition}.${facts.field}: unknown type ${type}`);
}

function refOrInline(definition) {
  return INLINE[definition] ?? { $ref: `#/definitions/${definition}` };
}

/** What kubernetes-models says a field refers to, from this definition or another version of it. */
function declaredReferences({ definition, field, context }) {
  const exact = context.declared.fields.get(definition)?.get(field);
  if (exact) return exact;
  const parts = splitDefinition(definition);
  for (const other of context.declared.byPackageAndName.get(`${parts?.pkg}.${parts?.simple}`) ?? []) {
    const references = context.declared.fields.get(other)?.get(field);
    if (references) return references;
  }
  return [];
}

function stringSchema(facts) {
  const quantity = KNOWN_QUANTITIES.has(`${facts.definition}#${facts.field}`);
  if (quantity || declaredReferences(facts).includes(QUANTITY)) return INLINE[QUANTITY];
  const format = facts.format || facts.context.formatOf(facts.definition, facts.field);
  return format === 'byte' ? { type: 'string', format } : { type: 'string' };
}

/** A number's format; int64, the widest, where none is known. */
function numberSchema(facts) {
  let format = facts.format || facts.context.formatOf(facts.definition, facts.field);
  if (format === undefined) {
    console.warn(`build-schemas: no format known for ${facts.definition}.${facts.field}; int64 assumed`);
    format = 'int64';
  }
  return format === 'double' ? { type: 'number', format } : { type: 'integer', format };
}

/**
 * client-node types a field `any` when its definition declares no properties: any JSON, an
 * embedded object, or an empty struct, which takes no fields at all.
 */
function untypedSchema(facts) {
  if (KNOWN_EMPTY_STRUCTS.has(`${facts.definition}#${facts.field}`)) return { type: 'object' };
  const [referenced] = declaredReferences(facts);
  if (referenced === undefined) return INLINE[RAW_EXTENSION];
  if (INLINE[referenced]) return INLINE[referenced];
  const declaredFields = facts.context.declared.fields.get(referenced);
  if (declaredFields?.size === 0) return { type: 'object' };
  return INLINE[RAW_EXTENSION];
}
