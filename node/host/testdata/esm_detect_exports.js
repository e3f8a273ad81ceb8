const exports = 1;
console.log(typeof require, import.meta.url.startsWith('file://'));
undefinedThing.x;
