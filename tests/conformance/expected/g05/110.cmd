show 687c377b9aa2
