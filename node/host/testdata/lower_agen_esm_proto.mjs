const a = Object.getPrototypeOf(Object.getPrototypeOf(async function* () {}).prototype);
console.log(typeof a);
export {};
