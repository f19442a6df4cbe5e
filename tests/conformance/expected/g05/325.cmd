history -r de11ea959c21:de11ea959c21
