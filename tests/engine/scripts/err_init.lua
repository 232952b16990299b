-- init fails
function init()
  error("init failed")
end
function packet() io.write("x\n") end
