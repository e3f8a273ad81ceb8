// qrcode: matrix, terminal/utf8 rendering and an SVG string
const QRCode = require('qrcode');
(async () => {
  const qr = QRCode.create('hello jsvm', { errorCorrectionLevel: 'M' });
  console.log(qr.version, qr.modules.size, qr.maskPattern, qr.modules.data.slice(0, 30).join(''));
  console.log(await QRCode.toString('hi', { type: 'utf8', margin: 2 }));
  const svg = await QRCode.toString('svg me', { type: 'svg' });
  console.log(svg.length, svg.slice(0, 80));
  try { QRCode.create(''); } catch (e) { console.log('error', e.message); }
})();
