stamp --sql head:f7f3f0e3cd97
