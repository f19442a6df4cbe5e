downgrade 119a74c9df6a:base --sql
