stamp --sql de11ea959c21
