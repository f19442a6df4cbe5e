show billing@base
