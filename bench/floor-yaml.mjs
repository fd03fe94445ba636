// Floor (c): read the files `k8s-bp lint` would read and load every document with yaml's
// parseAllDocuments and toJS, the parser k8s-bp itself uses (without positions or anything else).
import { parseAllDocuments } from 'yaml';
import { runFloor } from './files.mjs';

runFloor((text) => {
  const documents = parseAllDocuments(text);
  return (Array.isArray(documents) ? documents : []).map((document) => document.toJS({ maxAliasCount: 1000 }));
});
