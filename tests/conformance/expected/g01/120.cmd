upgrade cd61d8f16adf:+1 --sql
