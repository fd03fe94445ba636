/**
 * PersistentVolumeClaims and PersistentVolumes: access modes, volume modes,
 * storage class names, and the claim's storage request.
 */
import { parseQuantity } from '../../kit/quantity.js';
import type { ObjectPath } from '../../model/types.js';
import { checkEnum, checkFormat, reportUnlessOneOf } from './checks.js';
import type { Findings } from './findings.js';
import { checkLabelSelector } from './labels.js';
import { isEmptyList, listOf, nonEmptyString, quote, recordOf } from './read.js';
import { dnsSubdomainProblems } from './syntax.js';

type Json = Record<string, unknown>;
const ACCESS_MODES = ['ReadWriteOnce', 'ReadOnlyMany', 'ReadWriteMany', 'ReadWriteOncePod'];
const VOLUME_MODES = ['Block', 'Filesystem'];

/** A claim needs an access mode and a positive storage request. */
export function checkPersistentVolumeClaim(out: Findings, object: Json): void {
  const spec = recordOf(object.spec);
  if (!spec) return;
  const path = ['spec'];
  checkAccessModes(out, spec, path);
  checkLabelSelector(out, spec.selector, [...path, 'selector']);
  checkStorageRequest(out, spec, path);
  checkCommonSpec(out, spec, path);
}

/** A volume's access modes, volume mode, class and reclaim policy. */
export function checkPersistentVolume(out: Findings, object: Json): void {
  const spec = recordOf(object.spec);
  if (!spec) return;
  const path = ['spec'];
  checkAccessModes(out, spec, path);
  checkCommonSpec(out, spec, path);
  checkEnum(
    out,
    spec.persistentVolumeReclaimPolicy,
    [...path, 'persistentVolumeReclaimPolicy'],
    ['Delete', 'Recycle', 'Retain'],
  );
}

function checkCommonSpec(out: Findings, spec: Json, path: ObjectPath): void {
  checkEnum(out, spec.volumeMode, [...path, 'volumeMode'], VOLUME_MODES);
  if (nonEmptyString(spec.storageClassName) !== undefined) {
    checkFormat(out, spec.storageClassName, [...path, 'storageClassName'], 'DNS-1123 subdomain', dnsSubdomainProblems);
  }
}

/** At least one access mode, each known, and `ReadWriteOncePod` alone. */
function checkAccessModes(out: Findings, spec: Json, path: ObjectPath): void {
  const modes = listOf(spec.accessModes);
  if (isEmptyList(spec.accessModes)) out.required(path, '"accessModes" must hold at least one access mode');
  modes.forEach((mode, index) => {
    if (typeof mode === 'string') reportUnlessOneOf(out, mode, [...path, 'accessModes', index], ACCESS_MODES);
  });
  const others = modes.filter((mode) => mode !== 'ReadWriteOncePod' && ACCESS_MODES.includes(String(mode)));
  if (modes.includes('ReadWriteOncePod') && others.length > 0) {
    out.value(
      [...path, 'accessModes'],
      `"ReadWriteOncePod" may not be combined with other access modes (${others.map(quote).join(', ')})`,
    );
  }
}

/** `resources.requests.storage` is required and must be greater than zero. */
function checkStorageRequest(out: Findings, spec: Json, path: ObjectPath): void {
  const resources = recordOf(spec.resources);
  const requests = recordOf(resources?.requests);
  const storage = requests?.storage;
  if (storage === undefined || storage === null) {
    const parent = requests ? [...path, 'resources', 'requests'] : resources ? [...path, 'resources'] : path;
    out.required(parent, 'a storage request ("resources.requests.storage") is required');
    return;
  }
  const quantity = parseQuantity(storage);
  if (quantity && quantity.numerator <= 0n) {
    out.value(
      [...path, 'resources', 'requests', 'storage'],
      `the storage request must be greater than zero, not ${quantity.text}`,
    );
  }
}
