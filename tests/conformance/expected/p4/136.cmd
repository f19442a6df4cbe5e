show a1000004@head
