show 6d4bebcd1f5e
