stamp --purge --sql head
