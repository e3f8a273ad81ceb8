// sql-formatter across dialects
import { format } from 'sql-formatter';
const q = "select a, b, count(*) as n from t join u on t.id=u.tid where a > 1 and b in (1,2,3) group by a, b having count(*) > 2 order by n desc limit 10";
console.log(format(q));
console.log(format(q, { language: 'postgresql', keywordCase: 'upper', tabWidth: 4 }));
console.log(format('insert into x (a,b) values (1, \'two\'); update x set a = 2 where b = \'two\';', { language: 'mysql' }));
try { format('select 1', { language: 'nope' }); } catch (e) { console.log('error', e.message); }
