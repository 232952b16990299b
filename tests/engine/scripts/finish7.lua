function finish() return 7 end
