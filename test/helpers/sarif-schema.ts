import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Ajv, type ValidateFunction } from 'ajv';
import { ROOT } from './cli.js';

let validate: ValidateFunction | undefined;

/** Validates a SARIF log against the SARIF 2.1.0 schema (draft-07 form) kept under fixtures/schemas. */
export function sarifSchemaErrors(log: unknown): string[] {
  if (!validate) {
    const schema = JSON.parse(
      readFileSync(path.join(ROOT, 'fixtures/schemas/sarif-2.1.0.draft-07.json'), 'utf8'),
    ) as object;
    validate = new Ajv({ allErrors: true, strict: false, validateFormats: false, unicodeRegExp: false }).compile(
      schema,
    );
  }
  return validate(log) ? [] : (validate.errors ?? []).map((error) => `${error.instancePath} ${error.message ?? ''}`);
}
