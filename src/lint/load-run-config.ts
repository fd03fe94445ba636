import path from 'node:path';
import { findConfigFile, loadConfigFile, type LoadedConfig } from '../config/load.js';
import { UsageError } from '../model/errors.js';
import { relativePosix } from '../util/posix-path.js';

/** Stage 1: the config file of this run, `--config` or the nearest `.k8s-bp.yaml`; undefined when there is none. */
export async function loadRunConfig(options: { cwd: string; configFile?: string }): Promise<LoadedConfig | undefined> {
  if (options.configFile !== undefined) {
    const file = path.resolve(options.cwd, options.configFile);
    return loadConfigFile(file, options.cwd).catch((error: unknown) => {
      if (error instanceof UsageError && error.code === 'CONFIG_UNREADABLE') {
        throw new UsageError(`config file not found: ${options.configFile}`, 'CONFIG_NOT_FOUND');
      }
      throw error;
    });
  }
  const found = findConfigFile(options.cwd);
  return found ? loadConfigFile(found, options.cwd) : undefined;
}

/** A path the config names (relative to its own directory), as one relative to the working directory. */
export function configRelative(config: LoadedConfig | undefined, cwd: string, entry: string): string {
  return relativePosix(cwd, config?.directory ?? cwd, entry) || '.';
}
