// fake: skip not on this platform
