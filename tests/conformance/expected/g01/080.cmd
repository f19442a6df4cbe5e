show 1a2bf1fd42a2
