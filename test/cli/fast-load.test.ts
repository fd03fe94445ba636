/**
 * The fast load path must not change a byte of any report. The same inputs
 * (every fixture, and a generated corpus of a thousand documents in one file)
 * are linted on the fast path and on the simple path (K8S_BP_SIMPLE_LOAD), in
 * each report format, and the outputs compared exactly. Each run is a process of
 * its own: where a document nested too deep to load is reported depends on the
 * stack left when it overflows, which differs between runs in one process.
 */
import { describe, expect, it } from 'vitest';
// @ts-expect-error: the benchmark's generator is plain JavaScript, without types.
import { ensureConfig, ensureCorpus } from '../../bench/generate.mjs';
import { runBinary } from '../helpers/cli.js';

const corpus = (ensureCorpus(1000) as { dir: string }).dir;
const inputs = ['fixtures', 'examples', `${corpus}/one`];
const config = ensureConfig() as string;

describe.each(['stylish', 'json', 'sarif'])('the %s report', (format) => {
  it('is the same on the fast and on the simple load path', () => {
    const args = ['lint', '--format', format, '--config', config, ...inputs];
    const fast = runBinary(args, { env: { K8S_BP_SIMPLE_LOAD: undefined } });
    const simple = runBinary(args, { env: { K8S_BP_SIMPLE_LOAD: '1' } });
    expect(fast.stderr).not.toContain('internal error');
    expect(fast.stdout.length).toBeGreaterThan(1000);
    expect([0, 1]).toContain(fast.status);
    expect(fast.status).toBe(simple.status);
    expect(fast.stdout === simple.stdout).toBe(true);
  });
});
