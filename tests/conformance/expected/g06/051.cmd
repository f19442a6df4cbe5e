history -r 096d4251c35f:+1
