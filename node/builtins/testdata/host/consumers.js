// stream/consumers over Readables of strings, Buffers and typed arrays.
const c = require('stream/consumers');
const { Readable } = require('stream');
(async () => {
  console.log(Object.keys(c));
  console.log(await c.text(Readable.from(['a', Buffer.from('é'), 'b'])));
  console.log(await c.json(Readable.from(['{"a":', '[1,2]}'])));
  const b = await c.buffer(Readable.from([Buffer.from([1, 2]), new Uint8Array([3])]));
  console.log(b, Buffer.isBuffer(b));
  const ab = await c.arrayBuffer(Readable.from(['xyz']));
  console.log(ab instanceof ArrayBuffer, ab.byteLength);
  const bl = await c.blob(Readable.from(['hi', Buffer.from(' there')]));
  console.log(bl.size, await bl.text());
  try { await c.json(Readable.from(['{bad'])); } catch (e) { console.log(e.name); }
})();
