// fake: needs-common
