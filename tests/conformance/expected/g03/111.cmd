show ed03de383784
