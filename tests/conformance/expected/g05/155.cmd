show gamma@de11ea959c21
