show billing@head
