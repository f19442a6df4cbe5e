show ab
