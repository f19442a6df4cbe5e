show ffed288bc781
