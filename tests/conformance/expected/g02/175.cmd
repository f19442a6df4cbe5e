downgrade 5d300706a045:d95bf2a4d27b --sql
