history -r de11ea959c21:
