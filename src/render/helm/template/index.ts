/**
 * Go's text/template as Helm uses it: parse a chart's templates into one
 * {@link TemplateSet}, render any of them by name, and get the text with the
 * template position behind every part of it.
 */
export type * from './ast.js';
export { TemplateParseError, TemplateExecError } from './errors.js';
export type { MissingKey, RenderOptions } from './exec-state.js';
export { isTruthy } from './exec-values.js';
export { goTypeName, printArg } from './fmt/print-value.js';
export { plainFlags } from './fmt/formatter.js';
export { sprint, sprintf, sprintln } from './fmt/printf.js';
export type * from './functions.js';
export { nodeText } from './node-text.js';
export type { SourcePosition } from './source-text.js';
export { TemplateSet, type TemplateSetOptions } from './template-set.js';
