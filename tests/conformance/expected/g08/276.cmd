stamp --sql head:c24f3bf36a14
