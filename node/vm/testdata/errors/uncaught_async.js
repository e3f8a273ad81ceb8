async function work() { await null; throw new TypeError('async boom'); }
work();
