revision = "a"
