Promise.resolve().then(() => { const o = {}; o.method(); });
