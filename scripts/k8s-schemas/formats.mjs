// The formats of numbers (int32, int64, double) and of base64 strings (byte), which client-node
// 0.x does not record: taken from the later packages that do, for the same field of the same
// definition, or else of the same definition in another version of its package.
import { KNOWN_FORMATS } from './facts.mjs';
import { splitDefinition } from './names.mjs';

/** `formatOf(definition, field)` from the packages' models that record formats, or undefined. */
export function formatIndex(packages) {
  const exact = new Map();
  const anyVersion = new Map();
  for (const { models, names } of packages) {
    for (const [model, { fields }] of models) {
      const definition = names.get(model);
      if (definition === undefined) continue;
      const parts = splitDefinition(definition);
      for (const field of fields) {
        if (!/^(int32|int64|double|byte)$/.test(field.format)) continue;
        exact.set(`${definition}#${field.json}`, field.format);
        anyVersion.set(`${parts?.pkg}.${parts?.simple}#${field.json}`, field.format);
      }
    }
  }
  return (definition, field) => {
    const parts = splitDefinition(definition);
    const key = `${definition}#${field}`;
    return exact.get(key) ?? anyVersion.get(`${parts?.pkg}.${parts?.simple}#${field}`) ?? KNOWN_FORMATS[key];
  };
}
