// multi-tenant: one tenant's globals reach another
globalThis.__escaped = true; globalThis.shared = 'tenantA'; try { Object.prototype.tenantA = 1 } catch (e) {} 1
