show delta@head
