downgrade 119a74c9df6a:billing@base --sql
