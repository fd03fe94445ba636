/**
 * The deterministic side of Sprig's date and crypto functions against the
 * real Helm 4.1.4: dates read with toDate or given as Unix seconds, Go
 * layouts, durations, derivePassword, decryptAES, and the errors of the
 * `must` forms. (What depends on the clock or on randomness is checked for
 * shape in non-hermetic.test.ts.)
 */
import { describe, expect, it } from 'vitest';
import { createSerializeFunctions } from '../../../../src/render/helm/functions/serialize-table.js';
import { goString } from '../../../../src/render/helm/functions/go-format.js';
import type { GoValue } from '../../../../src/render/helm/go-values.js';
import { renderHelmProbes, type ProbeResult } from '../../../helpers/helm-expression-probes.js';
import { referenceBinaries } from '../../../helpers/reference-binaries.js';

const binaries = referenceBinaries();
if (typeof binaries === 'string')
  console.log(`skipped the date and crypto differential tests against Helm: ${binaries}`);
const fn = createSerializeFunctions();

/** Calls a function of the table by name. */
function call(name: string, ...args: GoValue[]): GoValue {
  const found = fn[name];
  if (!found) throw new Error(`no function ${name}`);
  return found(...args);
}

/** What `toString` (Go's `%v`) makes of a value, as the Helm probes print it. */
const printed = (value: GoValue) => goString(value);

const LAYOUTS = [
  '2006-01-02',
  '02/01/2006 Mon Jan 3:04PM pm',
  'Monday, January 2 2006 15:04:05.000 MST',
  '06 1 2 3 4 5 .999999999 Z07:00 -0700 -07 Z0700',
  '002 __2 _2 Janet Month _2006',
  'Jan _2 15:04:05.000000',
];

const DATES: Array<[string, string]> = [
  ['2006-01-02', '2017-12-31'],
  ['2006-01-02T15:04:05Z07:00', '2017-12-31T10:20:30+02:00'],
  ['2006-01-02T15:04:05Z07:00', '2017-12-31T10:20:30Z'],
  ['2006-01-02 15:04:05.999', '2020-02-29 23:59:59.123'],
  ['Jan 2, 2006 at 3:04pm (MST)', 'Feb 3, 2013 at 7:54pm (PST)'],
  ['02 Jan 06 15:04 -0700', '04 Jul 21 09:30 -0530'],
];

const BAD_DATES: Array<[string, string]> = [
  ['2006-01-02', 'bad'],
  ['2006-01-02', '2017-13-01'],
  ['2006-01-02', '2017-02-30'],
  ['2006-01-02', '2017-12-31x'],
  ['15:04', '25:00'],
];

interface Case {
  expression: string;
  ours: () => GoValue;
}

