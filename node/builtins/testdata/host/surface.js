// Builtin surface that everyday npm packages touch: Annex B accessors
// (koa's delegates), the constants module (graceful-fs), net's address
// helpers (express), v8 (prettier), web globals, BigIntStats.
'use strict';
const o = {};
o.__defineGetter__('x', function () { return 42; });
o.__defineSetter__('y', function (v) { this._y = v; });
o.y = 3;
const d = Object.getOwnPropertyDescriptor(o, 'x');
console.log(o.x, o._y, d.enumerable, d.configurable, typeof o.__lookupGetter__('x'), o.__lookupGetter__('nope'));
console.log(Object.create(o).__lookupSetter__('y') === Object.getOwnPropertyDescriptor(o, 'y').set);
for (const f of [() => o.__defineGetter__('z', 1), () => o.__defineSetter__('z', {}),
  () => Object.prototype.__defineGetter__.call(null, 'z', () => 1), () => Object.prototype.__lookupGetter__.call(undefined, 'a'),
  () => Object.freeze({}).__defineGetter__('a', () => 1)]) {
  try { f(); console.log('no error'); } catch (e) { console.log(e.name, e.message.includes('Expecting function') || e.message.includes('null') || e.message.includes('define')); }
}
console.log(Object.keys(Object.prototype), ['__defineGetter__', '__defineSetter__', '__lookupGetter__', '__lookupSetter__'].map((n) => [Object.prototype[n].name, Object.prototype[n].length]));

const constants = require('constants');
const os = require('os');
const fs = require('fs');
console.log(Object.isFrozen(constants), constants.O_RDONLY === fs.constants.O_RDONLY, constants.SIGINT, constants.ENOENT, constants.S_IFDIR === fs.constants.S_IFDIR);
console.log(constants.RTLD_LAZY === os.constants.dlopen.RTLD_LAZY, constants.PRIORITY_LOW === os.constants.priority.PRIORITY_LOW);

const net = require('net');
for (const a of ['127.0.0.1', '01.2.3.4', '256.1.1.1', '::1', '::ffff:1.2.3.4', 'fe80::1%eth0', '1:2:3:4:5:6:7:8:9', '', 'localhost', 5, null, '1.2.3']) {
  console.log(JSON.stringify(a), net.isIP(a), net.isIPv4(a), net.isIPv6(a));
}
console.log(typeof net.Socket, typeof net.Server, net.getDefaultAutoSelectFamily());

const v8 = require('v8');
const hs = v8.getHeapStatistics();
console.log(Object.keys(hs).length, hs.used_heap_size > 0, hs.heap_size_limit >= hs.used_heap_size, v8.startupSnapshot.isBuildingSnapshot());
try { v8.startupSnapshot.addSerializeCallback(() => {}); } catch (e) { console.log(e.code, e.message); }
try { v8.setFlagsFromString(1); } catch (e) { console.log(e.code, e.message); }
v8.setFlagsFromString('--no-lazy');
console.log(typeof v8.cachedDataVersionTag(), Array.isArray(v8.getHeapSpaceStatistics()), typeof v8.getHeapCodeStatistics().code_and_metadata_size);

console.log(typeof DOMException, new DOMException('m', 'AbortError').code, new DOMException('m', 'AbortError').name);
const ce = new CustomEvent('ping', { detail: { n: 1 } });
console.log(ce.type, ce.detail, new CustomEvent('x').detail, ce instanceof Event);
try { new CustomEvent(); } catch (e) { console.log(e.code); }
console.log(typeof MessageChannel, typeof MessagePort, typeof BroadcastChannel);

const bs = fs.statSync(__dirname, { bigint: true });
console.log(typeof bs.mode, bs.isDirectory(), bs.isFile(), fs.statSync(__filename, { bigint: true }).isFile());
