upgrade cd61d8f16adf:1e2f414c343c-1 --sql
