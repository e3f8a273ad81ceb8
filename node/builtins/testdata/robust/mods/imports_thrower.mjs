await null;
await import('./throws_after_await.mjs');
