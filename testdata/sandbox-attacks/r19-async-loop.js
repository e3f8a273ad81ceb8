// resource attack: async loop (runAsync)
(async () => { for (;;) await null })()
