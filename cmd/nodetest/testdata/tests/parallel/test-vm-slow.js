// fake: sleep
