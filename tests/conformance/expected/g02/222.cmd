downgrade heads:d95bf2a4d27b --sql
