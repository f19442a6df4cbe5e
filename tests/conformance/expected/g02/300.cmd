upgrade d95bf2a4d27b:ext@+2 --sql
