upgrade cd61d8f16adf:heads --sql
