show billing@4ef892276658
