// The Action's entry, bundled into dist/action.js: run once and let the exit code follow core.setFailed.
import { run } from './run.js';

await run();
