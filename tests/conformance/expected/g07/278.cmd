downgrade head:119a74c9df6a --sql
