local n = 0
function packet() n = n + 1 end
function finish() io.write("count ", n, "\n") end
