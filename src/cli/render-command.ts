import { existsSync } from 'node:fs';
import path from 'node:path';
import { UsageError } from '../model/errors.js';
import { findKustomize, INSTALL_HINT } from '../render/kustomize/binary.js';
import { buildOverlay } from '../render/kustomize/build.js';
import { kustomizationFileIn, readKustomization } from '../render/kustomize/kustomization.js';
import { printDocuments } from '../render/print.js';
import { parseOptions } from './args.js';
import { loadRunConfig } from '../lint/load-run-config.js';
import { kustomizeBinary } from '../lint/render-inputs.js';
import { RENDER_HELP } from './help.js';
import type { Io } from './lint-command.js';

/**
 * `k8s-bp render DIR`: prints what a kustomization builds, as `kubectl
 * kustomize` does, through the same build that linting uses; for debugging a
 * finding's place and for checking k8s-bp against Kustomize itself.
 */
export async function runRender(args: readonly string[], io: Io): Promise<number> {
  const { values, positionals } = parseOptions(args, {
    'kustomize-binary': { type: 'string' },
    help: { type: 'boolean', short: 'h', default: false },
  });
  if (values.help) {
    io.stdout.write(RENDER_HELP);
    return 0;
  }
  if (positionals.length !== 1)
    throw new UsageError('render takes one folder; see k8s-bp render --help', 'RENDER_ARGS');
  const folder = path.resolve(io.cwd, positionals[0]!);
  if (kustomizationFileIn(folder) === undefined) {
    const what = existsSync(path.join(folder, 'Chart.yaml'))
      ? 'is a Helm chart; k8s-bp renders kustomizations only (use helm template for a chart)'
      : 'holds no kustomization.yaml, kustomization.yml or Kustomization';
    throw new UsageError(`${positionals[0]!} ${what}`, 'NOT_RENDERABLE');
  }
  // The same Kustomize as lint: the flag, else the nearest config's kustomize.binary, else PATH.
  const config = await loadRunConfig({ cwd: io.cwd });
  const named = kustomizeBinary(config, {
    cwd: io.cwd,
    ...(values['kustomize-binary'] !== undefined && { kustomizeBinary: values['kustomize-binary'] }),
  });
  const binary = findKustomize(named, io.env, io.cwd);
  if (binary === undefined) throw new UsageError(`no Kustomize found: ${INSTALL_HINT}`, 'NO_KUSTOMIZE');
  const outcome = await buildOverlay(readKustomization(folder)!, binary);
  if ('error' in outcome) {
    io.stderr.write(`k8s-bp: kustomize could not build ${positionals[0]!}: ${outcome.error}\n`);
    return 1;
  }
  io.stdout.write(printDocuments(outcome.objects.map((object) => object.value)));
  return 0;
}
