show billing
