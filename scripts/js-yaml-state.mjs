// A change that scripts/bundle.mjs makes to js-yaml as it bundles it, for speed alone.
//
// js-yaml 5's parseEvents builds its parser state with object spread:
// `{ ...DEFAULT_PARSER_OPTIONS, ...options, input, position, … }`. On the V8 of
// Node 20, the states built that way do not share one hidden class (`node
// --trace-deopt` shows "wrong map" deoptimizations as each new call starts), so
// once the parser has run on a few inputs, every access to its state is
// megamorphic and parsing runs at less than half its speed. k8s-bp calls it
// once for every 64 documents of a file, and again for each document that needs
// positions, so it pays that on nearly all of its parsing (measured on 10k
// documents: 1.37 s against 0.66 s to parse and construct them in groups).
//
// The bundle spells the two parser options out instead. The parser reads no
// other property of `options` (its state's fields are listed below it), so it
// behaves the same; test/unit/load/js-yaml-state.test.ts compares the events
// of the patched and the original parser.

const SPREAD_STATE = [
  '\tconst state = {',
  '\t\t...DEFAULT_PARSER_OPTIONS,',
  '\t\t...options,',
  '\t\tinput: `${input}\\0`,',
].join('\n');

const EXPLICIT_STATE = [
  '\tconst state = {',
  '\t\tfilename: options != null && Object.hasOwn(options, "filename") ? options.filename : DEFAULT_PARSER_OPTIONS.filename,',
  '\t\tmaxDepth: options != null && Object.hasOwn(options, "maxDepth") ? options.maxDepth : DEFAULT_PARSER_OPTIONS.maxDepth,',
  '\t\tinput: `${input}\\0`,',
].join('\n');

/** Matches the file that esbuild loads for `js-yaml`. */
export const JS_YAML_FILE = /[\\/]node_modules[\\/]js-yaml[\\/]dist[\\/]js-yaml\.mjs$/;

/**
 * js-yaml's source with parseEvents' state built without spread. Throws when
 * the code is not the one this was written for (another js-yaml version), so
 * that a bundle is never built with the change half applied.
 */
export function patchParserState(source) {
  const at = source.indexOf(SPREAD_STATE);
  if (at === -1 || source.indexOf(SPREAD_STATE, at + 1) !== -1) {
    throw new Error('js-yaml: parseEvents no longer builds its state as scripts/js-yaml-state.mjs expects; review it');
  }
  return source.replace(SPREAD_STATE, EXPLICIT_STATE);
}
