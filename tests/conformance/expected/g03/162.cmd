show 31163bfd1d33@head