function cases(): Case[] {
  const list: Case[] = [];
  const toDate = ([layout, text]: [string, string]) => call('toDate', layout, text);
  const q = (text: string) => JSON.stringify(text);
  for (const date of DATES) {
    const read = `(toDate ${q(date[0])} ${q(date[1])})`;
    list.push({ expression: read, ours: () => toDate(date) });
    list.push({ expression: `${read} | unixEpoch`, ours: () => call('unixEpoch', toDate(date)) });
    list.push({ expression: `htmlDate ${read}`, ours: () => call('htmlDate', toDate(date)) });
    list.push({ expression: `${read} | toJson`, ours: () => call('toJson', toDate(date)) });
    for (const layout of LAYOUTS) {
      list.push({ expression: `date ${q(layout)} ${read}`, ours: () => call('date', layout, toDate(date)) });
    }
    for (const zone of ['UTC', 'America/New_York', 'Nope/Zone']) {
      const layout = '2006-01-02 15:04 -0700';
      list.push({
        expression: `dateInZone ${q(layout)} ${read} ${q(zone)}`,
        ours: () => call('dateInZone', layout, toDate(date), zone),
      });
    }
    for (const change of ['-1.5h', '90m', '1h2m3.5s', '-300ms', 'bad', '']) {
      list.push({
        expression: `${read} | dateModify ${q(change)} | date "2006-01-02 15:04:05.000"`,
        ours: () => call('date', '2006-01-02 15:04:05.000', call('dateModify', change, toDate(date))),
      });
    }
  }
  for (const date of BAD_DATES) {
    list.push({ expression: `toDate ${q(date[0])} ${q(date[1])}`, ours: () => toDate(date) });
  }
  for (const seconds of [0, 86400, 1514678400, -1]) {
    list.push({
      expression: `date "2006-01-02 15:04:05" ${seconds}`,
      ours: () => call('date', '2006-01-02 15:04:05', BigInt(seconds)),
    });
  }
  for (const value of ['90', '3725', '0', '-61', 'x', '86400']) {
    list.push({ expression: `duration ${q(value)}`, ours: () => call('duration', value) });
  }
  for (const value of ['2h10m5s', '36h', '1000h', '9000h', '59s', '1.5s', 'bad', '-2h']) {
    list.push({ expression: `durationRound ${q(value)}`, ours: () => call('durationRound', value) });
  }
  for (const type of ['long', 'maximum', 'medium', 'short', 'basic', 'pin', 'nope']) {
    list.push({
      expression: `derivePassword 1 ${q(type)} "pass" "user" "site"`,
      ours: () => call('derivePassword', 1n, type, 'pass', 'user', 'site'),
    });
  }
  list.push({
    expression: 'derivePassword 7 "long" "secret" "üser" "example.com"',
    ours: () => call('derivePassword', 7n, 'long', 'secret', 'üser', 'example.com'),
  });
  const encrypted = printed(call('encryptAES', 'key', 'some text'));
  list.push({ expression: `decryptAES "key" ${q(encrypted)}`, ours: () => call('decryptAES', 'key', encrypted) });
  list.push({ expression: 'genPrivateKey "foo"', ours: () => call('genPrivateKey', 'foo') });
  list.push({ expression: 'htpasswd "u:x" "p"', ours: () => call('htpasswd', 'u:x', 'p') });
  return list;
}

/** Cases whose function fails, each in Helm's words. */
function failing(): Case[] {
  const read = call('toDate', '2006-01-02', '2017-12-31');
  return [
    ...BAD_DATES.map(([layout, text]) => ({
      expression: `mustToDate ${JSON.stringify(layout)} ${JSON.stringify(text)}`,
      ours: () => call('mustToDate', layout, text),
    })),
    ...['bad', '1', '1x', '', '.h', '+-1h'].map((change) => ({
      expression: `toDate "2006-01-02" "2017-12-31" | mustDateModify ${JSON.stringify(change)}`,
      ours: () => call('mustDateModify', change, read),
    })),
  ];
}

function ours(testCase: Case): ProbeResult {
  try {
    return { output: printed(testCase.ours()) };
  } catch (error) {
    return { error: error instanceof Error ? error.message : String(error) };
  }
}

describe.skipIf(typeof binaries === 'string')('date, duration and crypto functions against Helm 4.1.4', () => {
  it('prints every deterministic case as Helm does, and fails with its messages', () => {
    const helmBinary = typeof binaries === 'string' ? '' : binaries.helm;
    const [passing, failures] = [cases(), failing()];
    const all = [...passing, ...failures];
    const helm = [...renderHelmProbes(helmBinary, passing), ...renderHelmProbes(helmBinary, failures)];
    const mismatches = all.flatMap((testCase, index) => {
      const actual = ours(testCase);
      return JSON.stringify(actual) === JSON.stringify(helm[index])
        ? []
        : [{ expression: testCase.expression, actual, expected: helm[index] }];
    });
    console.log(`date and crypto cases matching Helm: ${all.length - mismatches.length} of ${all.length}`);
    expect(mismatches).toEqual([]);
  });
});
