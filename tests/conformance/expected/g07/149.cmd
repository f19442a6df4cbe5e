show 10a3aa05e11a@head
