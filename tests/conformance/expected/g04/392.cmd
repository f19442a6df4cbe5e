stamp --sql gamma@head
