export const url = import.meta.url;
export const obj = {};
globalThis.count = (globalThis.count || 0) + 1;
console.log('eval a', import.meta.url.split('/').pop(), import.meta.filename.split('/').pop());
