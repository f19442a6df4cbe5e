show de11ea959c21
