const { TextEncoder, TextDecoder } = require('util');
const log = (...a) => console.log(...a);
const te = new TextEncoder();
log(te, te.encoding, te.encode('hé€😀'), te.encode(), te.encode('\ud800'));
const dst = new Uint8Array(5); log(te.encodeInto('a€😀', dst), dst);
log(new TextDecoder(), new TextDecoder('utf-16le', {fatal: true, ignoreBOM: true}));
const td = new TextDecoder();
log(td.decode(new Uint8Array([0xef, 0xbb, 0xbf, 0x68, 0xc3, 0xa9])), td.decode(), td.decode(new Uint8Array([0xff, 0x41])), td.decode(new Uint16Array([0x4142]).buffer), td.decode(new DataView(new Uint8Array([0x43]).buffer)));
log(new TextDecoder('utf-8', {ignoreBOM: true}).decode(new Uint8Array([0xef, 0xbb, 0xbf, 0x41])).length);
for (const l of ['utf8', 'UTF-8', ' unicode-1-1-utf-8 ', 'utf-16', 'utf-16le', 'latin1', 'ascii', 'iso-8859-1', 'windows-1252', 'us-ascii']) log(l, new TextDecoder(l).encoding);
log(new TextDecoder('latin1').decode(new Uint8Array([0x41, 0x80, 0x9f, 0xe9, 0x81])));
log(new TextDecoder('utf-16le').decode(new Uint8Array([0xff, 0xfe, 0x41, 0, 0x3d, 0xd8, 0, 0xde, 0x42])));
const s = new TextDecoder(); log(JSON.stringify([s.decode(new Uint8Array([0xe2, 0x82]), {stream: true}), s.decode(new Uint8Array([0xac, 0x41]), {stream: true}), s.decode(new Uint8Array([0xe2]), {stream: true}), s.decode()]));
const s2 = new TextDecoder('utf-16le'); log(JSON.stringify([s2.decode(new Uint8Array([0x41]), {stream: true}), s2.decode(new Uint8Array([0, 0x3d, 0xd8]), {stream: true}), s2.decode(new Uint8Array([0, 0xde]))]));
try { new TextDecoder('nope'); } catch (e) { log(e.name, e.code, e.message); }
try { new TextDecoder('utf-8', {fatal: true}).decode(new Uint8Array([0xff])); } catch (e) { log(e.name, e.code, e.message); }
try { new TextDecoder().decode('str'); } catch (e) { log(e.name, e.code, e.message); }
try { te.encodeInto('a', []); } catch (e) { log(e.name, e.code, e.message); }
try { new TextDecoder('utf-8', 5); } catch (e) { log(e.name, e.code, e.message); }
log(Object.prototype.toString.call(te), Object.prototype.toString.call(td), typeof TextEncoder.prototype.encode, Object.keys(TextDecoder.prototype));
log(td.fatal, td.ignoreBOM, td.encoding);
