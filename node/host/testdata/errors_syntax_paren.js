// a call left open: V8 reports the last argument, underlined
const x = 1;
console.log('value', x
