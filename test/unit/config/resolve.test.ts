import { describe, expect, it } from 'vitest';
import { builtinRules } from '../../../rules/index.js';
import { ConfigError } from '../../../src/model/errors.js';
import type { LoadedConfig } from '../../../src/config/load.js';
import { resolveConstraints } from '../../../src/config/resolve.js';
import type { ConfigFile } from '../../../src/config/schema.js';

const loaded = (config: ConfigFile): LoadedConfig => ({
  config,
  file: '.k8s-bp.yaml',
  directory: '.',
  placeOf: () => ({ file: '.k8s-bp.yaml', line: 1, column: 1 }),
});
const resolve = (config: ConfigFile | undefined, enable: string[] = [], disable: string[] = []) =>
  resolveConstraints(config && loaded(config), builtinRules, { enable, disable });
const summary = (config: ConfigFile | undefined, enable?: string[], disable?: string[]) =>
  resolve(config, enable, disable).constraints.map(
    (constraint) => `${constraint.name}:${constraint.enforcementAction}`,
  );

describe('resolving constraints', () => {
  it('runs the recommended preset when there is no config', () => {
    expect(summary(undefined)).toEqual(summary({ extends: 'recommended' }));
    expect(summary(undefined)).toContain('no-latest-tag:deny');
  });

  it('runs only what a config names when it does not extend a preset', () => {
    expect(summary({ rules: { 'no-latest-tag': 'warn' } })).toEqual(['no-latest-tag:warn']);
  });

  it('adjusts and switches off preset rules by id', () => {
    const adjusted = summary({
      extends: 'recommended',
      rules: { 'no-latest-tag': 'dryrun', 'container-limits': 'off' },
    });
    expect(adjusted).toContain('no-latest-tag:dryrun');
    expect(adjusted).not.toContain('no-latest-tag:deny');
    expect(adjusted.filter((entry) => entry.startsWith('container-limits'))).toEqual([]);
    expect(adjusted).toHaveLength(summary(undefined).length - 1);
  });

  it('fills parameter defaults from the rule schema', () => {
    const [constraint] = resolve({ rules: { 'no-latest-tag': {} } }).constraints;
    expect(constraint?.parameters).toHaveProperty('disallowedTags', ['latest']);
  });

  it('adds named constraints next to the preset', () => {
    const config: ConfigFile = {
      constraints: [
        { rule: 'allowed-repos', name: 'prod', parameters: { repos: ['registry.example.com/'] } },
        { rule: 'allowed-repos', name: 'dev', parameters: { repos: ['docker.io/'] }, enforcementAction: 'warn' },
      ],
    };
    expect(summary(config)).toEqual(['prod:deny', 'dev:warn']);
  });

  it('rejects two constraints with one name', () => {
    const config: ConfigFile = { constraints: [{ rule: 'no-latest-tag' }, { rule: 'no-latest-tag' }] };
    expect(() => resolve(config)).toThrow(/two constraints are named "no-latest-tag"/);
  });

  it('picks the strictest scoped action that applies offline', () => {
    const scoped = (points: string[][]): ConfigFile => ({
      constraints: [
        {
          rule: 'no-latest-tag',
          enforcementAction: 'scoped',
          scopedEnforcementActions: points.map((names, index) => ({
            action: (['warn', 'deny', 'dryrun'] as const)[index] ?? 'warn',
            enforcementPoints: names.map((name) => ({ name })),
          })),
        },
      ],
    });
    expect(summary(scoped([['gator.gatekeeper.sh'], ['validation.gatekeeper.sh']]))).toEqual(['no-latest-tag:warn']);
    expect(summary(scoped([['*'], ['gator.gatekeeper.sh']]))).toEqual(['no-latest-tag:deny']);
    const skipped = resolve(scoped([['validation.gatekeeper.sh']]));
    expect(skipped.constraints).toEqual([]);
    expect(skipped.notes).toEqual(['constraint "no-latest-tag" skipped: no scoped enforcement action applies offline']);
  });

  it('requires scopedEnforcementActions with the scoped action', () => {
    expect(() => resolve({ constraints: [{ rule: 'no-latest-tag', enforcementAction: 'scoped' }] })).toThrow(
      /needs scopedEnforcementActions/,
    );
  });

  it('names the constraint and the field when parameters are invalid', () => {
    const config: ConfigFile = {
      constraints: [{ rule: 'allowed-repos', name: 'registries', parameters: { repo: [] } }],
    };
    const error = (() => {
      try {
        resolve(config);
      } catch (caught) {
        return caught;
      }
      return undefined;
    })();
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).message).toMatch(/constraint "registries" \(rule allowed-repos\): parameters/);
  });

  it('enables a rule from --rule and drops one with --disable', () => {
    const quick = summary(undefined, ['image-tag-format'], ['no-latest-tag']);
    expect(quick).toContain('image-tag-format:deny');
    expect(quick.filter((entry) => entry.startsWith('no-latest-tag'))).toEqual([]);
    expect(summary(undefined, ['allowed-repos'], ['allowed-repos'])).toEqual(summary(undefined));
  });

  it('suggests a rule id for a typo on the command line', () => {
    expect(() => resolve(undefined, ['no-latest'])).toThrow(
      'unknown --rule "no-latest" (did you mean "no-latest-tag"?)',
    );
  });
});
