const m = require('esmonly');
console.log(JSON.stringify(Object.keys(m)), m.a, m.default(), m.__esModule, Object.prototype.toString.call(m));
console.log(JSON.stringify(require('esmonly/mx.js')));
try { require('tla'); } catch (e) { console.log(e.code, e.message.split('\n')[0]); }
import('esmonly').then(ns => console.log('import() from cjs', ns.a, ns === m));
import('./src/util.js').then(ns => console.log('cjs via import()', ns.default));
try { require('./src/thr.mjs') } catch (e) { console.log('caught', e.message) }
try { require('./src/thr.mjs') } catch (e) { console.log('caught again', e.message) }
try { require('./src/cyc.mjs') } catch (e) { console.log('cyc', e.code, e.message.replace(__dirname, '')) }
