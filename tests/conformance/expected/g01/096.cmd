show afbd619699cf@head
