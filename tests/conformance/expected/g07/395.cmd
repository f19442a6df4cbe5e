merge -m "join" nosuch 119a74c9df6a
