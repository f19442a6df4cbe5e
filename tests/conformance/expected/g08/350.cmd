stamp --sql delta@head
