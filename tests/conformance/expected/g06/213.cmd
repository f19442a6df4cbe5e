downgrade 096d4251c35f:b31a71f970cf --sql
