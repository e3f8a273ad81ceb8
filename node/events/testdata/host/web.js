const ac = new AbortController(); console.log(ac, ac.signal); ac.signal.addEventListener('abort', (e) => console.log('abort', e.type, e instanceof Event, ac.signal.reason.name)); ac.abort(); console.log(ac.signal.aborted, ac.signal.reason.message);
const et = new EventTarget(); et.addEventListener('x', (e)=>console.log('x', e.type, e.target===et), {once:true}); et.dispatchEvent(new Event('x')); console.log(et.dispatchEvent(new Event('x')));
console.log(AbortSignal.abort('r').reason);
try { AbortSignal.abort().throwIfAborted() } catch(e) { console.log(e.name, e.message, e.code) }
try { new AbortSignal() } catch(e) { console.log(e.name, e.message, e.code) }
const ev = new Event('c', {cancelable: true}); ev.preventDefault(); console.log(ev.defaultPrevented, et.dispatchEvent(ev), Object.prototype.toString.call(ev));
const { addAbortListener, getEventListeners } = require('events');
const ac2 = new AbortController(); addAbortListener(ac2.signal, () => console.log('listener')); console.log(getEventListeners(ac2.signal, 'abort').length); ac2.abort();
console.log(Object.keys(require('events')).includes('EventTarget'));
