// fast-xml-parser: parse with attributes, build, validate
const { XMLParser, XMLBuilder, XMLValidator } = require('fast-xml-parser');
const xml = '<?xml version="1.0"?><lib><book id="1" lang="en"><title>A &amp; B</title><price>12.5</price></book><book id="2"><title>C</title><price>7</price></book></lib>';
const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@' });
const obj = parser.parse(xml);
console.log(JSON.stringify(obj));
console.log(new XMLBuilder({ ignoreAttributes: false, attributeNamePrefix: '@', format: true }).build(obj));
console.log(XMLValidator.validate(xml), XMLValidator.validate('<a><b></a>'));
console.log(new XMLParser({ preserveOrder: true }).parse('<a>1</a><b>2</b>'));
