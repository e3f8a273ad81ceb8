process.nextTick(() => console.log('tick'));
Promise.resolve().then(() => console.log('promise'));
console.log('sync');
await null;
console.log('after await');
process.nextTick(() => console.log('tick2'));
await null;
console.log('after await2');
