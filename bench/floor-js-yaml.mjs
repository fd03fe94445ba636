// Floor (b): read the files `k8s-bp lint` would read and load every document with js-yaml.
// `json: true` lets a duplicate key keep its last value, as k8s-bp does, instead of failing the file.
import { loadAll } from 'js-yaml';
import { runFloor } from './files.mjs';

runFloor((text) => loadAll(text, { json: true }));
