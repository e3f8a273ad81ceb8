// Callbacks of timers and immediates are named as V8 names Node's.
const util = require('util');
const show = (e) => console.log(util.inspect(e).split('\n').filter((l) => !l.includes('node:')).join('\n'));
setImmediate(function im() {
  show(new Error('immediate'));
  setImmediate(() => {
    show(new Error('arrow immediate'));
    setTimeout(() => {
      show(new Error('timeout'));
      const iv = setInterval(function tick() { show(new Error('interval')); clearInterval(iv); }, 1);
    }, 1);
  });
});
