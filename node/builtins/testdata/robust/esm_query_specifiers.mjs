import * as a1 from './mods/query/a.mjs';
import * as a2 from './mods/query/a.mjs?x=1';
import * as a3 from './mods/query/a.mjs?x=1';
import * as a4 from './mods/query/a.mjs#frag';
import * as a5 from './mods/query/a.mjs?x=1#frag';
import * as a6 from './mods/query/a.mjs?';
import * as a7 from './mods/query/sub/rel.mjs?q';
import sp from './mods/query/sp%20ace.mjs?z';
import c1 from './mods/query/c.cjs?x';
import c2 from './mods/query/c.cjs';
import j from './mods/query/d.json?v=2' with { type: 'json' };
console.log(a1 === a2, a2 === a3, a2 === a4, a4 === a5, a1 === a6);
console.log(a2.url.split('/').pop(), a4.url.split('/').pop(), a5.url.split('/').pop(), a6.url.split('/').pop(), a7.url.split('/').pop());
console.log(globalThis.count, sp, c1 === c2, j);
const d1 = await import('./mods/query/a.mjs?dyn');
const d2 = await import('./mods/query/a.mjs?dyn');
console.log(d1 === d2, d1.url.split('/').pop(), globalThis.count);
console.log(import.meta.resolve('./mods/query/a.mjs?r=1#h').split('/').pop());
try { await import('./mods/query/nope.mjs?x=1'); } catch (e) { console.log(e.code, e.message.replace(import.meta.dirname, 'DIR')); }
try { await import('./mods/query/a.mjs?%zz'); console.log('bad pct ok'); } catch (e) { console.log(e.code, e.message.replace(import.meta.dirname, 'DIR')); }
const e1 = await import('./mods/query/a.mjs?a=%20b');
console.log(e1.url.split('/').pop());
const e2 = await import('./mods/query/a.mjs?a=é b');
console.log(e2.url.split('/').pop());
const e3 = await import(new URL('./mods/query/a.mjs?u=1', import.meta.url).href);
console.log(e3.url.split('/').pop(), globalThis.count);
try { await import('./mods/query/a.mjs%3Fq'); } catch (e) { console.log(e.code, e.message.replace(import.meta.dirname, 'DIR')); }
try { await import('./mods/query/nope.mjs?x=1#h'); } catch (e) { console.log(e.code, e.message.replace(import.meta.dirname, "DIR"), e.url.replace(import.meta.dirname, "DIR")); }
try { await import('./mods/query/a.mjs%3Fq'); } catch (e) { console.log(e.code, e.message.replace(import.meta.dirname, "DIR"), e.url.replace(import.meta.dirname, "DIR")); }
try { await import('./mods/query/nope'); } catch (e) { console.log(e.code, e.message.replace(import.meta.dirname, "DIR"), e.url.replace(import.meta.dirname, "DIR")); }
try { await import('./mods/query/a?x'); } catch (e) { console.log(e.code, e.message.replace(import.meta.dirname, "DIR"), e.url.replace(import.meta.dirname, "DIR")); }
try { await import('./mods/query/sub?x'); } catch (e) { console.log(e.code, e.message.replace(import.meta.dirname, "DIR"), e.url.replace(import.meta.dirname, "DIR")); }
const z = await import('./mods/query/a.mjs?x#');
console.log(z.url.split('/').pop());
const w = await import('./mods/query/a.mjs#');
console.log(w.url.split('/').pop());
const r = await import('./mods/query/a.mjs?x=1&y=%2F#a%20b c');
console.log(r.url.split('/').pop());
const { boom } = await import('./mods/query/t.mjs?v=1#x');
try { boom(); } catch (e) { console.log(e.stack.split('\n')[1].trim().replace(import.meta.dirname, 'DIR')); }
