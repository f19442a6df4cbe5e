history -r 119a74c9df6a:119a74c9df6a
