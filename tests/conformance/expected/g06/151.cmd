downgrade b31a71f970cf:096d4251c35f --sql
