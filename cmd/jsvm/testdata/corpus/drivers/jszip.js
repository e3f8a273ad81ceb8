// jszip: build a zip (deflate), read it back, Node buffers and streams
const JSZip = require('jszip');
(async () => {
  const zip = new JSZip();
  zip.file('hello.txt', 'Hello World\n');
  zip.folder('img').file('data.bin', Buffer.from([1, 2, 3, 250]));
  zip.file('big.txt', 'x'.repeat(10000), { compression: 'DEFLATE', date: new Date(Date.UTC(2020, 0, 1)) });
  const buf = await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
  console.log(Buffer.isBuffer(buf), buf.readUInt32LE(0).toString(16));
  const back = await JSZip.loadAsync(buf);
  console.log(Object.keys(back.files));
  console.log(await back.file('hello.txt').async('string'), [...await back.file('img/data.bin').async('uint8array')], (await back.file('big.txt').async('string')).length);
  const chunks = [];
  back.generateNodeStream({ type: 'nodebuffer', streamFiles: true }).on('data', (c) => chunks.push(c)).on('end', async () => {
    const again = await JSZip.loadAsync(Buffer.concat(chunks));
    console.log('stream', Object.keys(again.files).length);
    try { await JSZip.loadAsync(Buffer.from('not a zip')); } catch (e) { console.log('error', e.message.split('.')[0]); }
  });
})();
