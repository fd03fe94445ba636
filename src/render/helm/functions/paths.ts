/**
 * Sprig's path functions with Go's `path` semantics (slash-separated, purely
 * lexical): `base`, `dir`, `clean`, `ext`, `isAbs`, and the `os*` forms,
 * which on Linux, where Helm runs for us, behave the same.
 */
import { goFunction, type GoFunction, type GoFunctionTable } from './go-function.js';

/** Go's `path.Clean`: one slash between names, no `.`, no `name/..`, no `..` right after the root. */
export function cleanPath(path: string): string {
  const rooted = path.startsWith('/');
  const names: string[] = [];
  for (const name of path.split('/')) {
    if (name === '' || name === '.') continue;
    if (name !== '..') names.push(name);
    else if (names.length > 0 && names.at(-1) !== '..') names.pop();
    else if (!rooted) names.push('..');
  }
  const cleaned = (rooted ? '/' : '') + names.join('/');
  return cleaned === '' ? '.' : cleaned;
}

/** Go's `path.Base`: the last name, trailing slashes ignored; "." for "" and "/" for slashes only. */
export function basePath(path: string): string {
  if (path === '') return '.';
  const trimmed = path.replace(/\/+$/, '');
  if (trimmed === '') return '/';
  return trimmed.slice(trimmed.lastIndexOf('/') + 1);
}

/** Go's `path.Dir`: everything before the last slash, cleaned. */
export function dirPath(path: string): string {
  return cleanPath(path.slice(0, path.lastIndexOf('/') + 1));
}

/** Go's `path.Ext`: from the last dot of the last name on, or "". */
export function extPath(path: string): string {
  for (let index = path.length - 1; index >= 0 && path[index] !== '/'; index--) {
    if (path[index] === '.') return path.slice(index);
  }
  return '';
}

const pathFunction = (name: string, impl: (path: string) => string | boolean): GoFunction =>
  goFunction(name, ['string'], impl);

const isAbs = (path: string) => path.startsWith('/');

/** The path functions, by template name. */
export const pathFunctions: GoFunctionTable = {
  base: pathFunction('base', basePath),
  dir: pathFunction('dir', dirPath),
  clean: pathFunction('clean', cleanPath),
  ext: pathFunction('ext', extPath),
  isAbs: pathFunction('isAbs', isAbs),
  osBase: pathFunction('osBase', basePath),
  osDir: pathFunction('osDir', dirPath),
  osClean: pathFunction('osClean', cleanPath),
  osExt: pathFunction('osExt', extPath),
  osIsAbs: pathFunction('osIsAbs', isAbs),
};
