show core@head
