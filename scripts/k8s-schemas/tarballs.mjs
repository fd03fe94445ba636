// Fetches npm packages as tarballs and reads their files in memory.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';

/** The file name `npm pack` gives a package's tarball: `@scope/name@1.2.3` → `scope-name-1.2.3.tgz`. */
function tarballName(name, version) {
  return `${name.replace(/^@/, '').replace('/', '-')}-${version}.tgz`;
}

/**
 * The path of the tarball of `name@version` in `cacheDir`, fetched with `npm pack` unless it is
 * there already. The version is exact, so a cached tarball never goes stale.
 */
export function fetchTarball(name, version, cacheDir) {
  const file = path.join(cacheDir, tarballName(name, version));
  if (existsSync(file)) return file;
  mkdirSync(cacheDir, { recursive: true });
  console.log(`build-schemas: npm pack ${name}@${version}`);
  execFileSync('npm', ['pack', `${name}@${version}`, '--pack-destination', cacheDir, '--silent'], {
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  if (!existsSync(file)) throw new Error(`npm pack did not write ${file}`);
  return file;
}

/**
 * The text files of a gzipped tarball whose paths (without npm's leading `package/`) `wanted`
 * accepts, as path → text. A tar archive is a run of 512-byte headers, each followed by its
 * file's bytes padded to a multiple of 512.
 */
export function readTarball(file, wanted) {
  const bytes = gunzipSync(readFileSync(file));
  const files = new Map();
  let longName;
  for (let offset = 0; offset + 512 <= bytes.length;) {
    const header = bytes.subarray(offset, offset + 512);
    if (header[0] === 0) break;
    const size = Number.parseInt(field(header, 124, 12) || '0', 8);
    const type = String.fromCharCode(header[156] || 48);
    const body = bytes.subarray(offset + 512, offset + 512 + size);
    offset += 512 + Math.ceil(size / 512) * 512;
    if (type === 'L') {
      longName = body.toString('utf8').replace(/\0.*$/s, '');
      continue;
    }
    const name = longName ?? joinName(field(header, 345, 155), field(header, 0, 100));
    longName = undefined;
    if (type !== '0') continue;
    const relative = name.replace(/^[^/]+\//, '');
    if (wanted(relative)) files.set(relative, body.toString('utf8'));
  }
  return files;
}

function field(header, start, length) {
  return header
    .subarray(start, start + length)
    .toString('utf8')
    .replace(/\0.*$/s, '')
    .trim();
}

function joinName(prefix, name) {
  return prefix ? `${prefix}/${name}` : name;
}
