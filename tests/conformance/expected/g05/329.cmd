history -r :78f87b3120df-2
