// chroma-js and tinycolor2: color parsing, conversion, scales, contrast
import chroma from 'chroma-js';
import tinycolor from 'tinycolor2';
console.log(chroma('#ff8800').hex(), chroma('hotpink').rgb(), chroma('red').darken().hex(), chroma.mix('red', 'blue', 0.5, 'lab').hex());
console.log(chroma.scale(['white', 'black']).colors(4), chroma.contrast('white', 'navy').toFixed(3), chroma('#abc').hsl().map((x) => Number.isNaN(x) ? 'NaN' : +x.toFixed(3)));
const t = tinycolor('rgb(255, 0, 0)');
console.log(t.toHexString(), t.lighten(20).toHexString(), tinycolor('hsl(120, 100%, 50%)').toRgbString(), tinycolor.readability('#000', '#fff'), tinycolor('nope').isValid());
console.log(tinycolor('#f00').triad().map((c) => c.toHexString()), tinycolor.mostReadable('#123', ['#fff', '#000']).toHexString());
