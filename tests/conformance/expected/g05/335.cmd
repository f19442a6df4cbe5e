show 78f87b3120df-1
