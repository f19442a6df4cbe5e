upgrade cd61d8f16adf:afbd619699cf-1 --sql
