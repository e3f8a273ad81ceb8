const { from, of, interval } = require('rxjs');
const { map, filter, take, toArray, mergeMap } = require('rxjs/operators');
from([1, 2, 3, 4]).pipe(filter((x) => x % 2 === 0), map((x) => x * 10), toArray()).subscribe((v) => console.log('arr', v));
interval(5).pipe(take(3), toArray()).subscribe({ next: (v) => console.log('interval', v), complete: () => console.log('complete') });
of(1, 2).pipe(mergeMap((x) => of(x, x))).subscribe((v) => console.log('merge', v));
