stamp --sql head:096d42f9a039
