show df5cbad5ccc2
