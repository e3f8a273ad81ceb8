class MyError extends Error { constructor(m) { super(m); this.name = 'MyError'; } }
function make() { return new MyError('custom'); }
[1].forEach(() => { throw make(); });
