stamp --sql ext@head
