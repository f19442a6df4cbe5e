show 685695c76ab4@head
