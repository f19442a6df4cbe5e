upgrade d95bf2a4d27b:nosuch --sql
