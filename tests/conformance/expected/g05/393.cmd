merge -m "join" c30d28dbd25e 78f87b3120df
