/**
 * The Gatekeeper library ports are tested by their library's suites
 * (test/gatekeeper/conformance.test.ts); their documented examples are
 * fixtures like any rule's, under fixtures/<id>/, checked here.
 */
import { builtinRules } from '../../rules/index.js';
import { ruleTester } from './rule-tester.js';

for (const rule of builtinRules.filter(({ meta }) => meta.gatekeeper)) ruleTester(rule);
