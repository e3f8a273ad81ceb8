// xml2js: parse (sax underneath, callbacks and promises) and build
const xml2js = require('xml2js');
const xml = '<root a="1"><item id="x">one</item><item id="y">two &amp; more</item><empty/><![CDATA[raw <b>]]></root>';
xml2js.parseString(xml, (err, res) => {
  console.log(err, JSON.stringify(res));
  new xml2js.Parser({ explicitArray: false, mergeAttrs: true }).parseStringPromise(xml).then((r) => {
    console.log(JSON.stringify(r));
    console.log(new xml2js.Builder({ headless: true }).buildObject({ root: { $: { v: 2 }, child: ['a', 'b'], n: 3 } }));
    return xml2js.parseStringPromise('<bad><x></bad>');
  }).catch((e) => console.log('error', e.message.split('\n')[0]));
});
