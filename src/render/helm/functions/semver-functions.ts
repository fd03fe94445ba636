/** Sprig's `semver` and `semverCompare`, over Masterminds/semver v3. */
import { expectArgs, stringArg, type GoFunction } from './args.js';
import { checkConstraints, parseConstraints } from './semver-constraints.js';
import { parseSemver } from './semver.js';

/** The version functions, by template name. */
export const SEMVER_FUNCTIONS: Readonly<Record<string, GoFunction>> = {
  semver: (...args) => {
    expectArgs('semver', args, 1);
    return parseSemver(stringArg(args[0]));
  },
  semverCompare: (...args) => {
    expectArgs('semverCompare', args, 2);
    const constraints = parseConstraints(stringArg(args[0]));
    return checkConstraints(constraints, parseSemver(stringArg(args[1])));
  },
};
