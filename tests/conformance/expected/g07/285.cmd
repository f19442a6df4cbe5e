downgrade 7403e:base --sql
