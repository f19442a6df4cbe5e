upgrade 096d4251c35f:b31a71f970cf-1 --sql
