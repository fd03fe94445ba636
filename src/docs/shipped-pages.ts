/**
 * The rule pages the package ships in `docs/rules/`. A built-in rule's page
 * holds its example, which only a checkout has (among the rule's fixtures),
 * so the CLI prints the page that `npm run gen` wrote rather than rendering
 * one without it.
 */
import { readFileSync } from 'node:fs';

/**
 * Where `docs/rules/` lies from the running code: `dist/` (the bundles),
 * `src/docs/` (tests run from source) or `lib/src/docs/` (the tsc build).
 */
const PAGE_FOLDERS = ['../docs/rules/', '../../docs/rules/', '../../../docs/rules/'];

/** The shipped page `docs/rules/<id>.md`, or undefined when there is none. */
export function shippedRulePage(id: string): string | undefined {
  for (const folder of PAGE_FOLDERS) {
    try {
      return readFileSync(new URL(`${folder}${id}.md`, import.meta.url), 'utf8');
    } catch {
      // Not in this layout; try the next.
    }
  }
  return undefined;
}
