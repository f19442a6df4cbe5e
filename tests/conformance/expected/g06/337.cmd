merge -m "join" 096d4251c35f 5c41e9a51fb2
