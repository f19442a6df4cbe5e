upgrade 025b8a9a021e:heads --sql
