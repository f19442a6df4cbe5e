show 78e5
