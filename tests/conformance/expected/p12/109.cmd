upgrade nosuch:head --sql
