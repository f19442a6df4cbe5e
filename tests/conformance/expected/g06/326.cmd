revision -m "next step" --head 096d4251c35f
