/** Reads a suite file (`kind: Suite`, as `gator verify` reads it) into its tests and cases. */
import { readFile } from 'node:fs/promises';
import { readSingleDocument } from '../load/kube-yaml/single-document.js';
import { UsageError } from '../model/errors.js';
import { isRecord } from '../model/records.js';

/** A suite, or a file a suite names, that cannot be read: the run stops with exit 2. */
export class SuiteError extends UsageError {
  constructor(message: string) {
    super(message, 'SUITE_UNREADABLE');
    this.name = 'SuiteError';
  }
}

export interface SuiteTest {
  name: string;
  template?: string;
  constraint: string;
  /** A ValidatingAdmissionPolicy file, instead of a template and a constraint. */
  policy?: string;
  /** Its bindings, when the policy file does not hold them. */
  binding?: string;
  skip: boolean;
  cases: SuiteCase[];
}

export interface SuiteCase {
  name: string;
  object: string;
  inventory: string[];
  skip: boolean;
  assertions: { violations: string; message?: string }[];
}

export async function readSuite(absolute: string, file: string): Promise<{ tests: SuiteTest[] }> {
  let text: string;
  try {
    text = await readFile(absolute, 'utf8');
  } catch (error) {
    throw new SuiteError(`${file}: cannot read the suite: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
  }
  const read = readSingleDocument(text);
  if ('error' in read) throw new SuiteError(`${file}:${read.line}:${read.column}: not valid YAML: ${read.error}`);
  const document = read.value;
  const fail = (message: string): never => {
    throw new SuiteError(`${file}: ${message}`);
  };
  if (!isRecord(document) || document.kind !== 'Suite') fail('not a Gatekeeper Suite (kind: Suite)');
  const suite = document as Record<string, unknown>;
  const tests = suite.tests ?? [];
  if (!Array.isArray(tests)) return fail('tests must be a list');
  return {
    tests: tests.map((test: unknown, index) => {
      const where = `tests[${index}]`;
      if (!isRecord(test)) return fail(`${where} must be a mapping`);
      const policy = typeof test.policy === 'string' ? test.policy : undefined;
      if (policy === undefined && typeof test.constraint !== 'string') {
        return fail(`${where} has no constraint file (or policy file)`);
      }
      if (test.binding !== undefined && typeof test.binding !== 'string')
        return fail(`${where}.binding must be a file`);
      const cases = test.cases ?? [];
      if (!Array.isArray(cases)) return fail(`${where}.cases must be a list`);
      return {
        name: typeof test.name === 'string' ? test.name : `test ${index + 1}`,
        ...(typeof test.template === 'string' && { template: test.template }),
        constraint: typeof test.constraint === 'string' ? test.constraint : '',
        ...(policy !== undefined && { policy }),
        ...(typeof test.binding === 'string' && { binding: test.binding }),
        skip: test.skip === true,
        cases: cases.map((item: unknown, caseIndex) => readCase(item, `${where}.cases[${caseIndex}]`, fail)),
      };
    }),
  };
}

function readCase(item: unknown, where: string, fail: (message: string) => never): SuiteCase {
  if (!isRecord(item)) return fail(`${where} must be a mapping`);
  if (typeof item.object !== 'string') return fail(`${where} has no object file`);
  const inventory = item.inventory ?? [];
  if (!Array.isArray(inventory) || !inventory.every((entry) => typeof entry === 'string')) {
    return fail(`${where}.inventory must be a list of files`);
  }
  const assertions = item.assertions ?? [];
  if (!Array.isArray(assertions)) return fail(`${where}.assertions must be a list`);
  return {
    name: typeof item.name === 'string' ? item.name : where,
    object: item.object,
    inventory: inventory as string[],
    skip: item.skip === true,
    assertions: assertions.map((assertion: unknown, index) => {
      const at = `${where}.assertions[${index}]`;
      if (!isRecord(assertion)) return fail(`${at} must be a mapping`);
      const violations = readExpected(assertion.violations);
      if (violations === undefined) return fail(`${at}.violations must be yes, no or a number`);
      if (assertion.message !== undefined && typeof assertion.message !== 'string') {
        return fail(`${at}.message must be a string`);
      }
      return { violations, ...(typeof assertion.message === 'string' && { message: assertion.message }) };
    }),
  };
}

/** gator's `violations`: yes (at least one), no (none), or an exact count; absent means yes. */
function readExpected(value: unknown): string | undefined {
  if (value === undefined || value === true || value === 'yes') return 'yes';
  if (value === false || value === 'no') return 'no';
  if (typeof value === 'number' && Number.isInteger(value) && value >= 0) return String(value);
  if (typeof value === 'string' && /^[0-9]+$/.test(value)) return String(Number(value));
  return undefined;
}
