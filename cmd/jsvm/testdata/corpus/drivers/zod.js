const { z } = require('zod');
const S = z.object({ name: z.string().min(2), age: z.number().int().positive().optional(), tags: z.array(z.string()).default([]) });
console.log(JSON.stringify(S.parse({ name: 'bo' })), JSON.stringify(S.safeParse({ name: 'b', age: -1 }).error.issues.map((i) => i.code + ':' + i.path.join('.'))));
