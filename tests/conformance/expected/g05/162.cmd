show 78f87b3120df@head
