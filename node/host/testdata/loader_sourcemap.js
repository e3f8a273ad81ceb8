// a sourceMappingURL whose map is missing, empty or broken never breaks a load
console.log(require('./smap/empty.js'), require('./smap/data.js'));
import('./smap/esm.mjs').then(m => console.log(m.default));
eval('1\n//# sourceMappingURL=gone.map');
console.log(new Function('return 2\n//# sourceMappingURL=gone.map')());
//# sourceMappingURL=missing.js.map
