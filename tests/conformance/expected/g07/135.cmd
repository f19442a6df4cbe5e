show billing@b
