/**
 * The Sprig functions Helm keeps, as one table by template name, over the Go
 * value model of `../go-values.ts`. Serialization (`toYaml`, `toJson`, ...),
 * semver, dates, random and crypto functions, and the functions that need
 * the template executor (`include`, `tpl`, `required`, `fail`, `lookup`) are
 * provided elsewhere.
 */
import { conversionFunctions } from './conversion.js';
import { defaultsFunctions } from './defaults.js';
import { dictFunctions } from './dicts.js';
import { encodingFunctions } from './encoding.js';
import { goFunction, type GoFunctionTable } from './go-function.js';
import { listFunctions } from './lists.js';
import { mathFunctions } from './math.js';
import { pathFunctions } from './paths.js';
import { reflectionFunctions } from './reflection.js';
import { regexFunctions } from './regex.js';
import { stringListFunctions } from './string-lists.js';
import { stringFunctions } from './strings.js';
import { urlFunctions } from './urls.js';

export { GoArgumentError, type GoFunction, type GoFunctionTable, type GoSignature } from './go-function.js';

/** Helm renders with DNS look-ups off, where `getHostByName` answers "". */
const helmRebound: GoFunctionTable = {
  getHostByName: goFunction('getHostByName', ['string'], () => ''),
};

/** Every function of this folder, by the name templates call it with. */
export const sprigFunctions: GoFunctionTable = {
  ...stringFunctions,
  ...stringListFunctions,
  ...conversionFunctions,
  ...mathFunctions,
  ...defaultsFunctions,
  ...listFunctions,
  ...dictFunctions,
  ...reflectionFunctions,
  ...regexFunctions,
  ...encodingFunctions,
  ...pathFunctions,
  ...urlFunctions,
  ...helmRebound,
};
