history -r :core@head
