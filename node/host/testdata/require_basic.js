const log = s => process.stdout.write(s + '\n');
const a = require('./mods/a');
log('a.name ' + a.name + ' b.fromA ' + a.b.fromA + ' partial ' + a.b.partial);
log(require('./mods/data.json').x + ' ' + require('./mods/dir').dir + ' ' + require('./mods/usepkg').pkg + ' ' + require('./mods/c.cjs').c);
log(require.resolve('./mods/a') === __dirname + '/mods/a.js');
log(module.id + ' ' + module.loaded + ' ' + (module.parent === null) + ' ' + module.children.length + ' ' + (require.main === module));
log(__filename.endsWith('require_basic.js') + ' ' + (__dirname + '/require_basic.js' === __filename));
const key = require.resolve('./mods/counter');
const c1 = require('./mods/counter'); const c2 = require('./mods/counter');
log('same ' + (c1 === c2) + ' cached ' + (require.cache[key].exports === c1));
delete require.cache[key];
log('fresh ' + (require('./mods/counter') !== c1));
try { require('./mods/nope'); } catch (e) { log(e.code + ' ' + e.message.split('\n')[0]); }
try { require('nopkg'); } catch (e) { log(e.code + ' ' + JSON.stringify(e.requireStack.map(p => p.slice(__dirname.length)))); }
try { require(''); } catch (e) { log(e.code + ' ' + e.message); }
try { require(1); } catch (e) { log(e.code + ' ' + e.message); }
try { require('node:nope'); } catch (e) { log(e.code + ' ' + e.message); }
try { require('./mods/throws'); } catch (e) { log('load error ' + e.message + ' cached ' + (require.resolve('./mods/throws') in require.cache)); }
try { require('./mods/bad'); } catch (e) { log(e.name + ' ' + e.message); }
log(typeof require('module') + ' ' + typeof require('node:timers').setTimeout + ' ' + (require('process') === process));
log(this === module.exports);
try { require('./mods/stack') } catch (e) { log(/stack.js:\d+:\d+/.exec(e.stack)[0]) }
