upgrade 096d4251c35f:heads --sql
