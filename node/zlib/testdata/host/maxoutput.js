// maxOutputLength bounds the one-shot forms (a zip bomb stops at the bound), as node: option checks, every mode, callbacks.
const z=require('zlib'); const big=z.gzipSync(Buffer.alloc(1e6));
try{z.gunzipSync(big,{maxOutputLength:1000})}catch(e){console.log(e.name,e.code,e.message, 'errno' in e)}
try{z.gunzipSync(big,{maxOutputLength:0})}catch(e){console.log(e.name,e.code,e.message)}
try{z.gunzipSync(big,{maxOutputLength:'x'})}catch(e){console.log(e.name,e.code,e.message)}
try{z.gunzipSync(big,{maxOutputLength:2**32+1})}catch(e){console.log(e.name,e.code,e.message)}
z.gunzip(big,{maxOutputLength:1000},(e,r)=>console.log('cb',e&&e.code,e&&e.message));
console.log(z.gunzipSync(big,{maxOutputLength:1e6}).length);
try{z.gunzipSync(big,{maxOutputLength:1e6-1})}catch(e){console.log(e.code,e.message)}
try{z.inflateRawSync(z.deflateRawSync(Buffer.alloc(5000)),{maxOutputLength:10})}catch(e){console.log(e.code,e.message)}
try{z.brotliDecompressSync(z.brotliCompressSync(Buffer.alloc(5000)),{maxOutputLength:10})}catch(e){console.log(e.code,e.message)}
try{z.unzipSync(z.deflateSync(Buffer.alloc(5000)),{maxOutputLength:10})}catch(e){console.log(e.code,e.message)}
try{z.gzipSync(Buffer.alloc(5000),{maxOutputLength:10})}catch(e){console.log(e.code,e.message)}
console.log(z.inflateSync(z.deflateSync('hello'), { maxOutputLength: 5 }).toString());
const bomb = z.gzipSync(Buffer.alloc(20e6));
try { z.gunzipSync(bomb, { maxOutputLength: 1 << 20 }); } catch (e) { console.log('bomb', e.code); }
console.log(z.gunzipSync(z.gzipSync('after')).toString());
