// mime (v4), cron-parser: types/extensions and cron schedules from a fixed date
import mime from 'mime';
import { CronExpressionParser } from 'cron-parser';
console.log(mime.getType('a/b/file.JSON'), mime.getType('x.tar.gz'), mime.getType('.md'), mime.getType('noext'), mime.getExtension('text/html; charset=utf-8'), [...mime.getAllExtensions('image/jpeg')]);
const it = CronExpressionParser.parse('*/15 9-17 * * MON-FRI', { currentDate: new Date('2024-03-01T16:50:00Z'), tz: 'UTC' });
console.log([1, 2, 3, 4].map(() => it.next().toISOString()));
const it2 = CronExpressionParser.parse('0 0 L * *', { currentDate: new Date('2024-01-15T00:00:00Z'), tz: 'UTC' });
console.log(it2.next().toISOString(), it2.next().toISOString(), it2.stringify());
try { CronExpressionParser.parse('61 * * * *'); } catch (e) { console.log('error', e.message); }
