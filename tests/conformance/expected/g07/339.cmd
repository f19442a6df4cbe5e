show 119a74c9df6a-1
