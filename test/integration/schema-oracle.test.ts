import { describe, expect, it } from 'vitest';
import { builtinRelease, SUPPORTED_RELEASES } from '../../src/schema/builtin/index.js';
import { listKeyDifferences, ORACLE_FILE, readOracle, releaseDifferences } from '../helpers/schema-oracle.js';
import { KNOWN_DIFFERENCES } from './schema-oracle-differences.js';

// What each API server publishes, for 1.27 to 1.35; kept beside the repository, never in it.
const oracle = readOracle();
if (!oracle) console.warn(`schema oracle: ${ORACLE_FILE} is absent, so the shipped schemas are not compared`);

function knownFor(release: string): string[] {
  return KNOWN_DIFFERENCES.filter((known) => known.releases.includes(release)).flatMap((known) => known.differences);
}

describe.skipIf(!oracle)('the shipped schemas against what each API server publishes', () => {
  it('cover the releases the oracle has', () => {
    expect([...(oracle?.keys() ?? [])].sort()).toEqual([...SUPPORTED_RELEASES]);
  });

  for (const release of SUPPORTED_RELEASES) {
    it(`${release}: the same kinds, scopes, fields, field types and required fields, but for the known differences`, () => {
      const ours = builtinRelease(release);
      const theirs = oracle?.get(release);
      if (!ours || !theirs) throw new Error(`release ${release} is missing`);
      const found = [...releaseDifferences(ours, theirs), ...listKeyDifferences(ours, theirs)];
      const known = knownFor(release);
      // For updating the list after a change: SCHEMA_ORACLE_PRINT=1 prints every difference.
      if (process.env.SCHEMA_ORACLE_PRINT) console.log(`DIFF ${release} ${found.length}\n${found.join('\n')}`);
      console.log(`schema oracle: ${release} differs in ${found.length} places, all known`);
      expect(
        found.filter((difference) => !known.includes(difference)),
        'new differences',
      ).toEqual([]);
      expect(
        known.filter((difference) => !found.includes(difference)),
        'listed but gone',
      ).toEqual([]);
    });
  }
});

describe.skipIf(!oracle)('the comparison', () => {
  it('sees a changed field type, a dropped field, a dropped kind and a changed scope', () => {
    const ours = builtinRelease('1.34');
    const theirs = oracle?.get('1.34');
    if (!ours || !theirs) throw new Error('release 1.34 is missing');
    const definitions = new Map(theirs.definitions);
    const port = definitions.get('io.k8s.api.core.v1.ContainerPort') as { properties: Record<string, unknown> };
    const { hostIP: _dropped, ...properties } = port.properties;
    void _dropped;
    definitions.set('io.k8s.api.core.v1.ContainerPort', {
      ...port,
      properties: {
        ...properties,
        containerPort: { type: 'integer', format: 'int64' },
        extraField: { type: 'string' },
      },
    });
    const kinds = theirs.kinds
      .filter((kind) => kind.kind !== 'CronJob')
      .map((kind) => (kind.kind === 'Pod' ? { ...kind, namespaced: false } : kind));
    expect(releaseDifferences(ours, { kinds, definitions })).toEqual(
      expect.arrayContaining([
        'kind v1 Pod: namespaced',
        'kind batch/v1 CronJob: extra',
        'io.k8s.api.core.v1.ContainerPort.containerPort: integer/int32, not integer/int64',
        'io.k8s.api.core.v1.ContainerPort.extraField: missing',
        'io.k8s.api.core.v1.ContainerPort.hostIP: extra',
      ]),
    );
  });
});
