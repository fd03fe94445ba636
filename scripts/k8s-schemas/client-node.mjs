// Reads what one @kubernetes/client-node tarball says of the Kubernetes API: its models (fields,
// types, formats, required fields) and which models its API classes send or receive, and where.
//
// Two layouts: 0.x keeps models in dist/gen/model/v1Foo.js (CommonJS, no formats) and API classes
// in dist/gen/api/fooV1Api.js; 1.x and later keep them in dist/gen/models/V1Foo.js (with formats)
// and dist/gen/apis/FooV1Api.js.

/** Which files of the tarball the reader needs. */
export function isClientNodeFile(file) {
  return /^dist\/gen\/(models?|apis?)\/[^/]+\.(js|d\.ts)$/.test(file);
}

/**
 * The models, by client-node name: `{ fields: [{ json, type, format, required }] }`. `type` is
 * client-node's: `string`, `number`, `boolean`, `Date`, `any`/`object`, `IntOrString`, a model
 * name, `Array<…>` or `{ [key: string]: …; }`; `format` is empty in 0.x.
 */
export function readModels(files) {
  const models = new Map();
  for (const [file, text] of files) {
    const match = /^dist\/gen\/models?\/(\w+)\.js$/.exec(file);
    if (!match) continue;
    const attributes = attributeTypeMap(text);
    const className = /exports\.(\w+) = \w+;|export class (\w+)/.exec(text);
    if (!attributes || !className) continue;
    const name = className[1] ?? className[2];
    const optional = optionalProperties(files.get(file.replace(/\.js$/, '.d.ts')) ?? '');
    const fields = attributes.map((attribute) => ({
      json: attribute.baseName,
      type: attribute.type,
      format: attribute.format ?? '',
      required: !optional.has(attribute.name),
    }));
    models.set(name, { fields });
  }
  return models;
}

function attributeTypeMap(text) {
  const match = /\.attributeTypeMap = (\[[\s\S]*?\]);/.exec(text);
  return match ? JSON.parse(match[1]) : undefined;
}

/** The properties a model's declaration marks optional (`'name'?: type`). */
function optionalProperties(declaration) {
  const optional = new Set();
  for (const match of declaration.matchAll(/^\s*'([^']+)'\?:/gm)) optional.add(match[1]);
  return optional;
}

/**
 * What the API classes of group-versions send and receive: for each model name, the request
 * paths it travels on (`/apis/apps/v1/namespaces/{namespace}/deployments`).
 */
export function readApiTraffic(files) {
  const traffic = new Map();
  for (const [file, text] of files) {
    if (!/^dist\/gen\/apis?\/\w+V\d\w*Api\.js$/i.test(file)) continue;
    const paths = new Map();
    const types = new Map();
    for (const { method, body } of methods(text)) {
      const pathMatch = /localVarPath = (?:this\.basePath \+ )?'([^']+)'/.exec(body);
      if (pathMatch) paths.set(method, pathMatch[1]);
      const named = types.get(method) ?? new Set();
      for (const match of body.matchAll(/ObjectSerializer\.(?:de)?serialize\([^"]*"(\w+)"/g)) named.add(match[1]);
      types.set(method, named);
    }
    for (const [method, named] of types) {
      const requestPath = paths.get(method);
      if (requestPath === undefined) continue;
      for (const name of named) {
        if (!traffic.has(name)) traffic.set(name, new Set());
        traffic.get(name).add(requestPath);
      }
    }
  }
  return traffic;
}

/**
 * The methods of a generated API module, each with its text. The 1.x request factory and
 * response processor both have a method per operation (`readNamespacedPod`, and
 * `readNamespacedPodWithHttpInfo`), merged here under one name.
 */
function* methods(text) {
  const starts = [...text.matchAll(/^ {4}(?:async )?(\w+)\([^)]*\) \{$/gm)];
  for (let index = 0; index < starts.length; index++) {
    const start = starts[index];
    const end = starts[index + 1]?.index ?? text.length;
    yield { method: start[1].replace(/WithHttpInfo$/, ''), body: text.slice(start.index, end) };
  }
}
