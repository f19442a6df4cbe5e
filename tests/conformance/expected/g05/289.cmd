stamp --sql head:78f87b3120df
