merge -m "join" nosuch 78f87b3120df
