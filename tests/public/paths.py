"""The public information pages, as the tests that visit each of them list them."""

PUBLIC_PATHS = [
    "/",
    "/wat-is-mensenhandel/",
    "/voor-professionals/",
    "/anoniem-melden/",
    "/geen-sporen/",
    "/privacy/",
    "/toegankelijkheid/",
]
