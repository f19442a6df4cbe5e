upgrade cd61d8f16adf:nosuch --sql
