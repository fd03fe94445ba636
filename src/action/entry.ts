// The Action's entry, bundled into dist/action.js: run once and let the exit code follow core.setFailed.
// Like the CLI, the Action is a composition root: it chooses the rule catalogue that lint() works with.
import { builtinRules } from '../../rules/index.js';
import { run } from './run-action.js';

await run(builtinRules);
