// A preload for tests (NODE_OPTIONS=--import <this file's URL>): every way out
// to the network is made to fail. Each attempt appends a line to the file named
// by K8S_BP_NETWORK_LOG and then throws; on load, one `preload active` line says
// the guard was in place, so a test can tell "nothing attempted" from "not loaded".
import { appendFileSync } from 'node:fs';
import dgram from 'node:dgram';
import dns from 'node:dns';
import http from 'node:http';
import http2 from 'node:http2';
import https from 'node:https';
import { syncBuiltinESMExports } from 'node:module';
import net from 'node:net';
import tls from 'node:tls';

const LOG = process.env.K8S_BP_NETWORK_LOG;
export const SENTINEL = 'preload active';

function record(line) {
  if (LOG) appendFileSync(LOG, `${line}\n`);
}

function describe(args) {
  return args
    .map((arg) => {
      if (typeof arg === 'function') return '<callback>';
      try {
        return JSON.stringify(arg instanceof URL ? arg.href : arg) ?? String(arg);
      } catch {
        return String(arg);
      }
    })
    .join(', ')
    .slice(0, 300);
}

function denied(name) {
  return function deniedNetworkAccess(...args) {
    record(`${name}(${describe(args)})`);
    const error = new Error(`network access denied by the test: ${name}`);
    error.code = 'ENETDENIED';
    throw error;
  };
}

function deny(target, names, prefix) {
  for (const name of names) {
    if (typeof target[name] === 'function') target[name] = denied(`${prefix}${name}`);
  }
}

deny(net.Socket.prototype, ['connect'], 'net.Socket.prototype.');
deny(net, ['connect', 'createConnection'], 'net.');
deny(tls, ['connect'], 'tls.');
deny(http, ['request', 'get'], 'http.');
deny(https, ['request', 'get'], 'https.');
deny(http2, ['connect'], 'http2.');
deny(dgram, ['createSocket'], 'dgram.');
deny(dgram.Socket.prototype, ['send', 'connect', 'bind'], 'dgram.Socket.prototype.');
const DNS = [
  'lookup',
  'lookupService',
  'resolve',
  'resolve4',
  'resolve6',
  'resolveAny',
  'resolveCaa',
  'resolveCname',
  'resolveMx',
  'resolveNaptr',
  'resolveNs',
  'resolvePtr',
  'resolveSoa',
  'resolveSrv',
  'resolveTxt',
  'reverse',
];
deny(dns, DNS, 'dns.');
deny(dns.promises, DNS, 'dns.promises.');
deny(dns.Resolver.prototype, DNS, 'dns.Resolver.prototype.');
deny(dns.promises.Resolver.prototype, DNS, 'dns.promises.Resolver.prototype.');
for (const name of ['fetch', 'WebSocket', 'EventSource']) {
  if (typeof globalThis[name] === 'function') globalThis[name] = denied(`globalThis.${name}`);
}
// `import { request } from 'node:http'` reads the ES module's named exports: make them the patched functions too.
syncBuiltinESMExports();

record(`${SENTINEL} pid=${process.pid}`);
