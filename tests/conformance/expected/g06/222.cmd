downgrade heads:096d4251c35f --sql
