/**
 * ajv, loaded on first use. The bundled CLI validates the built-in schemas with
 * validators generated ahead of time (see precompiled.ts), so a plain lint
 * never needs ajv, and loading it would cost more start-up time than the rest
 * of a small run. Plugin rules and Gatekeeper template schemas compile theirs
 * here. The Action's bundle, which has no node_modules beside it, replaces this
 * module with one that imports ajv (scripts/bundle.mjs).
 */
import { createRequire } from 'node:module';
import type { Ajv, Options } from 'ajv';

interface AjvModule {
  Ajv: new (options: Options) => Ajv;
}

const requireHere = createRequire(import.meta.url);

/** A new ajv instance with these options. */
export function createAjv(options: Options): Ajv {
  const { Ajv: AjvClass } = requireHere('ajv') as AjvModule;
  return new AjvClass(options);
}
