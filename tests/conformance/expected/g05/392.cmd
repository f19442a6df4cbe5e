merge -m "join" 5bc8bde5c099 78f87b3120df
