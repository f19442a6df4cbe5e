upgrade d95bf2a4d27b:+1 --sql
