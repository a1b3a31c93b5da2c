// Vitest setup file: the network is closed to tests. Any connection or DNS
// lookup that is not loopback throws at once, so no test can pass by reaching
// the internet, nor hang trying. Used by every package's vitest config.
import dns from 'node:dns';
import net from 'node:net';

const LOOPBACK = /^(127\.\d+\.\d+\.\d+|::1|localhost|::ffff:127\.\d+\.\d+\.\d+)$/i;

function refuse(what) {
  const error = new Error(`network guard: tests may only reach 127.0.0.1, not ${what}`);
  error.code = 'ENETUNREACH';
  throw error;
}

const connect = net.Socket.prototype.connect;
net.Socket.prototype.connect = function guardedConnect(...args) {
  const first = args[0];
  const options = Array.isArray(first) ? first[0] : first;
  let host;
  if (typeof options === 'object' && options !== null) {
    if (options.path) return connect.apply(this, args); // Unix socket
    host = options.host ?? 'localhost';
  } else if (typeof first === 'number' || /^\d+$/.test(String(first))) {
    host = typeof args[1] === 'string' ? args[1] : 'localhost';
  } else {
    return connect.apply(this, args); // a pipe path
  }
  if (!LOOPBACK.test(host)) refuse(host);
  return connect.apply(this, args);
};

for (const api of [dns, dns.promises]) {
  const lookup = api.lookup;
  api.lookup = function guardedLookup(hostname, ...rest) {
    if (!LOOPBACK.test(String(hostname))) refuse(hostname);
    return lookup.call(this, hostname, ...rest);
  };
}
