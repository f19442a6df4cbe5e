upgrade heads:78f87b3120df --sql
