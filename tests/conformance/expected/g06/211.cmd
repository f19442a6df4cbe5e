upgrade 5c83a22ba4d7:f9f380f1de02 --sql
