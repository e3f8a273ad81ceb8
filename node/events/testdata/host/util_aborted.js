const util = require('util');
const ac = new AbortController();
util.aborted(ac.signal, {}).then(v => console.log('aborted resolved', v && v.type));
setTimeout(() => ac.abort(), 1);
const ac2 = new AbortController(); ac2.abort();
util.aborted(ac2.signal, {}).then(() => console.log('already aborted'));
for (const [s, r] of [[undefined, {}], [{}, {}], [ac.signal, null], [ac.signal, 1]]) {
  util.aborted(s, r).catch((e) => console.log(e.code, e.message));
}
const { setMaxListeners } = require('events');
setMaxListeners(20, ac.signal);
try { setMaxListeners(5, {}) } catch (e) { console.log(e.code) }
