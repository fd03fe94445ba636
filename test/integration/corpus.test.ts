/**
 * The real-world corpus (../shared/corpus/real-world, next to this checkout:
 * manifests copied verbatim from public projects, every document one the API
 * server accepts) linted with the strict preset: no crash, no rule error, and
 * no `invalid-resource` finding on manifests that are valid. The corpus is not
 * part of this repository; without it the test is skipped and says why.
 */
import { existsSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Finding } from '../../src/model/types.js';
import { lint } from '../../src/lint.js';
import { builtinRules } from '../../rules/index.js';
import { lintOptions, ROOT, tempDir } from '../helpers/cli.js';

const CORPUS = path.resolve(ROOT, '..', 'shared', 'corpus', 'real-world');
const present = existsSync(CORPUS);
if (!present) console.log(`skipped the real-world corpus test: ${CORPUS} does not exist`);

/**
 * Documents of the corpus that the API server would refuse after all, each
 * checked against its schema: k8s-bp is right to report them.
 */
const KNOWN_INVALID = [
  // `value: true` in an env entry: EnvVar.value is a string, and the API server cannot decode a boolean into it.
  'ingress-nginx/docs/examples/auth/oauth-external-auth/vouch-proxy.yaml:21:11 invalid-resource',
];

const describeFinding = (finding: Finding) =>
  `${path.relative(CORPUS, path.resolve(CORPUS, finding.file))}:${finding.line}:${finding.column} ${finding.ruleId} ${finding.path} — ${finding.message}`;

describe('the real-world corpus', () => {
  it.skipIf(!present)(
    'lints with the strict preset without a crash, a rule error, or an invalid-resource finding',
    async () => {
      const configFile = path.join(tempDir('k8s-bp-corpus-'), '.k8s-bp.yaml');
      writeFileSync(configFile, 'extends: strict\n');
      const started = Date.now();
      const result = await lint(
        lintOptions({
          paths: ['.'],
          cwd: CORPUS,
          configFile,
        }),
        builtinRules,
      );
      const elapsed = Date.now() - started;
      const failures = result.findings
        .filter((finding) => ['rule-error', 'invalid-resource'].includes(finding.ruleId))
        .filter((finding) => !KNOWN_INVALID.some((place) => describeFinding(finding).startsWith(place)));
      expect(failures.map(describeFinding)).toEqual([]);
      // Not a failure: YAML that Go's lenient parser (kubectl's) takes but the YAML 1.2 spec does not. Shown for the record.
      const parseErrors = result.findings.filter((finding) => finding.ruleId === 'parse-error');
      if (parseErrors.length > 0)
        console.log(`parse errors in the corpus:\n${parseErrors.map(describeFinding).join('\n')}`);
      // Every file is read, and every document in it is an object (the corpus holds only such files).
      expect(result.files).toBeGreaterThan(400);
      expect(result.resources).toBeGreaterThan(1000);
      expect(result.findings.length).toBeGreaterThan(0);
      expect(elapsed).toBeLessThan(30_000);
    },
    60_000,
  );
});
