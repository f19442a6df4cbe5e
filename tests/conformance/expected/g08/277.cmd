stamp --sql head:0b35b46ee1da
