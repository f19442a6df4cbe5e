merge -m "join" 096d4251c35f 5c83a22ba4d7
