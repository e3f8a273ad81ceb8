// cheerio: load HTML, select, traverse, manipulate, serialize
const cheerio = require('cheerio');
const $ = cheerio.load('<ul id="fruits"><li class="apple">Apple</li><li class="orange">Orange</li><li class="pear">Pear &amp; co</li></ul><p>x<br>y</p>');
console.log($('.apple', '#fruits').text(), $('ul .pear').attr('class'), $('li').length);
console.log($('li').map((i, el) => $(el).text()).get());
$('ul').append('<li class="plum">Plum</li>');
$('.orange').addClass('big').removeClass('orange');
console.log($.html('#fruits'));
console.log($('li:nth-child(2)').attr(), $('li').last().prev().text(), $('p').contents().length);
console.log(cheerio.load('<a href="/x">l</a>', null, false).html(), $('li').toArray().map((e) => e.name).join());
