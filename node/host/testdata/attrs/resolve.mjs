console.log(Object.keys(import.meta).join(), typeof import.meta.resolve, import.meta.resolve.length, import.meta.resolve.name);
const t = (...a) => { try { console.log(JSON.stringify(a), import.meta.resolve(...a).replace(/^file:\/\/.*\/attrs\//, 'file://<dir>/')); } catch (e) { console.log(JSON.stringify(a), e.name, e.code, e.message.replace(/\/[^ ]*\/attrs\//g, '<dir>/')); } };
t('./x.json'); t('./nope.js'); t('../attrs/x.json'); t('node:fs'); t('node:nosuch'); t('pkg'); t('pkg/sub'); t('pkg/nope'); t('nopkg');
t('file:///a/b'); t('https://x.com/a'); t('data:text/javascript,1'); t('#x'); t(); t(5); t({ toString() { return './x.json'; } }); t('./a b?c#d');
t('./x.json', 'file:///other/');
const r = import.meta.resolve; console.log(r('./x.json') === import.meta.resolve('./x.json'));
t({ toString() { throw new Error('ts'); } });
t(Symbol('s'));
try { import.meta.resolve('x'.repeat(100000) + '/y'); } catch (e) { console.log(e.code, e.message.length - (import.meta.url.length - 'file://'.length)); } // without the path, which differs by checkout
