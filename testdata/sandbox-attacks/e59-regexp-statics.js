// cross-tenant: RegExp legacy statics leak the last match
/(s3cret)/.test(globalThis.secretProbe || ''); try { RegExp.$1 = 'x' } catch (e) {} (typeof RegExp.$1)
