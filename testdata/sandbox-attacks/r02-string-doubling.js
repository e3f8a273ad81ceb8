// resource attack: memory: string doubling
let s = 'x'; for (;;) s += s;
